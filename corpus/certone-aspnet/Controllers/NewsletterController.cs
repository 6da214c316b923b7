using CertOne.Api.Services;
using Microsoft.AspNetCore.Mvc;

namespace CertOne.Api.Controllers;

/// <summary>
/// The "keep me posted" form in the website footer posts here.
/// </summary>
[Route("newsletter")]
public class NewsletterController : Controller
{
    private readonly NewsletterService _newsletter;

    public NewsletterController(NewsletterService newsletter)
    {
        _newsletter = newsletter;
    }

    [HttpPost("subscribe")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Subscribe()
    {
        string email = Request.Form["email"].ToString().Trim();
        var source = Request.Form["source"].ToString();
        if (string.IsNullOrEmpty(email))
        {
            return BadRequest("Enter an email address to subscribe.");
        }

        await _newsletter.SubscribeAsync(email, string.IsNullOrEmpty(source) ? "footer" : source);
        return Redirect("/newsletter/thanks");
    }
}
