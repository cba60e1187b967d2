using Zhifa.Core.Geo;
using Zhifa.Core.Matters;
using Zhifa.Core.Tests.Support;

namespace Zhifa.Core.Tests.Matters;

public class ResponsibilityRouterTests
{
    private const string City = "330500";
    private static readonly GridLocation Hefu = new("330503106-G01", "330503106", "330503");

    private static readonly HashSet<string> Departments =
    [
        "330503-NYNC", "330503-SL", "330503-STHJ", "330503106-ZFD", "330503101-ZFD",
    ];

    private static ResponsibilityRouter Router(IEnumerable<string>? departments = null) =>
        new(City, (departments ?? Departments).ToHashSet());

    [Fact]
    public void Route_WhenSeedScenario_GoesToCountyDepartmentWithCoDepartments()
    {
        var route = Router().Route(TestMatters.Sy01(), Hefu);

        Assert.Equal("330503-ZHZX", route.HandlingCenterCode);
        Assert.Equal("330503-NYNC", route.LeadDepartmentCode);
        Assert.Equal(["330503-SL", "330503106-ZFD"], route.CoDepartmentCodes);
        Assert.True(route.DispatchesAtOnce);
    }

    [Fact]
    public void Route_WhenMatterDelegated_GoesToTownshipTeamAndCentre()
    {
        var route = Router().Route(TestMatters.Sr01(), Hefu);

        Assert.Equal("330503106-ZHZX", route.HandlingCenterCode);
        Assert.Equal("330503106-ZFD", route.LeadDepartmentCode);
        Assert.Empty(route.CoDepartmentCodes);
    }

    [Fact]
    public void Route_WhenNonTeamMatterDelegated_GoesToTownshipTeam()
    {
        var matter = TestMatters.Create("X01", "NYNC", delegated: true, []);

        var route = Router().Route(matter, Hefu);

        Assert.Equal(("330503106-ZHZX", "330503106-ZFD"), (route.HandlingCenterCode, route.LeadDepartmentCode));
    }

    [Fact]
    public void Route_WhenMatterUnknown_GoesToCountyCentreWithoutLead()
    {
        var route = Router().Route(null, Hefu);

        Assert.Equal("330503-ZHZX", route.HandlingCenterCode);
        Assert.Null(route.LeadDepartmentCode);
        Assert.Empty(route.CoDepartmentCodes);
        Assert.False(route.DispatchesAtOnce);
    }

    [Fact]
    public void Route_WhenLocationUnknown_GoesToCityCentreWithoutLead()
    {
        var route = Router().Route(TestMatters.Sy01(), null);

        Assert.Equal("330500-ZHZX", route.HandlingCenterCode);
        Assert.Null(route.LeadDepartmentCode);
        Assert.Empty(route.CoDepartmentCodes);
    }

    [Fact]
    public void Route_WhenLeadDepartmentMissing_HasNoLead()
    {
        var route = Router(Departments.Where(d => d != "330503-NYNC")).Route(TestMatters.Sy01(), Hefu);

        Assert.Equal("330503-ZHZX", route.HandlingCenterCode);
        Assert.Null(route.LeadDepartmentCode);
        Assert.Empty(route.CoDepartmentCodes);
    }

    [Fact]
    public void Route_WhenCoDepartmentMissing_SkipsIt()
    {
        var route = Router(Departments.Where(d => d != "330503-SL")).Route(TestMatters.Sy01(), Hefu);

        Assert.Equal("330503-NYNC", route.LeadDepartmentCode);
        Assert.Equal(["330503106-ZFD"], route.CoDepartmentCodes);
    }

    [Fact]
    public void Route_WhenCoTypeRepeatsLead_ListsLeadOnlyOnce()
    {
        var matter = TestMatters.Create("X02", "NYNC", delegated: false, ["NYNC", "SL", "SL"]);

        var route = Router().Route(matter, Hefu);

        Assert.Equal(["330503-SL"], route.CoDepartmentCodes);
    }
}
