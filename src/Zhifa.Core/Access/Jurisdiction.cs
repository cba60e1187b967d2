using Zhifa.Core.Organization;

namespace Zhifa.Core.Access;

/// <summary>
/// What one caller may see and act on, taken from their roles and home (issue: every query and
/// every action is scoped). Built once per request from the caller's claims and the reference data;
/// <see cref="IncidentAccess"/> applies it in SQL and in memory from one definition.
/// </summary>
public sealed record Jurisdiction
{
    public static readonly Jurisdiction None = new();

    public IReadOnlySet<Role> Roles { get; init; } = new HashSet<Role>();

    /// <summary>The home centre's region is the city: every incident is in the region subtree.</summary>
    public bool WholeCity { get; init; }

    /// <summary>The home centre's county, when the home is a county centre.</summary>
    public string? CountyCode { get; init; }

    /// <summary>The home centre's township, when the home is a township centre.</summary>
    public string? TownshipCode { get; init; }

    /// <summary>The caller's own command centre, without those below it: whose notices reach them.</summary>
    public string? HomeCenterCode { get; init; }

    /// <summary>The home centre and every centre below it (in no particular order).</summary>
    public string[] CenterCodes { get; init; } = [];

    /// <summary>The home department of department staff.</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The signed-in user, whose own clues a grid worker sees.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The grids a grid worker patrols and verifies in.</summary>
    public string[] GridCodes { get; init; } = [];

    /// <summary>Roles that read their home region's whole subtree.</summary>
    public bool ReadsRegion => Roles.Overlaps(RegionReaders);

    public bool IsDepartmentStaff => DepartmentCode is not null && Roles.Overlaps(DepartmentStaff);

    public bool IsGridWorker => Roles.Contains(Role.GridWorker);

    public static readonly IReadOnlySet<Role> RegionReaders = new HashSet<Role> { Role.Dispatcher, Role.DutyCommander, Role.Analyst, Role.Supervisor };
    public static readonly IReadOnlySet<Role> DepartmentStaff = new HashSet<Role> { Role.DepartmentOfficer, Role.DepartmentLeader };
}
