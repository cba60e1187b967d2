using Zhifa.Core.Matters;
using Zhifa.Core.Organization;

namespace Zhifa.Core.Incidents;

/// <summary>
/// The unit of command work (事件). Its public methods are the actions of the life cycle; each asks
/// <see cref="IncidentLifecycle"/> for its row, so an action the table does not allow always throws.
/// Every change bumps <see cref="Version"/> and writes exactly one timeline entry.
/// </summary>
public sealed partial class Incident : IPlacedInRegion
{
    private readonly List<Clue> _clues = [];
    private readonly List<Assignment> _assignments = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<DuplicateCandidate> _duplicateCandidates = [];
    private readonly List<IncidentDispute> _disputes = [];

    public const int MaxSummaryLength = 200;

    private Incident() { }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public IncidentStatus Status { get; private set; }
    public string? MatterCode { get; private set; }
    public Priority Priority { get; private set; }
    public string Summary { get; private set; } = "";
    public double Lat { get; private set; }
    public double Lon { get; private set; }
    public string? Address { get; private set; }
    public string? GridCode { get; private set; }
    public string? TownshipCode { get; private set; }
    public string? CountyCode { get; private set; }
    public string HandlingCenterCode { get; private set; } = "";
    public int ReportCount { get; private set; }
    public int ReworkCount { get; private set; }
    public int ReturnCount { get; private set; }
    /// <summary>Set by a duty commander's ruling: the department may no longer return the incident.</summary>
    public bool BindingRuling { get; private set; }
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Optimistic-concurrency token and the ETag: the number of changes so far.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<Clue> Clues => _clues;
    public IReadOnlyList<Assignment> Assignments => _assignments;
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    /// <summary>Open incidents this one may duplicate, best first, as intake found them.</summary>
    public IReadOnlyList<DuplicateCandidate> DuplicateCandidates => _duplicateCandidates;
    /// <summary>Every dispute about who is responsible, in order; at most the last is open.</summary>
    public IReadOnlyList<IncidentDispute> Disputes => _disputes;

    public Assignment? Lead => _assignments.FirstOrDefault(a => a.IsActive && a.Role == AssignmentRole.Lead);

    /// <summary>The incident's most precise region: township, else county, else none.</summary>
    public string? RegionCode => TownshipCode ?? CountyCode;

    public static Incident Report(Guid id, string number, Clue clue, Placement placement, string actor, DateTimeOffset now)
    {
        var incident = new Incident
        {
            Id = id,
            Number = number,
            Status = (IncidentLifecycle.Find(null, IncidentAction.Report) ?? throw new InvalidOperationException("The table has no report row.")).To,
            MatterCode = placement.Matter?.Code,
            Priority = placement.Matter?.Priority ?? Priority.Normal,
            Summary = Text.Truncate(clue.Text, MaxSummaryLength),
            Lat = clue.Lat,
            Lon = clue.Lon,
            Address = clue.Address,
            GridCode = placement.Location?.GridCode,
            TownshipCode = placement.Location?.TownshipCode,
            CountyCode = placement.Location?.CountyCode,
            HandlingCenterCode = placement.HandlingCenterCode,
            ReportCount = 1,
            ReportedAt = now,
        };
        clue.IncidentId = id;
        incident._clues.Add(clue);
        incident.Record(IncidentAction.Report.ApiName(), null, actor, now, $"{clue.Channel}: {incident.Summary}");
        return incident;
    }

    /// <summary>Hand the incident to a lead department, with co-departments (派遣).</summary>
    public void Dispatch(string leadDepartmentCode, IReadOnlyList<string> coDepartmentCodes, Matter? matter, string actor, DateTimeOffset now, string? note = null)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Dispatch);
        if (matter is not null)
        {
            MatterCode = matter.Code;
            Priority = matter.Priority;
        }
        Assign(leadDepartmentCode, coDepartmentCodes, now);
        Apply(row, actor, now, note ?? $"lead {leadDepartmentCode}" + CoNote(coDepartmentCodes));
    }

    public void Reject(string reason, string actor, DateTimeOffset now) =>
        Apply(IncidentLifecycle.Require(this, IncidentAction.Reject), actor, now, reason);

    /// <summary>Join this duplicate to an open incident (并案); its reports count there.</summary>
    public void MergeInto(Incident target, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Merge);
        if (target.Id == Id)
            throw new DomainException("incident.merge_into_self", $"Incident {Number} cannot be merged into itself.");
        if (!IncidentLifecycle.IsOpen(target.Status))
            throw new DomainException("incident.merge_target_closed", $"Incident {target.Number} is {target.Status}; merge into an open incident.");
        MergedIntoId = target.Id;
        Apply(row, actor, now, $"merged into {target.Number}");
        target.ReportCount += ReportCount;
        target.Record("merge-in", target.Status, actor, now, $"{Number} merged in");
    }

    /// <summary>
    /// A repeat report of this incident's problem joins it (重复件): one more report, one timeline
    /// entry, no change of status. Intake does this when the duplicate check is sure.
    /// </summary>
    public void Join(Clue clue, string actor, DateTimeOffset now, string note)
    {
        if (!IncidentLifecycle.IsOpen(Status))
            throw new DomainException("incident.join_closed", $"Incident {Number} is {Status}; a new report cannot join it.");
        clue.IncidentId = Id;
        clue.Joined = true;
        _clues.Add(clue);
        ReportCount++;
        Record(JoinAction, Status, actor, now, note);
    }

    public const string JoinAction = "join";
    public const string SplitAction = "split";

    /// <summary>
    /// Takes a report out again (拆分): a dispatcher judged that it is a problem of its own. The clue
    /// leaves with its report, and becomes the first report of a new incident.
    /// </summary>
    public Clue SplitOut(Guid clueId, string actor, DateTimeOffset now, string? note)
    {
        if (!IncidentLifecycle.IsOpen(Status))
            throw new DomainException("incident.split_closed", $"Incident {Number} is {Status}; its reports stay with it.");
        var clue = _clues.FirstOrDefault(c => c.Id == clueId)
            ?? throw new DomainException("incident.clue_not_found", $"Incident {Number} has no clue {clueId}.");
        // The first report is the one that did not join (reports arriving in the same instant tie on time).
        if (!clue.Joined)
            throw new DomainException("incident.split_first_clue", $"Clue {clueId} is incident {Number}'s own first report; split out the others.");
        _clues.Remove(clue);
        clue.Joined = false;
        ReportCount--;
        Record(SplitAction, Status, actor, now, $"clue {clueId} split out" + (note is null ? "" : $": {note}"));
        return clue;
    }

    /// <summary>Keeps the open incidents this one may duplicate, for the dispatcher to judge.</summary>
    public void SuggestDuplicates(IEnumerable<(Guid Id, string Number, double DistanceMeters, double Score)> candidates)
    {
        _duplicateCandidates.Clear();
        _duplicateCandidates.AddRange(candidates.Select(c => new DuplicateCandidate
        {
            IncidentId = Id, CandidateId = c.Id, CandidateNumber = c.Number, DistanceMeters = c.DistanceMeters, Score = c.Score,
        }));
    }

    /// <summary>Pass the incident to the parent centre, still awaiting dispatch there.</summary>
    public void Escalate(string? parentCenterCode, string reason, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Escalate);
        HandlingCenterCode = parentCenterCode
            ?? throw new DomainException("incident.no_parent_center", $"Centre {HandlingCenterCode} has no centre above it.");
        Apply(row, actor, now, $"to {parentCenterCode}: {reason}");
    }

    public void Dispute(string reason, string actor, DateTimeOffset now)
    {
        Apply(IncidentLifecycle.Require(this, IncidentAction.Dispute), actor, now, reason);
        OpenDispute(automatic: false, reason, actor, now);
    }

    /// <summary>The duty commander's ruling (裁定): binding, the department can no longer return it.</summary>
    public void Rule(string departmentCode, IReadOnlyList<string> coDepartmentCodes, string reason, string? legalBasis, string actor, DateTimeOffset now)
    {
        var row = IncidentLifecycle.Require(this, IncidentAction.Rule);
        Assign(departmentCode, coDepartmentCodes, now);
        BindingRuling = true;
        // An incident disputed before disputes were recorded has none open: the ruling records it.
        var dispute = _disputes.LastOrDefault(d => d.IsOpen) ?? OpenDispute(automatic: false, "disputed before disputes were recorded", actor, now);
        dispute.Settle(departmentCode, reason, legalBasis, actor, now);
        var basis = legalBasis is null ? "" : $" (basis: {legalBasis})";
        Apply(row, actor, now, $"ruled to {departmentCode}: {reason}{basis}");
    }
}
