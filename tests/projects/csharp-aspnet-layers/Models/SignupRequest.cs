namespace Shop.Models;

public class SignupRequest
{
    public string Email { get; set; }
    public string PhoneNumber { get; set; }
    public string Plan { get; set; }
}

public class Account
{
    public int Id { get; set; }
    public string Email { get; set; }
    public string PhoneNumber { get; set; }
}
