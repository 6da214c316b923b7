namespace CertOne.Api.Infrastructure;

/// <summary>
/// Names of the cookies CertOne sets. The session cookie is strictly
/// necessary; "remember me" is functional; the campaign cookie is a
/// marketing cookie that only ever holds a digest.
/// </summary>
public static class CookieNames
{
    public const string Session = "co_session";
    public const string RememberEmail = "co_login_email";
    public const string Campaign = "co_mkt";
    public const string PasswordResetFlow = "co_pwreset_step";
    public const string OrderContact = "co_order_contact";
}
