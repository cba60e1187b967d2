using Microsoft.AspNetCore.Identity;

namespace Zhifa.Data;

/// <summary>
/// A person who signs in. Every user has a home that scopes what they see and do: a command
/// centre (and the region below it) or a department.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 64;

    public string DisplayName { get; set; } = "";
    public string? HomeCenterCode { get; set; }
    public string? HomeDepartmentCode { get; set; }
    /// <summary>The grids a grid worker patrols: where they verify results on site.</summary>
    public IReadOnlyList<string> GridCodes { get; set; } = [];
}
