using Zhifa.Core.Organization;

namespace Zhifa.Server.Features.Auth;

/// <summary>The roles people sign in with: the glossary's posts, not the channel and router actors.</summary>
public static class PlatformRoles
{
    public static IReadOnlyList<string> All { get; } =
        Enum.GetValues<Role>().Where(r => r is not (Role.Channel or Role.Router)).Select(r => r.ToString()).ToList();

    /// <summary>Roles that may sign in only with a second factor (TOTP).</summary>
    public static IReadOnlySet<string> RequireTwoFactor { get; } = new HashSet<string> { nameof(Role.Admin), nameof(Role.DutyCommander) };
}
