using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Users;

/// <summary>A post and home checked field by field: the roles exist, and each role has the home it works from.</summary>
public sealed record CheckedPost(string DisplayName, IReadOnlyList<Role> Roles, string? CenterCode, string? DepartmentCode, IReadOnlyList<string> GridCodes);

/// <summary>
/// What a user must be to work: the same homes <see cref="Jurisdictions"/> reads. Region readers and
/// grid workers work from a command centre, department staff from a department, grid workers patrol
/// at least one grid. A role without its home would sign in to empty lists, so it is refused here.
/// </summary>
public sealed partial class UserRules(ReferenceData reference, ZhifaDbContext db)
{
    public const int MaxUserNameLength = 64;
    public const int MaxGrids = 200;

    public static void UserName(FieldErrors errors, string? userName)
    {
        if (errors.Required("userName", userName, MaxUserNameLength) && !UserNamePattern().IsMatch(userName!))
            errors.Add("userName", "A user name is 3 or more Latin letters, digits and . _ - @ +, starting with a letter or digit.");
    }

    public async Task<CheckedPost?> PostAsync(FieldErrors errors, string? displayName, string[]? roles, string? centerCode, string? departmentCode,
        string[]? gridCodes, CancellationToken ct)
    {
        errors.Required("displayName", displayName, PlatformUser.MaxDisplayNameLength);
        var parsed = Roles(errors, roles);
        centerCode = Blank(centerCode);
        departmentCode = Blank(departmentCode);
        errors.Known("centerCode", centerCode, reference.CommandCenters, "command centre");
        errors.Known("departmentCode", departmentCode, reference.Departments, "department");
        var grids = (gridCodes ?? []).Select(g => g?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        await GridsAsync(errors, grids, ct);
        if (parsed is not null)
            Homes(errors, parsed, centerCode, departmentCode, grids);
        return errors.Any ? null : new CheckedPost(displayName!.Trim(), parsed!, centerCode, departmentCode, grids);
    }

    private static List<Role>? Roles(FieldErrors errors, string[]? roles)
    {
        if (roles is not { Length: > 0 })
        {
            errors.Add("roles", "Give at least one role.");
            return null;
        }
        var unknown = roles.Where(r => r is null || !PlatformRoles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("roles", $"Unknown role '{unknown[0]}'; roles are: {string.Join(", ", PlatformRoles.All)}.");
            return null;
        }
        return [.. roles.Distinct().Select(Enum.Parse<Role>)];
    }

    private async Task GridsAsync(FieldErrors errors, List<string> grids, CancellationToken ct)
    {
        if (grids.Count > MaxGrids)
        {
            errors.Add("gridCodes", $"A grid worker patrols at most {MaxGrids} grids.");
            return;
        }
        var known = await db.Grids.AsNoTracking().Where(g => grids.Contains(g.Code)).Select(g => g.Code).ToListAsync(ct);
        if (grids.FirstOrDefault(g => !known.Contains(g)) is { } unknown)
            errors.Add("gridCodes", $"Unknown grid '{unknown}'.");
    }

    private static void Homes(FieldErrors errors, List<Role> roles, string? centerCode, string? departmentCode, List<string> grids)
    {
        if (centerCode is null && First(roles, r => Jurisdiction.RegionReaders.Contains(r) || r == Role.GridWorker) is { } fromCenter)
            errors.Add("centerCode", $"A {fromCenter} works from a command centre: give its centerCode.");
        if (departmentCode is null && First(roles, Jurisdiction.DepartmentStaff.Contains) is { } inDepartment)
            errors.Add("departmentCode", $"A {inDepartment} works in a department: give its departmentCode.");
        if (roles.Contains(Role.GridWorker) && grids.Count == 0)
            errors.Add("gridCodes", "A GridWorker patrols at least one grid: give gridCodes.");
        if (!roles.Contains(Role.GridWorker) && grids.Count > 0)
            errors.Add("gridCodes", "Only a GridWorker patrols grids.");
    }

    private static Role? First(List<Role> roles, Func<Role, bool> needs) => roles.Where(needs).Select(r => (Role?)r).FirstOrDefault();

    private static string? Blank(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@+-]{2,}$")]
    private static partial Regex UserNamePattern();
}
