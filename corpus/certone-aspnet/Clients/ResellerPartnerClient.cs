using System.Net.Http.Json;
using CertOne.Api.Models;

namespace CertOne.Api.Clients;

/// <summary>
/// Hands OV/EV orders to the validation partner that performs the
/// organisation checks for CertOne.
/// </summary>
public class ResellerPartnerClient
{
    private const string LeadsUrl = "https://partners.sslvalidate.net/api/v2/leads";
    private readonly HttpClient _http;
    private readonly ILogger<ResellerPartnerClient> _logger;

    public ResellerPartnerClient(HttpClient http, ILogger<ResellerPartnerClient> logger)
    {
        _http = http;
        _logger = logger;
    }

    public async Task SubmitAsync(CertificateOrder order, CancellationToken ct = default)
    {
        var response = await _http.PostAsJsonAsync(LeadsUrl, new
        {
            reference = order.Id,
            product = order.ProductCode,
            commonName = order.CommonName,
            contactEmail = order.AdminEmail,
            contactPhone = order.AdminPhone,
        }, ct);

        _logger.LogInformation("Validation partner answered {StatusCode} for order {OrderId}",
            (int)response.StatusCode, order.Id);
    }
}
