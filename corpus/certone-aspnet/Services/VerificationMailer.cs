using System.Net.Mail;

namespace CertOne.Api.Services;

/// <summary>
/// Sends the account verification mail through CertOne's own relay.
/// </summary>
public class VerificationMailer
{
    private const string Sender = "no-reply@certone.com";
    private readonly SmtpClient _smtp = new("smtp.certone.com", 587) { EnableSsl = true };

    public async Task SendVerificationAsync(string recipientEmail, string confirmUrl)
    {
        using var message = new MailMessage(Sender, recipientEmail)
        {
            Subject = "Confirm your CertOne account",
            Body = $"Open this link to confirm your account: {confirmUrl}",
        };
        await _smtp.SendMailAsync(message);
    }
}
