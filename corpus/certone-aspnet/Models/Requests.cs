using System.ComponentModel.DataAnnotations;

namespace CertOne.Api.Models;

public class RegisterRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required, MinLength(10)]
    public string Password { get; set; } = "";

    public bool AcceptTerms { get; set; }
}

public class LoginRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

public class CertificateOrderRequest
{
    [Required]
    public string ProductCode { get; set; } = "";

    [Range(1, 3)]
    public int Years { get; set; } = 1;

    [Required]
    public string CommonName { get; set; } = "";

    [Required, EmailAddress]
    public string AdminEmail { get; set; } = "";

    public string? AdminPhone { get; set; }
}

public class ResellerAccountRequest
{
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    public string InitialPassword { get; set; } = "";

    public string? CompanyName { get; set; }
}

public class CheckoutStepRequest
{
    [Required]
    public string Step { get; set; } = "";

    public string? ProductCode { get; set; }

    // Filled in once the visitor has typed an address on the contact form.
    [EmailAddress]
    public string? Email { get; set; }
}
