using Zhifa.Core.Access;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Officers;

/// <summary>
/// Whose officers and teams a caller sees and keeps. Department staff see their own department's
/// officers and those stationed in its teams; centre roles see the departments of their region; the
/// admin sees all. The admin, and a department's leader for that department, change them.
/// </summary>
public sealed class OfficerScope(ReferenceData reference)
{
    /// <summary>The department codes the caller sees, or null for all of them.</summary>
    public IReadOnlySet<string>? VisibleDepartments(Jurisdiction caller)
    {
        if (caller.Roles.Contains(Role.Admin) || (caller.ReadsRegion && caller.WholeCity))
            return null;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (caller.IsDepartmentStaff)
            codes.Add(caller.DepartmentCode!);
        if (caller.ReadsRegion)
            codes.UnionWith(reference.Departments.Values.Where(d => InRegion(d.RegionCode, caller)).Select(d => d.Code));
        return codes;
    }

    public bool Sees(Jurisdiction caller, string departmentCode) => VisibleDepartments(caller) is not { } codes || codes.Contains(departmentCode);

    /// <summary>The admin, or the leader of <paramref name="departmentCode"/>.</summary>
    public static bool Manages(Jurisdiction caller, string departmentCode) =>
        caller.Roles.Contains(Role.Admin) || (caller.Roles.Contains(Role.DepartmentLeader) && caller.DepartmentCode == departmentCode);

    /// <summary>Whether <paramref name="departmentCode"/> lies in the region <paramref name="regionCode"/> or below it.</summary>
    public bool DepartmentWithin(string departmentCode, string regionCode) =>
        reference.Departments.TryGetValue(departmentCode, out var department) && Within(department.RegionCode, regionCode);

    /// <summary>
    /// The county (or the city, for a city department) a department belongs to: officers are stationed
    /// only within it (县属乡用), so a team takes members from its own county's departments.
    /// </summary>
    public string? CountyOf(string departmentCode) =>
        reference.Departments.TryGetValue(departmentCode, out var department) && reference.Regions.TryGetValue(department.RegionCode, out var region)
            ? region.Level == RegionLevel.Township ? region.ParentCode : region.Code
            : null;

    private bool InRegion(string regionCode, Jurisdiction caller) =>
        (caller.CountyCode is { } county && Within(regionCode, county))
        || (caller.TownshipCode is { } township && regionCode == township);

    private bool Within(string regionCode, string ancestor)
    {
        // Regions nest three deep (city, county, township): a short walk up the parents.
        for (var code = regionCode; code is not null; code = reference.Regions.GetValueOrDefault(code)?.ParentCode)
        {
            if (code == ancestor)
                return true;
        }
        return false;
    }
}
