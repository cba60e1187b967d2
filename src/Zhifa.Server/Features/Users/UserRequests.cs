using Zhifa.Data;

namespace Zhifa.Server.Features.Users;

/// <summary>A person as the admin sees them: post, home and whether they can sign in; never a secret.</summary>
public sealed record UserView(
    string UserName, string DisplayName, IReadOnlyList<string> Roles, string? CenterCode, string? DepartmentCode,
    IReadOnlyList<string> GridCodes, bool TwoFactorEnabled, bool LockedOut)
{
    public static UserView From(PlatformUser u, IEnumerable<string> roles, DateTimeOffset now) => new(
        u.UserName!, u.DisplayName, [.. roles.Order(StringComparer.Ordinal)], u.HomeCenterCode, u.HomeDepartmentCode,
        u.GridCodes, u.TwoFactorEnabled, u.LockoutEnd is { } end && end > now);
}

/// <summary>A new user: a name to sign in with, a post (one role or more), a home and a first password.</summary>
public sealed record NewUserRequest(
    string? UserName, string? DisplayName, string[]? Roles, string? Password, string? CenterCode, string? DepartmentCode, string[]? GridCodes);

/// <summary>A changed post and home; the user name and the password are changed elsewhere or not at all.</summary>
public sealed record UserUpdate(string? DisplayName, string[]? Roles, string? CenterCode, string? DepartmentCode, string[]? GridCodes);

public sealed record PasswordReset(string? Password);

/// <summary>
/// The user as saved. A user who now holds a role that signs in only with TOTP and was not enrolled
/// has been enrolled with a new key: this answer is the one time it is shown, for the person's app.
/// </summary>
public sealed record SavedUser(UserView User, string? TotpKey, string? TotpUri);
