using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.ApiKeys;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// Revocation that takes effect at once: a token or cookie whose security stamp no longer matches
/// the user's (after a revoke, a password change or enabling TOTP), or whose account is locked,
/// makes the request anonymous. One primary-key read per authenticated request. A channel key that
/// does not authenticate stops the request with 401.
/// </summary>
internal sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<PlatformUser> signIn)
    {
        // A key that was presented and refused must not pass as an anonymous request.
        // Open311 ignores the header: it reads its key from api_key and answers in the spec's own format.
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) && context.User.Identity?.IsAuthenticated != true
            && !context.Request.Path.StartsWithSegments("/open311"))
        {
            await Problems.Problem(StatusCodes.Status401Unauthorized, "auth.api_key_invalid", "The API key is not valid.",
                "The key is unknown or has been revoked.").ExecuteAsync(context);
            return;
        }
        // Channel keys have no stamp; a revoked key already fails authentication.
        if (context.User.Identity is { IsAuthenticated: true } identity && identity.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName
            && (await signIn.ValidateSecurityStampAsync(context.User) is not { } user || await signIn.UserManager.IsLockedOutAsync(user)))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(context);
    }
}
