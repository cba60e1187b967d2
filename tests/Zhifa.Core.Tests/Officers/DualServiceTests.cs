using Zhifa.Core.Officers;
using static Zhifa.Core.Tests.Officers.CertificateTests;

namespace Zhifa.Core.Tests.Officers;

/// <summary>县属乡用: a county officer stationed in a township team serves both departments.</summary>
public class DualServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly Officer Stationed = With("33050300001", new DateOnly(2025, 1, 1), new DateOnly(2028, 1, 1));

    private static Team Hefu(params Guid[] members)
    {
        var team = new Team { Code = "330503106-ZFD-1", Name = "和孚中队", DepartmentCode = "330503106-ZFD", TownshipCode = "330503106" };
        team.SetMembers(members);
        return team;
    }

    [Fact]
    public void AStationedOfficer_ServesTheirHomeAndTheTeamsDepartment()
    {
        var served = OfficerService.DepartmentsServed(Stationed, [Hefu(Stationed.Id)]);

        Assert.Equal(new HashSet<string> { "330503-NYNC", "330503106-ZFD" }, served);
    }

    [Fact]
    public void AnOfficerOutsideTheTeam_ServesTheirHomeOnly()
    {
        Assert.True(OfficerService.Serves(Stationed, [Hefu(Guid.NewGuid())], "330503-NYNC"));
        Assert.False(OfficerService.Serves(Stationed, [Hefu(Guid.NewGuid())], "330503106-ZFD"));
    }

    [Fact]
    public void Assignment_IsRefusedForAnotherDepartment_AndForAnExpiredCertificate()
    {
        Assert.Null(OfficerService.RefusalToAssign(Stationed, [Hefu(Stationed.Id)], "330503106-ZFD", Today));
        Assert.Contains("does not serve", OfficerService.RefusalToAssign(Stationed, [Hefu(Stationed.Id)], "330503-SL", Today));
        var expired = With("33050300002", new DateOnly(2020, 1, 1), new DateOnly(2026, 11, 26));
        Assert.Contains("no valid enforcement certificate", OfficerService.RefusalToAssign(expired, [], "330503-NYNC", Today));
    }

    [Fact]
    public void SetMembers_KeepsEachOfficerOnce()
    {
        var team = Hefu(Stationed.Id, Stationed.Id);

        Assert.Single(team.Members);
    }
}
