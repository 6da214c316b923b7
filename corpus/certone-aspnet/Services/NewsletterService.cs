using CertOne.Api.Data;
using CertOne.Api.Models;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CertOne.Api.Services;

/// <summary>
/// Product news and renewal offers for people who sign up on the website.
/// </summary>
public class NewsletterService
{
    private readonly CertOneDbContext _db;
    private readonly ISendGridClient _sendGrid;
    private readonly ILogger<NewsletterService> _logger;

    public NewsletterService(CertOneDbContext db, ISendGridClient sendGrid, ILogger<NewsletterService> logger)
    {
        _db = db;
        _sendGrid = sendGrid;
        _logger = logger;
    }

    public async Task SubscribeAsync(string email, string source)
    {
        _db.NewsletterSubscribers.Add(new NewsletterSubscriber
        {
            Email = email,
            Source = source,
            SubscribedAt = DateTime.UtcNow,
        });
        await _db.SaveChangesAsync();

        var from = new EmailAddress("news@certone.com", "CertOne");
        var welcome = MailHelper.CreateSingleEmail(from, new EmailAddress(email),
            "Welcome to CertOne news", "Renewal reminders and offers, once a month.", null);
        await _sendGrid.SendEmailAsync(welcome);

        var domain = email.Split('@')[1];
        _logger.LogInformation("Newsletter signup from {Source}, domain {Domain}", source, domain);
    }
}
