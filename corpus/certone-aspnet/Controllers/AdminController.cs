using System.Security.Claims;
using CertOne.Api.Data;
using CertOne.Api.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertOne.Api.Controllers;

/// <summary>
/// Back office: customer lookup for the support desk and reseller accounts.
/// </summary>
[ApiController]
[Authorize(Roles = "staff")]
[Route("api/admin")]
public class AdminController : ControllerBase
{
    private readonly CertOneDbContext _db;
    private readonly AuditLogRepository _audit;
    private readonly ILogger<AdminController> _logger;

    public AdminController(CertOneDbContext db, AuditLogRepository audit, ILogger<AdminController> logger)
    {
        _db = db;
        _audit = audit;
        _logger = logger;
    }

    [HttpGet("customers")]
    public async Task<IActionResult> FindCustomer([FromQuery] string email, CancellationToken ct)
    {
        _logger.LogInformation("Support lookup for {Email}", email);

        var customer = await _db.Customers.AsNoTracking()
            .Where(c => c.Email == email)
            .Select(c => new { c.Id, c.EmailConfirmed, c.CreatedAt })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return NotFound();
        }

        var orderCount = await _audit.CountOrdersAsync(customer.Id);
        _logger.LogInformation("Customer {CustomerId} has {OrderCount} orders", customer.Id, orderCount);
        return Ok(new { customer, orderCount });
    }

    [HttpPost("resellers")]
    public async Task<IActionResult> CreateReseller([FromBody] ResellerAccountRequest request, CancellationToken ct)
    {
        var reseller = new ResellerAccount
        {
            Email = request.Email,
            InitialPassword = request.InitialPassword,
            CompanyName = request.CompanyName,
        };
        _db.ResellerAccounts.Add(reseller);
        await _db.SaveChangesAsync(ct);

        var staffEmail = User.FindFirstValue(ClaimTypes.Email) ?? "unknown";
        var forwardedFor = Request.Headers["X-Forwarded-For"].ToString();
        await _audit.RecordAsync(staffEmail, "reseller.create", reseller.Id, forwardedFor);

        return Created($"/api/admin/resellers/{reseller.Id}", new { reseller.Id });
    }
}
