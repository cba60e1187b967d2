using Zhifa.Core.Access;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Access;
/// <summary>Who sees which incident, in memory and as the expression sent to SQL.</summary>
public sealed class IncidentVisibilityTests : AccessCases
{
    // ==== visibility: region readers ====

    [Fact]
    public void IsVisible_WhenCountyDispatcherAndHandledByCountyCentre_True()
    {
        // No grid was found for the clue: only the handling centre ties the incident to the county.
        var incident = ReportAt(30, null, CountyCenter);

        Assert.True(IncidentAccess.IsVisible(incident, CountyDispatcher));
    }

    [Fact]
    public void IsVisible_WhenCountyDispatcherAndHandledByTownshipCentreBelow_True()
    {
        // Placed outside any grid but handled by a township centre of the county.
        var incident = ReportAt(31, null, TownshipCenter);

        Assert.True(IncidentAccess.IsVisible(incident, CountyDispatcher));
    }

    [Fact]
    public void IsVisible_WhenCountyDispatcherAndLocatedInCountyButEscalatedToCity_True()
    {
        var incident = ReportAt(32, HomeLocation, CountyCenter);
        incident.Escalate(CityCenter, "beyond the county's means", "dispatcher-1", T0.AddMinutes(1));

        Assert.True(IncidentAccess.IsVisible(incident, CountyDispatcher));
    }

    [Fact]
    public void IsVisible_WhenCountyDispatcherAndIncidentOfBuilder_True()
    {
        Assert.True(IncidentAccess.IsVisible(In(IncidentStatus.InProgress), CountyDispatcher));
    }

    [Fact]
    public void IsVisible_WhenCountyDispatcherAndIncidentOfAnotherCounty_False()
    {
        var incident = OtherCountyIncident();

        Assert.False(IncidentAccess.IsVisible(incident, CountyDispatcher));
    }

    [Fact]
    public void IsVisible_WhenTownshipDispatcherAndIncidentEscalatedToCounty_True()
    {
        var incident = EscalatedFromTownship();

        Assert.True(IncidentAccess.IsVisible(incident, TownshipDispatcher));
    }

    [Fact]
    public void IsVisible_WhenTownshipDispatcherAndHandledByOwnCentre_True()
    {
        // Placed outside any grid: only the handling centre ties it to the township.
        var incident = ReportAt(33, null, TownshipCenter);

        Assert.True(IncidentAccess.IsVisible(incident, TownshipDispatcher));
    }

    [Fact]
    public void IsVisible_WhenTownshipDispatcherAndIncidentOfAnotherTownship_False()
    {
        var incident = ReportAt(34, OtherTownshipLocation, OtherTownshipCenter);

        Assert.False(IncidentAccess.IsVisible(incident, TownshipDispatcher));
    }

    [Fact]
    public void IsVisible_WhenTownshipDispatcherAndCountyIncidentOutsideTownship_False()
    {
        // Handled by the county centre above the township, located elsewhere in the county.
        var incident = ReportAt(35, OtherTownshipLocation, CountyCenter);

        Assert.False(IncidentAccess.IsVisible(incident, TownshipDispatcher));
    }

    [Fact]
    public void IsVisible_WhenWholeCity_SeesEveryIncident()
    {
        var city = CityStaff(Role.Dispatcher);

        Assert.All(SampleIncidents(), s => Assert.True(IncidentAccess.IsVisible(s.Incident, city), s.Name));
    }

    [Theory]
    [InlineData(Role.Analyst)]
    [InlineData(Role.Supervisor)]
    [InlineData(Role.DutyCommander)]
    public void IsVisible_WhenOtherRegionReader_SameAsCountyDispatcher(Role role)
    {
        var reader = CountyStaff(role);

        Assert.All(SampleIncidents(), s =>
            Assert.Equal(IncidentAccess.IsVisible(s.Incident, CountyDispatcher), IncidentAccess.IsVisible(s.Incident, reader)));
        Assert.True(IncidentAccess.IsVisible(In(IncidentStatus.Dispatched), reader));
        Assert.False(IncidentAccess.IsVisible(OtherCountyIncident(), reader));
    }

    [Theory]
    [InlineData(Role.Analyst)]
    [InlineData(Role.Supervisor)]
    public void IsVisible_WhenTownshipReaderAndIncidentEscalatedToCounty_True(Role role)
    {
        Assert.True(IncidentAccess.IsVisible(EscalatedFromTownship(), TownshipStaff(role)));
    }

    // ==== visibility: department staff ====

    [Theory]
    [InlineData(Role.DepartmentOfficer)]
    [InlineData(Role.DepartmentLeader)]
    public void IsVisible_WhenLeadDepartmentStaffAndDispatched_True(Role role)
    {
        Assert.True(IncidentAccess.IsVisible(In(IncidentStatus.Dispatched), DepartmentStaff(LeadDepartment, role)));
    }

    [Theory]
    [InlineData(Role.DepartmentOfficer)]
    [InlineData(Role.DepartmentLeader)]
    public void IsVisible_WhenCoDepartmentStaffAndDispatched_True(Role role)
    {
        Assert.True(IncidentAccess.IsVisible(In(IncidentStatus.Dispatched), DepartmentStaff(CoDepartment, role)));
    }

    [Theory]
    [InlineData(LeadDepartment)]
    [InlineData(CoDepartment)]
    public void IsVisible_WhenDepartmentReturnedIt_StillTrue(string department)
    {
        var incident = Returned();
        Assert.All(incident.Assignments, a => Assert.False(a.IsActive));

        Assert.True(IncidentAccess.IsVisible(incident, DepartmentStaff(department, Role.DepartmentOfficer)));
    }

    [Fact]
    public void IsVisible_WhenLeadDepartmentOfficerAndClosed_True()
    {
        Assert.True(IncidentAccess.IsVisible(In(IncidentStatus.Closed), LeadOfficer));
    }

    [Fact]
    public void IsVisible_WhenDepartmentNeverAssigned_False()
    {
        Assert.False(IncidentAccess.IsVisible(In(IncidentStatus.Dispatched), UnrelatedOfficer));
    }

    [Fact]
    public void IsVisible_WhenDepartmentStaffAndNotYetDispatched_False()
    {
        Assert.False(IncidentAccess.IsVisible(Reported(), LeadOfficer));
    }

    [Fact]
    public void IsVisible_WhenDepartmentStaff_SeesOnlyIncidentsAssignedToTheDepartment()
    {
        Assert.All(SampleIncidents(), s => Assert.Equal(
            s.Incident.Assignments.Any(a => a.DepartmentCode == LeadDepartment),
            IncidentAccess.IsVisible(s.Incident, LeadOfficer)));
    }

    [Theory]
    [InlineData(new Role[0])]
    [InlineData(new[] { Role.Channel })]
    [InlineData(new[] { Role.Admin })]
    [InlineData(new[] { Role.Router })]
    public void IsVisible_WhenDepartmentCodeWithoutDepartmentRole_SeesNothing(Role[] roles)
    {
        var caller = DepartmentStaff(LeadDepartment, roles);

        Assert.All(SampleIncidents(), s => Assert.False(IncidentAccess.IsVisible(s.Incident, caller), s.Name));
    }

    // ==== visibility: grid workers ====

    [Fact]
    public void IsVisible_WhenGridWorkerSubmittedClue_TrueEvenOutsideTheirGrids()
    {
        var incident = ReportAt(40, OtherCountyLocation, OtherCountyCenter, submittedBy: GridWorkerId);

        Assert.True(IncidentAccess.IsVisible(incident, HomeGridWorker));
    }

    [Fact]
    public void IsVisible_WhenGridWorkerSubmittedClueAndIncidentMovedOn_StillTrue()
    {
        var incident = Drive(ReportAt(41, OtherCountyLocation, OtherCountyCenter, submittedBy: GridWorkerId), IncidentStatus.InProgress);

        Assert.True(IncidentAccess.IsVisible(incident, HomeGridWorker));
    }

    [Fact]
    public void IsVisible_WhenGridWorkerHasNoUserIdAndTheClueCameFromAChannelSystem_False()
    {
        // Both ids absent must not count as "their own clue".
        var incident = ReportAt(43, OtherCountyLocation, OtherCountyCenter, submittedBy: null);

        Assert.False(IncidentAccess.IsVisible(incident, HomeGridWorker with { UserId = null }));
        Assert.False(IncidentAccess.Visible(HomeGridWorker with { UserId = null }).Compile()(incident));
    }

    [Fact]
    public void IsVisible_WhenClueSubmittedBySomeoneElse_False()
    {
        var incident = ReportAt(42, OtherCountyLocation, OtherCountyCenter, submittedBy: SomeoneElseId);

        Assert.False(IncidentAccess.IsVisible(incident, HomeGridWorker));
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void IsVisible_WhenGridWorkerAndVerificationStageInTheirGrid_True(IncidentStatus status)
    {
        Assert.True(IncidentAccess.IsVisible(In(status), HomeGridWorker));
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Dispatched)]
    [InlineData(IncidentStatus.InProgress)]
    [InlineData(IncidentStatus.Suspended)]
    [InlineData(IncidentStatus.Disputed)]
    [InlineData(IncidentStatus.Rejected)]
    public void IsVisible_WhenGridWorkerAndOtherStageInTheirGrid_False(IncidentStatus status)
    {
        Assert.False(IncidentAccess.IsVisible(In(status), HomeGridWorker));
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void IsVisible_WhenGridWorkerAndVerificationStageInAnotherGrid_False(IncidentStatus status)
    {
        Assert.False(IncidentAccess.IsVisible(In(status), GridWorker(OtherTownshipGrid)));
    }

    [Fact]
    public void IsVisible_WhenGridCodesWithoutGridWorkerRole_False()
    {
        var caller = HomeGridWorker with { Roles = RolesOf(Role.Channel) };

        Assert.False(IncidentAccess.IsVisible(In(IncidentStatus.Resolved), caller));
        Assert.False(IncidentAccess.IsVisible(ReportAt(43, HomeLocation, CountyCenter, submittedBy: GridWorkerId), caller));
    }

    // ==== visibility: nobody ====

    [Fact]
    public void IsVisible_WhenJurisdictionNone_SeesNothing()
    {
        Assert.All(SampleIncidents(), s => Assert.False(IncidentAccess.IsVisible(s.Incident, Jurisdiction.None), s.Name));
    }

    [Fact]
    public void IsVisible_WhenCallerHasNoRoles_SeesNothing()
    {
        // Every other part of a jurisdiction is set: only the roles are missing.
        var caller = CityStaff() with
        {
            CountyCode = County,
            TownshipCode = Township,
            DepartmentCode = LeadDepartment,
            UserId = GridWorkerId,
            GridCodes = [Grid, OtherCountyGrid],
        };

        Assert.All(SampleIncidents(), s => Assert.False(IncidentAccess.IsVisible(s.Incident, caller), s.Name));
    }

    // ==== the expression form ====

    [Fact]
    public void Visible_WhenCompiled_AgreesWithIsVisibleForEveryIncidentAndCaller()
    {
        var incidents = SampleIncidents();
        var callers = SampleCallers();
        var mismatches = new List<string>();
        var seen = 0;

        foreach (var (callerName, caller) in callers)
        {
            var visible = IncidentAccess.Visible(caller).Compile();
            foreach (var (incidentName, incident) in incidents)
            {
                var expected = IncidentAccess.IsVisible(incident, caller);
                if (visible(incident) != expected)
                    mismatches.Add($"{callerName} × {incidentName}: IsVisible {expected}, Visible {!expected}");
                if (expected)
                    seen++;
            }
        }

        Assert.Empty(mismatches);
        // The sample is not trivially all-false or all-true.
        Assert.InRange(seen, 1, incidents.Count * callers.Count - 1);
    }

    [Fact]
    public void Visible_WhenBuiltForTwoCallers_EachKeepsItsOwnCaller()
    {
        var county = IncidentAccess.Visible(CountyDispatcher).Compile();
        var other = IncidentAccess.Visible(OtherCountyDispatcher).Compile();
        var incident = In(IncidentStatus.Dispatched);

        Assert.True(county(incident));
        Assert.False(other(incident));
    }

    [Fact]
    public void Visible_WhenBuilt_HasOnlyTheIncidentParameter()
    {
        var expression = IncidentAccess.Visible(CountyDispatcher);

        var parameter = Assert.Single(expression.Parameters);
        Assert.Equal(typeof(Incident), parameter.Type);
    }
}
