using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

/// <summary>
/// Revocation that takes effect at once: a token or cookie whose security stamp no longer matches
/// the user's (after a revoke, a password change or enabling TOTP), or whose account is locked,
/// makes the request anonymous. One primary-key read per authenticated request.
/// </summary>
internal sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SignInManager<PlatformUser> signIn)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && (await signIn.ValidateSecurityStampAsync(context.User) is not { } user || await signIn.UserManager.IsLockedOutAsync(user)))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await next(context);
    }
}
