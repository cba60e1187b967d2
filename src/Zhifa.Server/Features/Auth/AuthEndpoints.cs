using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Zhifa.Data;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Auth;

/// <summary>Sign-in for API clients (bearer tokens) and browsers (cookies), refresh, revocation and TOTP enrolment.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Sign-in");
        // The sign-in handler writes the token answer itself; Produces says what it looks like.
        auth.MapPost("/login", SignInEndpoints.LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>()
            .WithSummary("Sign in: answers {accessToken, refreshToken, expiresIn}, or sets the cookie with ?useCookies=true");
        auth.MapPost("/refresh", SignInEndpoints.RefreshAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).Produces<AccessTokenResponse>()
            .WithSummary("A new token pair for a valid refresh token");
        auth.MapPost("/revoke", SignInEndpoints.RevokeAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("End every session of the caller: all its tokens stop working");
        auth.MapGet("/me", MeAsync).RequireAuthorization(AccessPolicies.People).WithSummary("The caller: name, roles and home");
        auth.MapPost("/2fa/key", AuthenticatorKeyAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("The caller's TOTP key, created on first call; refused once two-factor sign-in is on");
        auth.MapPost("/2fa/enable", EnableTwoFactorAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("Turn on TOTP with a code from the authenticator app; this ends every session, so sign in again with a code");
        return app;
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> MeAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return SessionEnded();
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new MeView(user.UserName!, user.DisplayName, roles, user.HomeCenterCode, user.HomeDepartmentCode, user.TwoFactorEnabled));
    }

    private static async Task<Results<Ok<AuthenticatorKeyView>, ProblemHttpResult>> AuthenticatorKeyAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
            return SessionEnded();
        // Once enrolled, the key is the second factor itself: a stolen session must not read it back.
        if (user.TwoFactorEnabled)
            return Problems.Conflict("auth.two_factor_already_enabled", "Two-factor sign-in is already on; its key is not shown again.");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            if (!(await Totp.SetKeyAsync(users, user, key)).Succeeded)
                return Problems.Conflict("auth.concurrent_update", "The account changed meanwhile; ask again.");
        }
        return TypedResults.Ok(new AuthenticatorKeyView(key, Totp.AuthenticatorUri(user.UserName!, key)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> EnableTwoFactorAsync(
        TwoFactorCodeRequest body, HttpContext http, UserManager<PlatformUser> users)
    {
        if (string.IsNullOrWhiteSpace(body.Code))
            return Problems.Field("code", "The code field is required.");
        if (await users.GetUserAsync(http.User) is not { } user)
            return SessionEnded();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthProblems.Code(body.Code)))
            return Problems.Field("code", "The code does not match the authenticator key.");
        if (!(await users.SetTwoFactorEnabledAsync(user, true)).Succeeded)
            return Problems.Conflict("auth.concurrent_update", "The account changed meanwhile; try again.");
        return TypedResults.NoContent();
    }

    // Reachable only when the account vanished between the session check and the handler.
    private static ProblemHttpResult SessionEnded() =>
        Problems.Problem(StatusCodes.Status401Unauthorized, "auth.revoked", "The session has ended.", "Sign in again.");
}
