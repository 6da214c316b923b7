using System.Net.Http.Json;

namespace CertOne.Api.Clients;

public record MailCheckResult(bool Disposable, bool MxFound, string? Suggestion);

/// <summary>
/// Rejects disposable and mistyped addresses before an account is created.
/// </summary>
public class MailCheckClient
{
    private readonly HttpClient _http;

    public MailCheckClient(HttpClient http)
    {
        _http = http;
        _http.BaseAddress = new Uri("https://api.mailcheckr.io/");
        _http.Timeout = TimeSpan.FromSeconds(3);
    }

    public async Task<bool> IsDeliverableAsync(string email, CancellationToken ct = default)
    {
        var result = await _http.GetFromJsonAsync<MailCheckResult>(
            $"v1/check?email={Uri.EscapeDataString(email)}", ct);
        return result is { Disposable: false, MxFound: true };
    }
}
