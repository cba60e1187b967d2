using Zhifa.Core.Access;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Access;

/// <summary>
/// Jurisdiction rules: who sees which incident (in memory and as the expression sent to SQL), and who
/// may take which row of the life-cycle table.
/// </summary>
public class IncidentAccessTests
{
    // The builder's incident: grid 330503106-G01, township 330503106, county 330503, handled by 330503-ZHZX.
    private const string County = "330503";
    private const string Township = "330503106";
    private const string Grid = "330503106-G01";
    private const string CountyCenter = Center;
    private const string TownshipCenter = "330503106-ZHZX";
    private const string CityCenter = ParentCenter;

    private const string OtherTownship = "330503101";
    private const string OtherTownshipCenter = "330503101-ZHZX";
    private const string OtherTownshipGrid = "330503101-G01";

    private const string OtherCounty = "330522";
    private const string OtherCountyCenter = "330522-ZHZX";
    private const string OtherCountyTownship = "330522101";
    private const string OtherCountyGrid = "330522101-G01";

    private const string CoDepartment = "330503-SL";
    private const string UnrelatedDepartment = "330522-NYNC";

    private static readonly Guid GridWorkerId = new("11111111-1111-1111-1111-111111111111");
    private static readonly Guid SomeoneElseId = new("22222222-2222-2222-2222-222222222222");

    private static readonly string[] CountyCenters = [CountyCenter, TownshipCenter, OtherTownshipCenter];

    // ---- callers ----

    private static IReadOnlySet<Role> RolesOf(params Role[] roles) => roles.ToHashSet();

    private static Jurisdiction CountyStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        CountyCode = County,
        CenterCodes = CountyCenters,
    };

    private static Jurisdiction TownshipStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        TownshipCode = Township,
        CenterCodes = [TownshipCenter],
    };

    private static Jurisdiction OtherCountyStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        CountyCode = OtherCounty,
        CenterCodes = [OtherCountyCenter, "330522101-ZHZX"],
    };

    private static Jurisdiction CityStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        WholeCity = true,
        CenterCodes = [CityCenter, .. CountyCenters, OtherCountyCenter, "330522101-ZHZX"],
    };

    private static Jurisdiction DepartmentStaff(string departmentCode, params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        DepartmentCode = departmentCode,
    };

    private static Jurisdiction GridWorker(params string[] grids) => new()
    {
        Roles = RolesOf(Role.GridWorker),
        UserId = GridWorkerId,
        GridCodes = grids,
    };

    private static readonly Jurisdiction CountyDispatcher = CountyStaff(Role.Dispatcher);
    private static readonly Jurisdiction TownshipDispatcher = TownshipStaff(Role.Dispatcher);
    private static readonly Jurisdiction OtherCountyDispatcher = OtherCountyStaff(Role.Dispatcher);
    private static readonly Jurisdiction LeadOfficer = DepartmentStaff(LeadDepartment, Role.DepartmentOfficer);
    private static readonly Jurisdiction LeadLeader = DepartmentStaff(LeadDepartment, Role.DepartmentLeader);
    private static readonly Jurisdiction CoOfficer = DepartmentStaff(CoDepartment, Role.DepartmentOfficer);
    private static readonly Jurisdiction UnrelatedOfficer = DepartmentStaff(UnrelatedDepartment, Role.DepartmentOfficer);
    private static readonly Jurisdiction HomeGridWorker = GridWorker(Grid);

    // ---- incidents ----

    private static GridLocation HomeLocation => new(Grid, Township, County);
    private static GridLocation OtherTownshipLocation => new(OtherTownshipGrid, OtherTownship, County);
    private static GridLocation OtherCountyLocation => new(OtherCountyGrid, OtherCountyTownship, OtherCounty);

    private static Incident ReportAt(int seq, GridLocation? location, string handlingCenter, Guid? submittedBy = null) =>
        IncidentBuilder.ReportedAt(seq, location, handlingCenter, submittedBy);

    /// <summary>Moves a new incident along the main path to <paramref name="status"/> with its own methods.</summary>
    private static Incident Drive(Incident incident, IncidentStatus status, string lead = LeadDepartment)
    {
        var steps = new List<Action<Incident>>
        {
            i => i.Dispatch(lead, [], TestMatters.Sy01(), "dispatcher-1", T0.AddMinutes(1)),
            i => i.Accept("officer-1", T0.AddMinutes(2)),
            i => i.Resolve("cages removed", "officer-1", T0.AddMinutes(3)),
            i => i.Verify(true, "dispatcher-1", T0.AddMinutes(4)),
        };
        var count = status switch
        {
            IncidentStatus.Reported => 0,
            IncidentStatus.Dispatched => 1,
            IncidentStatus.InProgress => 2,
            IncidentStatus.Resolved => 3,
            IncidentStatus.Closed => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not on the main path"),
        };
        foreach (var step in steps.Take(count))
            step(incident);
        Assert.Equal(status, incident.Status);
        return incident;
    }

    /// <summary>Reported in the builder's township, handled there, then escalated to the county centre.</summary>
    private static Incident EscalatedFromTownship()
    {
        var incident = ReportAt(10, HomeLocation, TownshipCenter);
        incident.Escalate(CountyCenter, "beyond the township's means", "dispatcher-2", T0.AddMinutes(1));
        Assert.Equal(CountyCenter, incident.HandlingCenterCode);
        return incident;
    }

    private static Incident OtherCountyIncident(IncidentStatus status = IncidentStatus.Reported) =>
        Drive(ReportAt(20, OtherCountyLocation, OtherCountyCenter), status, "330522-NYNC");

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

    // ==== MayTake ====

    private static Transition Row(IncidentStatus from, IncidentAction action) =>
        IncidentLifecycle.Find(from, action) ?? throw new InvalidOperationException($"no row {from} {action}");

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

    // ==== samples ====

    private static List<(string Name, Incident Incident)> SampleIncidents()
    {
        var list = new List<(string, Incident)>();
        var seq = 100;
        foreach (var status in Enum.GetValues<IncidentStatus>())
            list.Add(($"builder {status}", In(status, seq++)));
        list.Add(("builder returned", Returned()));
        list.Add(("escalated from township", EscalatedFromTownship()));
        list.Add(("no grid, county centre", ReportAt(seq++, null, CountyCenter)));
        list.Add(("no grid, township centre", ReportAt(seq++, null, TownshipCenter)));
        list.Add(("other township", ReportAt(seq++, OtherTownshipLocation, OtherTownshipCenter)));
        list.Add(("other township, resolved", Drive(ReportAt(seq++, OtherTownshipLocation, OtherTownshipCenter), IncidentStatus.Resolved)));
        foreach (var status in new[] { IncidentStatus.Reported, IncidentStatus.Dispatched, IncidentStatus.Resolved, IncidentStatus.Closed })
            list.Add(($"other county {status}", OtherCountyIncident(status)));
        list.Add(("other county, own clue", ReportAt(seq++, OtherCountyLocation, OtherCountyCenter, submittedBy: GridWorkerId)));
        list.Add(("other county, someone else's clue", ReportAt(seq++, OtherCountyLocation, OtherCountyCenter, submittedBy: SomeoneElseId)));
        list.Add(("home grid, own clue, in progress", Drive(ReportAt(seq++, HomeLocation, CountyCenter, submittedBy: GridWorkerId), IncidentStatus.InProgress)));
        var escalatedToCity = ReportAt(seq++, HomeLocation, CountyCenter);
        escalatedToCity.Escalate(CityCenter, "beyond the county's means", "dispatcher-1", T0.AddMinutes(1));
        list.Add(("escalated to city", escalatedToCity));
        return list;
    }

    private static List<(string Name, Jurisdiction Caller)> SampleCallers() =>
    [
        ("none", Jurisdiction.None),
        ("no roles, whole city", CityStaff()),
        ("city dispatcher", CityStaff(Role.Dispatcher)),
        ("county dispatcher", CountyDispatcher),
        ("township dispatcher", TownshipDispatcher),
        ("other county dispatcher", OtherCountyDispatcher),
        ("county analyst", CountyStaff(Role.Analyst)),
        ("township supervisor", TownshipStaff(Role.Supervisor)),
        ("county duty commander", CountyStaff(Role.DutyCommander)),
        ("lead officer", LeadOfficer),
        ("lead leader", LeadLeader),
        ("co officer", CoOfficer),
        ("unrelated officer", UnrelatedOfficer),
        ("department code, no department role", DepartmentStaff(LeadDepartment, Role.Channel)),
        ("home grid worker", HomeGridWorker),
        ("other township grid worker", GridWorker(OtherTownshipGrid)),
        ("grid worker, no grids", GridWorker()),
        ("grid worker and co officer", HomeGridWorker with { Roles = RolesOf(Role.GridWorker, Role.DepartmentOfficer), DepartmentCode = CoDepartment }),
        ("township dispatcher and lead officer", TownshipDispatcher with { Roles = RolesOf(Role.Dispatcher, Role.DepartmentLeader), DepartmentCode = LeadDepartment }),
    ];
}
