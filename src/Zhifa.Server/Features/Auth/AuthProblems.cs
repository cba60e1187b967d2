using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Auth;

internal static class AuthProblems
{
    public static ProblemHttpResult Failed(SignInResult result) => result.IsLockedOut
        ? Problems.Problem(StatusCodes.Status401Unauthorized, "auth.locked_out", "The account is locked.",
            $"Too many failed sign-ins; try again in {AuthSetup.LockoutMinutes} minutes.")
        : Problems.Problem(StatusCodes.Status401Unauthorized, "auth.failed", "Sign-in failed.", "The user name, password or code is wrong.");

    public static ProblemHttpResult TwoFactorRequired() =>
        Problems.Problem(StatusCodes.Status401Unauthorized, "auth.two_factor_required", "A second factor is required.",
            "Send the 6-digit code from the authenticator app as twoFactorCode.");

    public static ProblemHttpResult EnrolmentRequired() =>
        Problems.Problem(StatusCodes.Status403Forbidden, "auth.two_factor_enrolment_required", "Two-factor sign-in is required.",
            "This role signs in only with TOTP; an admin must enrol it first.");

    public static ProblemHttpResult RefreshInvalid() =>
        Problems.Problem(StatusCodes.Status401Unauthorized, "auth.refresh_invalid", "The refresh token is not valid.",
            "It has expired, been revoked, or was never issued here, or the account is locked. Sign in again.");

    /// <summary>Codes are typed as the app shows them ("123 456").</summary>
    public static string Code(string code) => code.Replace(" ", "");
}
