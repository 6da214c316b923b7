using CertOne.Api.Clients;
using CertOne.Api.Data;
using CertOne.Api.Models;
using Sentry;
using Stripe;
using Stripe.Checkout;

namespace CertOne.Api.Services;

public class OrderService
{
    private static readonly HashSet<string> OrganisationValidated = new() { "OV-SSL", "EV-SSL", "OV-WILDCARD" };

    private readonly CertOneDbContext _db;
    private readonly ResellerPartnerClient _partner;
    private readonly IssuanceClient _issuance;
    private readonly AuditLogRepository _audit;
    private readonly ILogger<OrderService> _logger;

    public OrderService(CertOneDbContext db, ResellerPartnerClient partner, IssuanceClient issuance,
        AuditLogRepository audit, ILogger<OrderService> logger)
    {
        _db = db;
        _partner = partner;
        _issuance = issuance;
        _audit = audit;
        _logger = logger;
    }

    public async Task<CertificateOrder> PlaceAsync(long customerId, string productCode, string commonName,
        string adminEmail, string? adminPhone, CancellationToken ct)
    {
        var order = new CertificateOrder
        {
            CustomerId = customerId,
            ProductCode = productCode,
            CommonName = commonName,
            AdminEmail = adminEmail,
            AdminPhone = adminPhone,
        };
        _db.Orders.Add(order);
        await _db.SaveChangesAsync(ct);

        if (OrganisationValidated.Contains(productCode))
        {
            await _partner.SubmitAsync(order, ct);
        }
        await _issuance.QueueAsync(order.Id, commonName, productCode, ct);

        var previous = await _audit.CountOrdersAsync(customerId);
        _logger.LogInformation("Customer {CustomerId} placed order {OrderId} ({Previous} before)",
            customerId, order.Id, previous);
        return order;
    }

    public async Task<string> StartCheckoutAsync(CertificateOrder order, long amountCents, CancellationToken ct)
    {
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            CustomerEmail = order.AdminEmail,
            ClientReferenceId = order.Id.ToString(),
            SuccessUrl = "https://www.certone.com/orders/paid",
            CancelUrl = "https://www.certone.com/orders/cancelled",
            LineItems = new List<SessionLineItemOptions>
            {
                new()
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "usd",
                        UnitAmount = amountCents,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = order.ProductCode },
                    },
                },
            },
        };

        try
        {
            var session = await new SessionService().CreateAsync(options, cancellationToken: ct);
            order.PaymentReference = session.Id;
            await _db.SaveChangesAsync(ct);
            return session.Url;
        }
        catch (StripeException ex)
        {
            SentrySdk.SetTag("order_id", order.Id.ToString());
            SentrySdk.AddBreadcrumb($"Checkout failed for {order.AdminEmail}", "checkout");
            _logger.LogError(ex, "Stripe checkout failed for order {OrderId}", order.Id);
            throw;
        }
    }
}
