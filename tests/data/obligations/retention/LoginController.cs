using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class LoginController : Controller
{
    [HttpPost]
    public IActionResult Login()
    {
        var email = Request.Form["email"];
        Response.Cookies.Append("remember_email", email, new CookieOptions { MaxAge = TimeSpan.FromDays(365) }); // expect: retention-exceeded
        Response.Cookies.Append("last_email", email, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(60) }); // expect: retention-exceeded
        Response.Cookies.Append("login_email", email, new CookieOptions { MaxAge = TimeSpan.FromDays(7) });
        return Ok();
    }
}
