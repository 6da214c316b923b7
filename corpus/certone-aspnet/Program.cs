using CertOne.Api.Clients;
using CertOne.Api.Data;
using CertOne.Api.Services;
using Microsoft.EntityFrameworkCore;
using SendGrid.Extensions.DependencyInjection;
using Serilog;
using Stripe;

Log.Logger = new LoggerConfiguration()
    .Enrich.FromLogContext()
    .WriteTo.Console()
    .WriteTo.File("logs/certone-.log", rollingInterval: RollingInterval.Day)
    .CreateLogger();

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseSerilog();
builder.WebHost.UseSentry(options =>
{
    options.Dsn = builder.Configuration["Sentry:Dsn"];
    options.TracesSampleRate = 0.2;
});

builder.Services.AddDbContext<CertOneDbContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("CertOne")));

StripeConfiguration.ApiKey = builder.Configuration["Stripe:SecretKey"];
builder.Services.AddSendGrid(options => options.ApiKey = builder.Configuration["SendGrid:ApiKey"]);

builder.Services.AddHttpClient<MailCheckClient>();
builder.Services.AddHttpClient<ResellerPartnerClient>();
builder.Services.AddHttpClient<IssuanceClient>();

builder.Services.AddScoped<AccountService>();
builder.Services.AddScoped<OrderService>();
builder.Services.AddScoped<NewsletterService>();
builder.Services.AddScoped<AuditLogRepository>();
builder.Services.AddSingleton<VerificationMailer>();

builder.Services.AddControllers();

var app = builder.Build();

app.UseHttpsRedirection();

// Access log: one line per request, written after the response.
app.Use(async (context, next) =>
{
    var started = DateTime.UtcNow;
    await next();
    var clientIp = context.Connection.RemoteIpAddress?.ToString();
    Log.Information("{Method} {Path} -> {StatusCode} in {Elapsed} ms from {ClientIp}",
        context.Request.Method,
        context.Request.Path,
        context.Response.StatusCode,
        (DateTime.UtcNow - started).TotalMilliseconds,
        clientIp);
});

app.MapControllers();

app.Run();
