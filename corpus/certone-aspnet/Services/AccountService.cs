using CertOne.Api.Clients;
using CertOne.Api.Data;
using CertOne.Api.Infrastructure;
using CertOne.Api.Models;
using Microsoft.EntityFrameworkCore;

namespace CertOne.Api.Services;

public class AccountService
{
    private readonly CertOneDbContext _db;
    private readonly MailCheckClient _mailCheck;
    private readonly VerificationMailer _mailer;
    private readonly ILogger<AccountService> _logger;

    public AccountService(CertOneDbContext db, MailCheckClient mailCheck, VerificationMailer mailer,
        ILogger<AccountService> logger)
    {
        _db = db;
        _mailCheck = mailCheck;
        _mailer = mailer;
        _logger = logger;
    }

    public async Task<Customer?> RegisterAsync(string email, string password, CancellationToken ct)
    {
        if (!await _mailCheck.IsDeliverableAsync(email, ct))
        {
            return null;
        }

        // The email address is the account name; the password is only kept as a BCrypt hash.
        var customer = new Customer
        {
            Email = email,
            PasswordHash = BCrypt.Net.BCrypt.HashPassword(password, workFactor: 12),
            CreatedAt = DateTime.UtcNow,
        };
        _db.Customers.Add(customer);
        await _db.SaveChangesAsync(ct);

        _logger.LogInformation("Registered customer {CustomerId} with {Email}", customer.Id, email);

        var confirmUrl = $"https://www.certone.com/account/confirm?id={customer.Id}";
        await _mailer.SendVerificationAsync(email, confirmUrl);
        return customer;
    }

    public async Task<Customer?> VerifyLoginAsync(LoginRequest request, CancellationToken ct)
    {
        _logger.LogDebug("Login payload {@Request}", request);

        var customer = await _db.Customers.SingleOrDefaultAsync(c => c.Email == request.Email, ct);
        if (customer is null || !BCrypt.Net.BCrypt.Verify(request.Password, customer.PasswordHash))
        {
            _logger.LogWarning("Failed login for {MaskedEmail}", Redaction.MaskEmail(request.Email));
            return null;
        }
        return customer;
    }

    public async Task<LoginSession> OpenSessionAsync(Customer customer, string? ipAddress, CancellationToken ct)
    {
        var session = new LoginSession
        {
            CustomerId = customer.Id,
            Token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            IpAddress = ipAddress,
            ExpiresAt = DateTime.UtcNow.AddDays(14),
        };
        _db.LoginSessions.Add(session);
        await _db.SaveChangesAsync(ct);

        _logger.LogInformation("Session opened for customer {CustomerId}, expires {ExpiresAt}",
            customer.Id, session.ExpiresAt);
        return session;
    }

    public async Task ConfirmEmailAsync(long customerId, CancellationToken ct)
    {
        var customer = await _db.Customers.FindAsync(new object[] { customerId }, ct);
        if (customer is null)
        {
            return;
        }
        customer.EmailConfirmed = true;
        _db.Customers.Update(customer);
        await _db.SaveChangesAsync(ct);
    }
}
