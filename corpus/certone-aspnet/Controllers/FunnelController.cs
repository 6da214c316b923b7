using CertOne.Api.Data;
using CertOne.Api.Models;
using Microsoft.AspNetCore.Mvc;

namespace CertOne.Api.Controllers;

/// <summary>
/// Checkout funnel beacons from the order pages, summed up in the weekly
/// performance report (product page, contact form, payment).
/// </summary>
[ApiController]
[Route("api/funnel")]
public class FunnelController : ControllerBase
{
    private readonly CertOneDbContext _db;

    public FunnelController(CertOneDbContext db)
    {
        _db = db;
    }

    [HttpPost("events")]
    public async Task<IActionResult> Record([FromBody] CheckoutStepRequest request, CancellationToken ct)
    {
        _db.FunnelEvents.Add(new FunnelEvent
        {
            Step = request.Step,
            ProductCode = request.ProductCode,
            CustomerEmail = request.Email,
            OccurredAt = DateTime.UtcNow,
        });
        await _db.SaveChangesAsync(ct);
        return Accepted();
    }
}
