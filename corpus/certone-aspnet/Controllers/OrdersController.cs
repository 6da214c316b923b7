using System.Security.Claims;
using CertOne.Api.Models;
using CertOne.Api.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertOne.Api.Controllers;

[ApiController]
[Authorize]
[Route("api/orders")]
public class OrdersController : ControllerBase
{
    private static readonly Dictionary<string, long> PriceCents = new()
    {
        ["DV-SSL"] = 1900,
        ["OV-SSL"] = 7900,
        ["EV-SSL"] = 14900,
        ["OV-WILDCARD"] = 19900,
    };

    private readonly OrderService _orders;

    public OrdersController(OrderService orders)
    {
        _orders = orders;
    }

    [HttpPost]
    public async Task<IActionResult> Create([FromBody] CertificateOrderRequest request, CancellationToken ct)
    {
        if (!PriceCents.TryGetValue(request.ProductCode, out var unitPrice))
        {
            return BadRequest(new { error = $"Unknown product {request.ProductCode}." });
        }

        var customerId = long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var order = await _orders.PlaceAsync(customerId, request.ProductCode, request.CommonName,
            request.AdminEmail, request.AdminPhone, ct);

        var checkoutUrl = await _orders.StartCheckoutAsync(order, unitPrice * request.Years, ct);

        // Prefills the admin contact on the next order form.
        Response.Cookies.Append(Infrastructure.CookieNames.OrderContact, request.AdminEmail, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            Secure = true,
            SameSite = SameSiteMode.Lax,
        });
        return Ok(new { order.Id, checkoutUrl });
    }
}
