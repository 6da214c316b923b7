using Microsoft.AspNetCore.Mvc;
using Shop.Models;
using Shop.Services;

namespace Shop.Controllers;

[ApiController]
[Route("api/signups")]
public class SignupsController : ControllerBase
{
    private readonly SignupService _signups;

    public SignupsController(SignupService signups) => _signups = signups;

    [HttpPost]
    public async Task<IActionResult> Create([FromBody] SignupRequest request) // expect: collected user.contact.email; collected user.contact.phone_number
    {
        await _signups.Register(request.Email, request.PhoneNumber); // expect: logged user.contact.email; stored user.contact.email; stored user.contact.phone_number; shared user.contact.phone_number -> unknown:api.sms-example.com
        return Ok();
    }
}
