using Microsoft.AspNetCore.Identity;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

internal static class Totp
{
    /// <summary>
    /// Stores a TOTP key in the slot UserManager.GetAuthenticatorKeyAsync reads. Unlike
    /// ResetAuthenticatorKeyAsync it leaves the security stamp alone, so asking for a key does not
    /// end the session that asked.
    /// </summary>
    public static Task<IdentityResult> SetKeyAsync(UserManager<PlatformUser> users, PlatformUser user, string base32Key) =>
        users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", base32Key);

    public const string Issuer = "Zhifa";

    /// <summary>The otpauth:// URI authenticator apps read from a QR code.</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}
