using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhifa.Data;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Auth;

/// <summary>Sign-in for API clients (bearer tokens) and browsers (cookies), refresh, revocation and TOTP enrolment.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        // The sign-in handler writes the token answer itself; these say what it looks like.
        auth.MapPost("/login", LoginAsync).AllowAnonymous().Produces<AccessTokenResponse>()
            .WithSummary("Sign in: answers {accessToken, refreshToken, expiresIn}, or sets the cookie with ?useCookies=true");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().Produces<AccessTokenResponse>().WithSummary("A new token pair for a valid refresh token");
        auth.MapPost("/revoke", RevokeAsync).RequireAuthorization().WithSummary("End every session of the caller: all its tokens stop working");
        auth.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The caller: name, roles and home");
        auth.MapPost("/2fa/key", AuthenticatorKeyAsync).RequireAuthorization().WithSummary("The caller's TOTP key, created on first call");
        auth.MapPost("/2fa/enable", EnableTwoFactorAsync).RequireAuthorization()
            .WithSummary("Turn on TOTP with a code from the authenticator app; this ends every session, so sign in again with a code");
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, ValidationProblem>> LoginAsync(
        LoginRequest body, bool? useCookies, SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users)
    {
        var errors = new FieldErrors();
        errors.Required("userName", body.UserName, 256);
        errors.Required("password", body.Password, 256);
        if (errors.Any)
            return errors.ToProblem();

        var user = await users.FindByNameAsync(body.UserName!);
        if (user is not null && !user.TwoFactorEnabled && await RequiresTwoFactorAsync(users, user))
        {
            // Check the password (counting failures towards lockout) before saying anything about the account.
            var check = await signIn.CheckPasswordSignInAsync(user, body.Password!, lockoutOnFailure: true);
            return check.Succeeded
                ? Problems.Problem(StatusCodes.Status403Forbidden, "auth.two_factor_enrolment_required", "Two-factor sign-in is required.",
                    "This role signs in only with TOTP; an admin must enrol it first.")
                : Failed(check);
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(body.UserName!, body.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(body.TwoFactorCode))
                return Problems.Problem(StatusCodes.Status401Unauthorized, "auth.two_factor_required", "A second factor is required.",
                    "Send the 6-digit code from the authenticator app as twoFactorCode.");
            result = await signIn.TwoFactorAuthenticatorSignInAsync(body.TwoFactorCode.Replace(" ", ""), isPersistent: false, rememberClient: false);
        }
        // On success the sign-in handler has written the tokens (or the cookie) already.
        return result.Succeeded ? TypedResults.Empty : Failed(result);
    }

    private static ProblemHttpResult Failed(SignInResult result) => result.IsLockedOut
        ? Problems.Problem(StatusCodes.Status401Unauthorized, "auth.locked_out", "The account is locked.",
            $"Too many failed sign-ins; try again in {AuthSetup.LockoutMinutes} minutes.")
        : Problems.Problem(StatusCodes.Status401Unauthorized, "auth.failed", "Sign-in failed.", "The user name, password or code is wrong.");

    private static async Task<bool> RequiresTwoFactorAsync(UserManager<PlatformUser> users, PlatformUser user) =>
        (await users.GetRolesAsync(user)).Any(PlatformRoles.RequireTwoFactor.Contains);

    private static async Task<Results<SignInHttpResult, ProblemHttpResult, ValidationProblem>> RefreshAsync(
        RefreshRequest body, SignInManager<PlatformUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(body.RefreshToken))
            return Problems.Field("refreshToken", "The refreshToken field is required.");
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        // A revoked session changed the user's security stamp, so its refresh tokens no longer validate.
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "auth.refresh_invalid", "The refresh token is not valid.",
                "It has expired, been revoked, or was never issued here. Sign in again.");
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> RevokeAsync(HttpContext http, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn)
    {
        if (await users.GetUserAsync(http.User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> MeAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "auth.revoked", "The session has ended.", "Sign in again.");
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new MeView(user.UserName!, user.DisplayName, roles, user.HomeCenterCode, user.HomeDepartmentCode, user.TwoFactorEnabled));
    }

    private static async Task<Results<Ok<AuthenticatorKeyView>, ProblemHttpResult>> AuthenticatorKeyAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "auth.revoked", "The session has ended.", "Sign in again.");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await Totp.SetKeyAsync(users, user, key);
        }
        return TypedResults.Ok(new AuthenticatorKeyView(key, Totp.AuthenticatorUri(user.UserName!, key)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> EnableTwoFactorAsync(
        TwoFactorCodeRequest body, HttpContext http, UserManager<PlatformUser> users)
    {
        if (string.IsNullOrWhiteSpace(body.Code))
            return Problems.Field("code", "The code field is required.");
        if (await users.GetUserAsync(http.User) is not { } user)
            return Problems.Problem(StatusCodes.Status401Unauthorized, "auth.revoked", "The session has ended.", "Sign in again.");
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, body.Code.Replace(" ", ""));
        if (!valid)
            return Problems.Field("code", "The code does not match the authenticator key.");
        await users.SetTwoFactorEnabledAsync(user, true);
        return TypedResults.NoContent();
    }
}
