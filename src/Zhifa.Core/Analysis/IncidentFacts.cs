using Zhifa.Core.Incidents;
using Zhifa.Core.Time;

namespace Zhifa.Core.Analysis;

/// <summary>
/// What the situation indicators (态势分析) need to know about one incident, and nothing else: a flat,
/// immutable record, so that the formulas in <see cref="Indicators"/> can be fed from a query as
/// easily as from a loaded <see cref="Incident"/>. docs/indicators.md gives each field's meaning.
/// </summary>
/// <param name="ReportedAt">The first report's arrival: when the incident was received.</param>
/// <param name="DispatchedAt">The first dispatch; null if never dispatched.</param>
/// <param name="ClosedAt">The verification that closed it; null while not closed (also after a reopening).</param>
/// <param name="IsOpen">Still being worked on now (<see cref="IncidentLifecycle.IsOpen"/>): not closed, rejected or merged.</param>
/// <param name="HandleDueAt">
/// The due instant of the incident's current handle clock (the running one, else the last one met);
/// null when no handle clock ever ran, or while the running one is suspended before its due.
/// </param>
/// <param name="HandleMetAt">When the current handle clock ended met (the resolution); null while it runs or if none ran.</param>
/// <param name="ClosedOnTime">Closed, and every handle clock it met ended at or before its due.</param>
/// <param name="Reports">All reports the incident holds: its own first report and the ones that joined it.</param>
/// <param name="JoinedReports">Of <paramref name="Reports"/>, the duplicates: joined repeat reports, or all of them when the incident itself was merged into another.</param>
/// <param name="HandlingMinutes">
/// Working minutes in progress (accepted and not resolved), suspended stretches excluded, rework rounds
/// included; null if never accepted. Computed elsewhere, from the working calendar.
/// </param>
public sealed record IncidentFacts(
    Guid IncidentId,
    DateTimeOffset ReportedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? ClosedAt,
    string Channel,
    string? CountyCode,
    string? TownshipCode,
    string? LeadDepartmentCode,
    string? MatterCode,
    bool IsOpen,
    DateTimeOffset? HandleDueAt,
    DateTimeOffset? HandleMetAt,
    bool ClosedOnTime,
    int ReworkCount,
    int ReturnCount,
    int ExtensionCount,
    int Reports,
    int JoinedReports,
    double? HandlingMinutes)
{
    /// <summary>
    /// The facts of a real incident as it stands at <paramref name="now"/>: dates from its timeline,
    /// due instants from its handle clocks, duplicates from its clues, extensions from the timeline's
    /// approved extensions. Handling time is counted on <paramref name="calendar"/>, the calendar
    /// the platform's time limits use; a stretch still in progress counts up to <paramref name="now"/>.
    /// </summary>
    public static IncidentFacts Of(Incident incident, DateTimeOffset now, WorkingCalendar calendar)
    {
        // A loaded incident's collections come in no particular order: each is put in its own first.
        var handleClocks = incident.Deadlines
            .Where(d => d.Kind == DeadlineKind.Handle && d.Outcome is null or DeadlineOutcome.Met)
            .OrderBy(d => d.StartedAt).ToList();
        var met = handleClocks.Where(d => d.Outcome == DeadlineOutcome.Met).ToList();
        var current = handleClocks.LastOrDefault();
        var clues = incident.Clues.OrderBy(c => c.ReceivedAt).ToList();
        var first = clues.FirstOrDefault(c => !c.Joined) ?? clues.FirstOrDefault();
        var timeline = incident.Timeline.OrderBy(e => e.Seq).ToList();
        var merged = incident.Status == IncidentStatus.Merged;
        return new IncidentFacts(
            incident.Id,
            incident.ReportedAt,
            timeline.FirstOrDefault(e => e.Action == IncidentAction.Dispatch.ApiName())?.At,
            incident.ClosedAt,
            first?.Channel ?? "",
            incident.CountyCode,
            incident.TownshipCode,
            incident.Lead?.DepartmentCode,
            incident.MatterCode,
            IncidentLifecycle.IsOpen(incident.Status),
            current is null ? null : DueOf(current),
            current?.Outcome == DeadlineOutcome.Met ? current.EndedAt : null,
            incident.ClosedAt is not null && met.Count > 0 && met.All(d => d.EndedAt <= d.DueAt),
            incident.ReworkCount,
            incident.ReturnCount,
            timeline.Count(e => e.Action == Incident.ExtendAction),
            clues.Count,
            merged ? clues.Count : clues.Count(c => c.Joined),
            HandlingMinutesOf(incident, now, calendar));
    }

    // A suspended clock does not fall due: it counts as overdue only if it was suspended after its due.
    private static DateTimeOffset? DueOf(Deadline clock) =>
        clock.PausedAt is { } pausedAt && pausedAt <= clock.DueAt ? null : clock.DueAt;

    /// <summary>
    /// The working time the incident spent in progress, from its timeline: each stretch starts where
    /// it enters InProgress (acceptance, resumption, failed verification) and ends where it leaves
    /// (resolution, suspension). Equal to the handle clocks' consumed time when the limit counts
    /// working time; counted in working time also for a matter whose limit counts natural time.
    /// </summary>
    public static double? HandlingMinutesOf(Incident incident, DateTimeOffset now, WorkingCalendar calendar)
    {
        DateTimeOffset? since = null;
        var total = TimeSpan.Zero;
        var accepted = false;
        foreach (var entry in incident.Timeline.OrderBy(e => e.Seq).Where(e => e.FromStatus != e.ToStatus))
        {
            if (entry.ToStatus == IncidentStatus.InProgress)
            {
                since ??= entry.At;
                accepted = true;
            }
            else if (since is { } start)
            {
                total += calendar.Between(start, entry.At, working: true);
                since = null;
            }
        }
        if (since is { } running)
            total += calendar.Between(running, now, working: true);
        return accepted ? total.TotalMinutes : null;
    }
}
