using CertOne.Api.Infrastructure;
using CertOne.Api.Models;
using CertOne.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace CertOne.Api.Controllers;

[ApiController]
[Route("api/account")]
public class AccountController : ControllerBase
{
    private readonly AccountService _accounts;
    private readonly ILogger<AccountController> _logger;

    public AccountController(AccountService accounts, ILogger<AccountController> logger)
    {
        _accounts = accounts;
        _logger = logger;
    }

    [HttpPost("register")]
    public async Task<IActionResult> Register([FromBody] RegisterRequest request, CancellationToken ct)
    {
        if (!request.AcceptTerms)
        {
            return BadRequest(new { error = "Please accept the terms to create an account." });
        }

        var customer = await _accounts.RegisterAsync(request.Email, request.Password, ct);
        if (customer is null)
        {
            return BadRequest(new { error = "This email address cannot receive mail." });
        }

        Response.Cookies.Append(CookieNames.Campaign, Redaction.Sha256Hex(request.Email), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(90),
            SameSite = SameSiteMode.Lax,
        });
        return Ok(new { customer.Id });
    }

    [HttpPost("login")]
    public async Task<IActionResult> Login([FromBody] LoginRequest request, CancellationToken ct)
    {
        var customer = await _accounts.VerifyLoginAsync(request, ct);
        if (customer is null)
        {
            return Unauthorized(new { error = "Email or password is incorrect." });
        }

        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var session = await _accounts.OpenSessionAsync(customer, ip, ct);

        Response.Cookies.Append(CookieNames.Session, session.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Expires = session.ExpiresAt,
        });
        if (request.RememberMe)
        {
            Response.Cookies.Append(CookieNames.RememberEmail, request.Email, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(30),
            });
        }
        return Ok();
    }

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm([FromQuery] long id, CancellationToken ct)
    {
        await _accounts.ConfirmEmailAsync(id, ct);
        _logger.LogInformation("Email confirmed for customer {CustomerId}", id);
        return Redirect("/account/welcome");
    }
}
