using Zhifa.Core.Access;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Access;
/// <summary>Who may take which row of the life-cycle table over an incident, and the roles each action names.</summary>
public sealed class IncidentActingTests : AccessCases
{
    // ==== MayTake ====


    [Fact]
    public void MayTake_WhenDispatcherOfHandlingCentre_MayDispatch()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), Reported(), CountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenCountyDispatcherAndTownshipCentreHandles_MayDispatch()
    {
        var incident = ReportAt(50, HomeLocation, TownshipCenter);

        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), incident, CountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenDispatcherOfAnotherCounty_MayNotDispatch()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), Reported(), OtherCountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenWholeCityDispatcher_MayDispatchAnywhere()
    {
        var city = CityStaff(Role.Dispatcher);
        var row = Row(IncidentStatus.Reported, IncidentAction.Dispatch);

        Assert.True(IncidentAccess.MayTake(row, Reported(), city));
        Assert.True(IncidentAccess.MayTake(row, OtherCountyIncident(), city));
    }

    [Theory]
    [InlineData(IncidentAction.Dispatch)]
    [InlineData(IncidentAction.Reject)]
    [InlineData(IncidentAction.Escalate)]
    public void MayTake_WhenTownshipDispatcherAndEscalatedToCounty_MayNot(IncidentAction action)
    {
        var incident = EscalatedFromTownship();

        Assert.True(IncidentAccess.IsVisible(incident, TownshipDispatcher));
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Reported, action), incident, TownshipDispatcher));
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Reported, action), incident, CountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenTownshipDispatcherOfHandlingCentre_MayDispatch()
    {
        var incident = ReportAt(51, HomeLocation, TownshipCenter);

        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), incident, TownshipDispatcher));
    }

    [Fact]
    public void MayTake_WhenCountyDispatcherAndEscalatedToCity_MayNotDispatch()
    {
        var incident = ReportAt(52, HomeLocation, CountyCenter);
        incident.Escalate(CityCenter, "beyond the county's means", "dispatcher-1", T0.AddMinutes(1));

        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), incident, CountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenLeadDepartmentOfficer_MayAccept()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), In(IncidentStatus.Dispatched), LeadOfficer));
    }

    [Fact]
    public void MayTake_WhenCoDepartmentOfficer_MayNotAccept()
    {
        var incident = In(IncidentStatus.Dispatched);

        Assert.True(IncidentAccess.IsVisible(incident, CoOfficer));
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), incident, CoOfficer));
    }

    [Fact]
    public void MayTake_WhenLeadDepartmentLeader_MayAccept()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), In(IncidentStatus.Dispatched), LeadLeader));
    }

    [Fact]
    public void MayTake_WhenLeadDepartmentOfficer_MayReturnAndResolve()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Return), In(IncidentStatus.Dispatched), LeadOfficer));
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.InProgress, IncidentAction.Resolve), In(IncidentStatus.InProgress), LeadOfficer));
    }

    [Fact]
    public void MayTake_WhenUnrelatedDepartmentOfficer_MayNotAccept()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), In(IncidentStatus.Dispatched), UnrelatedOfficer));
    }

    [Fact]
    public void MayTake_WhenLeadDepartmentCodeWithoutDepartmentRole_MayNotAccept()
    {
        var caller = DepartmentStaff(LeadDepartment, Role.Dispatcher);

        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), In(IncidentStatus.Dispatched), caller));
    }

    [Fact]
    public void MayTake_WhenDispatcherOfHandlingCentre_MayNotAccept()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Dispatched, IncidentAction.Accept), In(IncidentStatus.Dispatched), CountyDispatcher));
    }

    [Theory]
    [InlineData(IncidentAction.VerifyPassed)]
    [InlineData(IncidentAction.VerifyFailed)]
    public void MayTake_WhenGridWorkerInTheirGrid_MayVerify(IncidentAction action)
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Resolved, action), In(IncidentStatus.Resolved), HomeGridWorker));
    }

    [Theory]
    [InlineData(IncidentAction.VerifyPassed)]
    [InlineData(IncidentAction.VerifyFailed)]
    public void MayTake_WhenGridWorkerOutsideTheirGrid_MayNotVerify(IncidentAction action)
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Resolved, action), In(IncidentStatus.Resolved), GridWorker(OtherTownshipGrid)));
    }

    [Fact]
    public void MayTake_WhenGridWorkerAndIncidentHasNoGrid_MayNotVerify()
    {
        var incident = Drive(ReportAt(53, null, CountyCenter), IncidentStatus.Resolved);

        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Resolved, IncidentAction.VerifyPassed), incident, HomeGridWorker));
    }

    [Fact]
    public void MayTake_WhenGridWorkerInTheirGridWithOwnClue_MayNeverDispatch()
    {
        var incident = ReportAt(54, HomeLocation, CountyCenter, submittedBy: GridWorkerId);

        Assert.True(IncidentAccess.IsVisible(incident, HomeGridWorker));
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), incident, HomeGridWorker));
    }

    [Fact]
    public void MayTake_WhenSupervisorAndClosedInTheirRegion_MayReopen()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Closed, IncidentAction.Reopen), In(IncidentStatus.Closed), CountyStaff(Role.Supervisor)));
    }

    [Fact]
    public void MayTake_WhenTownshipSupervisorAndClosedInTheirTownshipByTheCounty_MayNotReopen()
    {
        // Handled by the county centre, located in the township: the township sees it but does not act on it.
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Closed, IncidentAction.Reopen), In(IncidentStatus.Closed), TownshipStaff(Role.Supervisor)));
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Closed, IncidentAction.Reopen), In(IncidentStatus.Closed), CountyStaff(Role.Supervisor)));
    }

    [Fact]
    public void MayTake_WhenSupervisorAndClosedOutsideTheirRegion_MayNotReopen()
    {
        var incident = OtherCountyIncident(IncidentStatus.Closed);

        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Closed, IncidentAction.Reopen), incident, CountyStaff(Role.Supervisor)));
    }

    [Fact]
    public void MayTake_WhenSupervisor_MayNotDispatch()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Reported, IncidentAction.Dispatch), Reported(), CountyStaff(Role.Supervisor)));
    }

    [Fact]
    public void MayTake_WhenAnalyst_MayTakeNoRowOfTheTable()
    {
        // The strongest analyst: the whole city, and every other scope set too.
        var analyst = CityStaff(Role.Analyst) with
        {
            CountyCode = County,
            TownshipCode = Township,
            DepartmentCode = LeadDepartment,
            UserId = GridWorkerId,
            GridCodes = [Grid],
        };

        Assert.All(IncidentLifecycle.Table, row =>
        {
            var incident = row.From is null ? Reported() : ReadyFor(row);
            Assert.True(IncidentAccess.IsVisible(incident, analyst));
            Assert.False(IncidentAccess.MayTake(row, incident, analyst), $"{row.From} {row.Action}");
        });
    }

    [Fact]
    public void MayTake_WhenDutyCommanderOfHandlingCentre_MayRuleOnDisputed()
    {
        Assert.True(IncidentAccess.MayTake(Row(IncidentStatus.Disputed, IncidentAction.Rule), In(IncidentStatus.Disputed), CountyStaff(Role.DutyCommander)));
    }

    [Fact]
    public void MayTake_WhenDutyCommanderOfAnotherCounty_MayNotRule()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Disputed, IncidentAction.Rule), In(IncidentStatus.Disputed), OtherCountyStaff(Role.DutyCommander)));
    }

    [Fact]
    public void MayTake_WhenDispatcherOfHandlingCentre_MayNotRule()
    {
        Assert.False(IncidentAccess.MayTake(Row(IncidentStatus.Disputed, IncidentAction.Rule), In(IncidentStatus.Disputed), CountyDispatcher));
    }

    [Fact]
    public void MayTake_WhenJurisdictionNone_MayTakeNoRow()
    {
        Assert.All(IncidentLifecycle.Table, row =>
            Assert.False(IncidentAccess.MayTake(row, row.From is null ? Reported() : ReadyFor(row), Jurisdiction.None), $"{row.From} {row.Action}"));
    }

    // ==== RolesFor ====

    public static TheoryData<IncidentAction> Actions() => new(Enum.GetValues<IncidentAction>());

    [Theory]
    [MemberData(nameof(Actions))]
    public void RolesFor_WhenAction_EqualsUnionOfWhoOfItsRows(IncidentAction action)
    {
        var expected = new HashSet<Role>();
        foreach (var row in IncidentLifecycle.Table.Where(t => t.Action == action))
            expected.UnionWith(row.Who);

        var roles = IncidentAccess.RolesFor(action);

        Assert.NotEmpty(roles);
        Assert.True(expected.SetEquals(roles), $"{action}: expected {string.Join(",", expected)}, got {string.Join(",", roles)}");
    }

    [Fact]
    public void RolesFor_WhenReport_IsChannelGridWorkerDispatcher()
    {
        Assert.True(IncidentAccess.RolesFor(IncidentAction.Report).SetEquals([Role.Channel, Role.GridWorker, Role.Dispatcher]));
    }

    [Fact]
    public void RolesFor_WhenAccept_IsDepartmentStaff()
    {
        Assert.True(IncidentAccess.RolesFor(IncidentAction.Accept).SetEquals([Role.DepartmentOfficer, Role.DepartmentLeader]));
    }

    [Fact]
    public void RolesFor_WhenRuleOrReopen_IsTheirSpecialRoles()
    {
        Assert.True(IncidentAccess.RolesFor(IncidentAction.Rule).SetEquals([Role.DutyCommander]));
        Assert.True(IncidentAccess.RolesFor(IncidentAction.Reopen).SetEquals([Role.Dispatcher, Role.Supervisor]));
    }

    [Fact]
    public void RolesFor_WhenAnyAction_NeverAnalystOrAdmin()
    {
        Assert.All(Enum.GetValues<IncidentAction>(), action =>
        {
            Assert.DoesNotContain(Role.Analyst, IncidentAccess.RolesFor(action));
            Assert.DoesNotContain(Role.Admin, IncidentAccess.RolesFor(action));
        });
    }
}
