using Microsoft.Extensions.Logging;
using Shop.Clients;
using Shop.Data;
using Shop.Models;

namespace Shop.Services;

public class SignupService
{
    private readonly ILogger<SignupService> _logger;
    private readonly ShopDbContext _db;
    private readonly SmsClient _sms;

    public SignupService(ILogger<SignupService> logger, ShopDbContext db, SmsClient sms)
    {
        _logger = logger;
        _db = db;
        _sms = sms;
    }

    public async Task Register(string email, string phone)
    {
        _logger.LogInformation("signup for {Email}", email); // expect: logged user.contact.email
        _db.Accounts.Add(new Account { Email = email, PhoneNumber = phone }); // expect: stored user.contact.email; stored user.contact.phone_number
        await _db.SaveChangesAsync();
        await _sms.SendCode(phone);
    }
}
