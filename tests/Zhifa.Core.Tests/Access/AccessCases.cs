using Zhifa.Core.Access;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Access;
/// <summary>
/// The places, callers and incidents the jurisdiction tests share: a county (330503) with two
/// townships, another county (330522), their centres and departments, and incidents driven into
/// any state through the life cycle.
/// </summary>
public abstract class AccessCases
{
    // The builder's incident: grid 330503106-G01, township 330503106, county 330503, handled by 330503-ZHZX.
    protected const string County = "330503";
    protected const string Township = "330503106";
    protected const string Grid = "330503106-G01";
    protected const string CountyCenter = Center;
    protected const string TownshipCenter = "330503106-ZHZX";
    protected const string CityCenter = ParentCenter;

    protected const string OtherTownship = "330503101";
    protected const string OtherTownshipCenter = "330503101-ZHZX";
    protected const string OtherTownshipGrid = "330503101-G01";

    protected const string OtherCounty = "330522";
    protected const string OtherCountyCenter = "330522-ZHZX";
    protected const string OtherCountyTownship = "330522101";
    protected const string OtherCountyGrid = "330522101-G01";

    protected const string CoDepartment = "330503-SL";
    protected const string UnrelatedDepartment = "330522-NYNC";

    protected static readonly Guid GridWorkerId = new("11111111-1111-1111-1111-111111111111");
    protected static readonly Guid SomeoneElseId = new("22222222-2222-2222-2222-222222222222");

    protected static readonly string[] CountyCenters = [CountyCenter, TownshipCenter, OtherTownshipCenter];

    // ---- callers ----

    protected static IReadOnlySet<Role> RolesOf(params Role[] roles) => roles.ToHashSet();

    protected static Jurisdiction CountyStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        CountyCode = County,
        CenterCodes = CountyCenters,
    };

    protected static Jurisdiction TownshipStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        TownshipCode = Township,
        CenterCodes = [TownshipCenter],
    };

    protected static Jurisdiction OtherCountyStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        CountyCode = OtherCounty,
        CenterCodes = [OtherCountyCenter, "330522101-ZHZX"],
    };

    protected static Jurisdiction CityStaff(params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        WholeCity = true,
        CenterCodes = [CityCenter, .. CountyCenters, OtherCountyCenter, "330522101-ZHZX"],
    };

    protected static Jurisdiction DepartmentStaff(string departmentCode, params Role[] roles) => new()
    {
        Roles = RolesOf(roles),
        DepartmentCode = departmentCode,
    };

    protected static Jurisdiction GridWorker(params string[] grids) => new()
    {
        Roles = RolesOf(Role.GridWorker),
        UserId = GridWorkerId,
        GridCodes = grids,
    };

    protected static readonly Jurisdiction CountyDispatcher = CountyStaff(Role.Dispatcher);
    protected static readonly Jurisdiction TownshipDispatcher = TownshipStaff(Role.Dispatcher);
    protected static readonly Jurisdiction OtherCountyDispatcher = OtherCountyStaff(Role.Dispatcher);
    protected static readonly Jurisdiction LeadOfficer = DepartmentStaff(LeadDepartment, Role.DepartmentOfficer);
    protected static readonly Jurisdiction LeadLeader = DepartmentStaff(LeadDepartment, Role.DepartmentLeader);
    protected static readonly Jurisdiction CoOfficer = DepartmentStaff(CoDepartment, Role.DepartmentOfficer);
    protected static readonly Jurisdiction UnrelatedOfficer = DepartmentStaff(UnrelatedDepartment, Role.DepartmentOfficer);
    protected static readonly Jurisdiction HomeGridWorker = GridWorker(Grid);

    // ---- incidents ----

    protected static GridLocation HomeLocation => new(Grid, Township, County);
    protected static GridLocation OtherTownshipLocation => new(OtherTownshipGrid, OtherTownship, County);
    protected static GridLocation OtherCountyLocation => new(OtherCountyGrid, OtherCountyTownship, OtherCounty);

    protected static Incident ReportAt(int seq, GridLocation? location, string handlingCenter, Guid? submittedBy = null) =>
        IncidentBuilder.ReportedAt(seq, location, handlingCenter, submittedBy);

    /// <summary>Moves a new incident along the main path to <paramref name="status"/> with its own methods.</summary>
    protected static Incident Drive(Incident incident, IncidentStatus status, string lead = LeadDepartment)
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
    protected static Incident EscalatedFromTownship()
    {
        var incident = ReportAt(10, HomeLocation, TownshipCenter);
        incident.Escalate(CountyCenter, "beyond the township's means", "dispatcher-2", T0.AddMinutes(1));
        Assert.Equal(CountyCenter, incident.HandlingCenterCode);
        return incident;
    }

    protected static Incident OtherCountyIncident(IncidentStatus status = IncidentStatus.Reported) =>
        Drive(ReportAt(20, OtherCountyLocation, OtherCountyCenter), status, "330522-NYNC");
    protected static Transition Row(IncidentStatus from, IncidentAction action) =>
        IncidentLifecycle.Find(from, action) ?? throw new InvalidOperationException($"no row {from} {action}");

    // ==== samples ====

    protected static List<(string Name, Incident Incident)> SampleIncidents()
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

    protected static List<(string Name, Jurisdiction Caller)> SampleCallers() =>
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
