using System.Net.Http.Json;

namespace CertOne.Api.Clients;

/// <summary>
/// CertOne's own issuing service, reachable only inside the data centre.
/// </summary>
public class IssuanceClient
{
    private readonly HttpClient _http;

    public IssuanceClient(HttpClient http)
    {
        _http = http;
    }

    public Task QueueAsync(long orderId, string commonName, string productCode, CancellationToken ct = default)
    {
        return _http.PostAsJsonAsync("http://issuance.certone.internal/api/queue", new
        {
            orderId,
            commonName,
            productCode,
        }, ct);
    }
}
