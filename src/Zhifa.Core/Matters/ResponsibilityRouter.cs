using Zhifa.Core.Geo;
using Zhifa.Core.Organization;

namespace Zhifa.Core.Matters;

/// <summary>
/// Routing by the responsibility list (DESIGN.md §3): a delegated matter goes to the township's
/// team and is handled by the township centre; any other goes to the county's department of the
/// matter's lead type and is handled by the county centre. Unknown matter or place waits for a human.
/// </summary>
public sealed class ResponsibilityRouter(string cityCode, IReadOnlySet<string> departmentCodes)
{
    public Route Route(Matter? matter, GridLocation? location)
    {
        if (location is null)
            return new Route(CommandCenter.CodeFor(cityCode), null, []);
        if (matter is null)
            return new Route(CommandCenter.CodeFor(location.CountyCode), null, []);

        var handlingRegion = matter.LedByTownshipTeam ? location.TownshipCode : location.CountyCode;
        var lead = matter.LedByTownshipTeam
            ? Department.CodeFor(location.TownshipCode, DepartmentType.TownshipTeam)
            : DepartmentFor(matter.LeadDepartmentType, location);
        if (!departmentCodes.Contains(lead))
            return new Route(CommandCenter.CodeFor(handlingRegion), null, []);

        var co = matter.CoDepartmentTypes
            .Select(type => DepartmentFor(type, location))
            .Where(code => code != lead && departmentCodes.Contains(code))
            .Distinct()
            .ToList();
        return new Route(CommandCenter.CodeFor(handlingRegion), lead, co);
    }

    /// <summary>The township team lives in the township; every other type in the county.</summary>
    private static string DepartmentFor(string type, GridLocation location) =>
        Department.CodeFor(type == DepartmentType.TownshipTeam ? location.TownshipCode : location.CountyCode, type);
}
