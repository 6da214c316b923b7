using System.Security.Cryptography;
using System.Text;

namespace CertOne.Api.Infrastructure;

public static class Redaction
{
    /// <summary>Keeps the first letter and the domain: "j***@example.com".</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 1)
        {
            return "***";
        }
        return email[0] + new string('*', at - 1) + email[at..];
    }

    /// <summary>Lower-case hex SHA-256, used where a stable pseudonym is enough.</summary>
    public static string Sha256Hex(string value)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()));
        return Convert.ToHexString(digest).ToLowerInvariant();
    }
}
