using System.Net.Http.Json;

namespace Shop.Clients;

public class SmsClient
{
    private const string MessagesUrl = "https://api.sms-example.com/v1/messages";
    private readonly HttpClient _http;

    public SmsClient(HttpClient http) => _http = http;

    public async Task SendCode(string phoneNumber)
    {
        await _http.PostAsJsonAsync(MessagesUrl, new { to = phoneNumber, text = "Your code" }); // expect: shared user.contact.phone_number -> unknown:api.sms-example.com
    }
}
