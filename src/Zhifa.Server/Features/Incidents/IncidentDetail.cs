using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Server.Features.Media;

namespace Zhifa.Server.Features.Incidents;

/// <summary>An incident as GET /incidents/{id} and every action answer it.</summary>
public sealed record IncidentDetail(
    Guid Id,
    string Number,
    IncidentStatus Status,
    string? MatterCode,
    string? RegionCode,
    string? TownshipCode,
    string? CountyCode,
    string? GridCode,
    string HandlingCenterCode,
    Priority Priority,
    string Summary,
    double Lat,
    double Lon,
    string? Address,
    int ReportCount,
    int ReworkCount,
    int ReturnCount,
    bool BindingRuling,
    Guid? MergedIntoId,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<AssignmentView> Assignments,
    IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<ClueView> Clues,
    IReadOnlyList<DuplicateCandidateView> DuplicateCandidates,
    TrafficLight? Light,
    IReadOnlyList<DeadlineView> Deadlines)
{
    /// <param name="reporter">The reporter's name and phone as this caller may see them.</param>
    /// <param name="media">The files of each clue, by clue id.</param>
    /// <param name="timelineMedia">The files of each timeline entry (a resolution's photos), by its seq.</param>
    /// <param name="now">The moment the lights are shown for.</param>
    public static IncidentDetail From(Incident i, Func<Clue, (string? Name, string? Phone)> reporter, ILookup<Guid, MediaLink> media,
        ILookup<int, MediaLink> timelineMedia, DateTimeOffset now) => new(
        i.Id, i.Number, i.Status, i.MatterCode, i.RegionCode, i.TownshipCode, i.CountyCode, i.GridCode,
        i.HandlingCenterCode, i.Priority, i.Summary, i.Lat, i.Lon, i.Address,
        i.ReportCount, i.ReworkCount, i.ReturnCount, i.BindingRuling, i.MergedIntoId,
        i.ReportedAt, i.UpdatedAt, i.ClosedAt, i.Version,
        IncidentLifecycle.AllowedFor(i),
        i.Assignments.OrderBy(a => a.Position).Select(a => new AssignmentView(a.DepartmentCode, a.Role, a.Status, a.AssignedAt)).ToList(),
        i.Timeline.OrderBy(t => t.Seq).Select(t => new TimelineView(t.Seq, t.At, t.Action, t.FromStatus, t.ToStatus, t.Actor, t.Note, [.. timelineMedia[t.Seq]])).ToList(),
        i.Clues.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Joined).ThenBy(c => c.Id).Select(c => ClueView.From(c, reporter(c), [.. media[c.Id]])).ToList(),
        i.DuplicateCandidates.OrderByDescending(d => d.Score).Select(d => new DuplicateCandidateView(d.CandidateId, d.CandidateNumber, d.DistanceMeters, d.Score)).ToList(),
        i.LightAt(now),
        // Open clocks first, then the ended ones, newest first: what is running is what people look for.
        i.Deadlines.OrderBy(d => d.IsOpen ? 0 : 1).ThenByDescending(d => d.StartedAt).ThenByDescending(d => d.Id).Select(d => DeadlineView.From(d, now)).ToList());
}

public sealed record AssignmentView(string DepartmentCode, AssignmentRole Role, AssignmentStatus Status, DateTimeOffset AssignedAt);

/// <summary>One entry of the history; <c>Media</c>: the photos that came with it (a resolution's, a verification's).</summary>
public sealed record TimelineView(int Seq, DateTimeOffset At, string Action, IncidentStatus? FromStatus, IncidentStatus ToStatus, string Actor, string? Note,
    IReadOnlyList<MediaLink> Media)
{
    // Equal when every field is, the files compared one by one (a list's own Equals compares references).
    public bool Equals(TimelineView? other) =>
        other is not null && (Seq, At, Action, FromStatus, ToStatus, Actor, Note) == (other.Seq, other.At, other.Action, other.FromStatus, other.ToStatus, other.Actor, other.Note)
        && Media.SequenceEqual(other.Media);

    public override int GetHashCode() => HashCode.Combine(Seq, At, Action, Actor);
}

/// <summary>A clue as shown with its incident; the reporter's name and phone masked unless the caller may see them. <c>Joined</c>: it came in as a repeat report.</summary>
public sealed record ClueView(Guid Id, string Channel, string? ExternalId, string Text, string? Address,
    string? ReporterName, string? ReporterPhone, DateTimeOffset? OccurredAt, DateTimeOffset ReceivedAt, bool Joined, IReadOnlyList<MediaLink> Media)
{
    public static ClueView From(Clue c, (string? Name, string? Phone) reporter, IReadOnlyList<MediaLink> media) =>
        new(c.Id, c.Channel, c.ExternalId, c.Text, c.Address, reporter.Name, reporter.Phone, c.OccurredAt, c.ReceivedAt, c.Joined, media);
}

/// <summary>
/// One clock: its light now (an ended clock keeps the light it ended with), whether it is paused, its
/// limit, and how it ended (met: the step was done; dropped: the incident left the step another way).
/// </summary>
public sealed record DeadlineView(DeadlineKind Kind, DateTimeOffset DueAt, TrafficLight Light, bool Paused, string Limit,
    DateTimeOffset StartedAt, DateTimeOffset YellowAt, DateTimeOffset? EndedAt, DeadlineOutcome? Outcome)
{
    public static DeadlineView From(Deadline d, DateTimeOffset now) =>
        new(d.Kind, d.DueAt, d.LightAt(now), d.IsPaused, d.Limit.ToString(), d.StartedAt, d.YellowAt, d.EndedAt, d.Outcome);
}

/// <summary>An open incident this one may duplicate, found at intake.</summary>
public sealed record DuplicateCandidateView(Guid IncidentId, string Number, double DistanceMeters, double Score);
