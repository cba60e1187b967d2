using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;

namespace Zhifa.Server.Features.Auth;

/// <summary>Login, refresh and revoke: the life of a session.</summary>
internal static class SignInEndpoints
{
    // Verified when the user name is unknown, so that answer takes as long as a wrong password.
    private static readonly string UnknownUserHash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), Guid.NewGuid().ToString());

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest body, bool? useCookies, SignInManager<PlatformUser> signIn, SignInGate gate, HttpContext http, CancellationToken ct)
    {
        // Every attempt is audited under the name it tried, whatever comes of it.
        http.Audit().Actor = body.UserName is { Length: > 0 } tried ? tried : "anonymous";
        var errors = new FieldErrors();
        errors.Required("userName", body.UserName, 256);
        errors.Required("password", body.Password, 256);
        if (errors.Any)
            return errors.ToProblem();

        using var _ = await gate.EnterAsync(body.UserName!, ct);
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(body.UserName!);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new PlatformUser(), UnknownUserHash, body.Password!);
            // What was typed may be a password in the wrong field: an unknown name is not kept.
            http.Audit().Actor = "unknown user";
            http.Audit().Summary = "sign-in failed: unknown user";
            return AuthProblems.Failed(SignInResult.Failed);
        }
        if (!user.TwoFactorEnabled && await RequiresTwoFactorAsync(users, user))
        {
            // Check the password (counting failures towards lockout) before saying anything about the account.
            var check = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
            return check.Succeeded ? AuthProblems.EnrolmentRequired() : AuthProblems.Failed(check);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(body.TwoFactorCode))
                return AuthProblems.TwoFactorRequired();
            result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthProblems.Code(body.TwoFactorCode), isPersistent: false, rememberClient: false);
        }
        http.Audit().Summary = result.Succeeded ? "signed in" : result.IsLockedOut ? "sign-in failed: locked out" : "sign-in failed";
        // On success the sign-in handler has written the tokens (or the cookie) already.
        return result.Succeeded ? TypedResults.Empty : AuthProblems.Failed(result);
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> RefreshAsync(
        RefreshRequest body, SignInManager<PlatformUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
            return Problems.Field("refreshToken", "The refreshToken field is required.");
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        // A revoked session changed the user's security stamp, so its refresh tokens no longer validate.
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
            return AuthProblems.RefreshInvalid();
        // A role that now demands TOTP (say, a promotion to Admin) cannot ride on a password-only session.
        if (!user.TwoFactorEnabled && await RequiresTwoFactorAsync(signIn.UserManager, user))
            return AuthProblems.EnrolmentRequired();
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    public static async Task<NoContent> RevokeAsync(HttpContext http, SignInManager<PlatformUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<bool> RequiresTwoFactorAsync(UserManager<PlatformUser> users, PlatformUser user) =>
        (await users.GetRolesAsync(user)).Any(PlatformRoles.RequireTwoFactor.Contains);
}
