namespace CertOne.Api.Models;

public class Customer
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public bool EmailConfirmed { get; set; }
    public DateTime CreatedAt { get; set; }
}

public class LoginSession
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public string Token { get; set; } = "";
    public string? IpAddress { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public class CertificateOrder
{
    public long Id { get; set; }
    public long CustomerId { get; set; }
    public string ProductCode { get; set; } = "";
    public string CommonName { get; set; } = "";
    public string AdminEmail { get; set; } = "";
    public string? AdminPhone { get; set; }
    public string Status { get; set; } = "pending";
    public string? PaymentReference { get; set; }
}

public class NewsletterSubscriber
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime SubscribedAt { get; set; }
}

public class ResellerAccount
{
    public long Id { get; set; }
    public string Email { get; set; } = "";
    public string InitialPassword { get; set; } = "";
    public string? CompanyName { get; set; }
}

public class FunnelEvent
{
    public long Id { get; set; }
    public string Step { get; set; } = "";
    public string? ProductCode { get; set; }
    public string? CustomerEmail { get; set; }
    public DateTime OccurredAt { get; set; }
}
