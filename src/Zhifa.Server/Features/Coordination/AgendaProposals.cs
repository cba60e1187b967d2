using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Deadlines;

namespace Zhifa.Server.Features.Coordination;

public sealed record AgendaIncident(Guid Id, string Number, string Summary, IncidentStatus Status, string? MatterCode, string? GridCode, string HandlingCenterCode, string Href);

/// <summary>A chronic hotspot: one matter reported again and again in one grid.</summary>
public sealed record Hotspot(string GridCode, string MatterCode, int Count, AgendaIncident[] Incidents);

/// <summary>The proposed agenda of a centre's weekly or monthly consultation, in its four sections.</summary>
public sealed record ProposedAgenda(string CenterCode, ConsultationKind Kind, string Period, string Topic, DateTimeOffset GeneratedAt,
    AgendaIncident[] Disputes, AgendaIncident[] Overdue, AgendaIncident[] Supervised, Hotspot[] Hotspots)
{
    /// <summary>The agenda's incidents in section order, each once: what a consultation made from it starts with.</summary>
    public IEnumerable<AgendaItem> Items() =>
        Disputes.Select(i => new AgendaItem(i.Id, i.Number, AgendaSection.Dispute))
            .Concat(Overdue.Select(i => new AgendaItem(i.Id, i.Number, AgendaSection.Overdue)))
            .Concat(Supervised.Select(i => new AgendaItem(i.Id, i.Number, AgendaSection.Supervised)))
            .Concat(Hotspots.SelectMany(h => h.Incidents).Select(i => new AgendaItem(i.Id, i.Number, AgendaSection.Hotspot)))
            .DistinctBy(i => i.IncidentId);
}

/// <summary>
/// Proposes what a centre's weekly (周研判) or monthly (月会商) consultation should discuss, from the incidents
/// handled by the centre or the centres below it: pending disputes, incidents past a deadline, incidents
/// under level-2 or level-3 supervision, and chronic hotspots (one matter three times or more in one grid
/// within 30 days). Each section is capped: a meeting discusses dozens of items, not thousands.
/// </summary>
public sealed class AgendaProposals(ZhifaDbContext db, Jurisdictions jurisdictions)
{
    public const int MaxPerSection = 50;
    public const int HotspotThreshold = 3;
    public static readonly TimeSpan HotspotWindow = TimeSpan.FromDays(30);

    public async Task<ProposedAgenda> ProposeAsync(string centerCode, ConsultationKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var centers = jurisdictions.For([], centerCode, null, null, []).CenterCodes;
        var handled = db.Incidents.AsNoTracking().Where(i => centers.Contains(i.HandlingCenterCode));
        var open = IncidentLifecycle.OpenStatuses;

        var disputes = await ListAsync(handled.Where(i => i.Status == IncidentStatus.Disputed), ct);
        var overdue = await ListAsync(handled.WhereLight([TrafficLight.Red], now), ct);
        var supervised = await ListAsync(handled.Where(i => open.Contains(i.Status) && db.SupervisionNotices.Any(n => n.IncidentId == i.Id
            && (n.Level == SupervisionLevel.Priority || n.Level == SupervisionLevel.Listed))), ct);

        var since = now - HotspotWindow;
        var recent = handled.Where(i => i.ReportedAt >= since && i.Status != IncidentStatus.Merged && i.GridCode != null && i.MatterCode != null);
        var spots = await recent.GroupBy(i => new { i.GridCode, i.MatterCode })
            .Where(g => g.Count() >= HotspotThreshold)
            .Select(g => new { g.Key.GridCode, g.Key.MatterCode, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.GridCode).ThenBy(g => g.MatterCode)
            .Take(MaxPerSection).ToListAsync(ct);
        // The spots' incidents in one query, capped as every section is: the most recent first, since a
        // hotspot is about what keeps happening now; a spot past the cap still shows its count.
        var keys = spots.Select(s => s.GridCode + "|" + s.MatterCode).ToList();
        var listed = await ListAsync(recent.Where(i => keys.Contains(i.GridCode + "|" + i.MatterCode)).OrderByDescending(i => i.ReportedAt).ThenBy(i => i.Id), ct);
        var hotspots = spots.Select(spot => new Hotspot(spot.GridCode!, spot.MatterCode!, spot.Count,
            [.. listed.Where(i => i.GridCode == spot.GridCode && i.MatterCode == spot.MatterCode).Reverse()])).ToArray();

        var (period, topic) = Naming(kind, now);
        return new ProposedAgenda(centerCode, kind, period, topic, now, disputes, overdue, supervised, hotspots);
    }

    /// <summary>The departments that hold, or held, the incidents: the ones a consultation about them invites.</summary>
    public async Task<string[]> HoldersAsync(IEnumerable<Guid> incidentIds, CancellationToken ct)
    {
        var ids = incidentIds.ToList();
        var codes = await db.Assignments.AsNoTracking().Where(a => ids.Contains(a.IncidentId)).Select(a => a.DepartmentCode).Distinct().ToListAsync(ct);
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    /// <summary>The period a weekly (ISO week, 2026-W49) or monthly (2026-12) consultation at <paramref name="at"/> is for, and its usual title.</summary>
    public static (string Period, string Topic) Naming(ConsultationKind kind, DateTimeOffset at)
    {
        var day = PlatformTime.LocalDate(at).ToDateTime(TimeOnly.MinValue);
        return kind switch
        {
            ConsultationKind.Monthly => ($"{day:yyyy-MM}", $"{day.Year}年{day.Month}月联合会商"),
            ConsultationKind.Weekly => ($"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}", $"{ISOWeek.GetYear(day)}年第{ISOWeek.GetWeekOfYear(day)}周研判"),
            _ => ("", "联合会商"),
        };
    }

    /// <summary>
    /// What a consultation from the proposal starts with: the organiser's own incidents all, the proposal's
    /// in section order as far as <see cref="Consultation.MaxAgenda"/> leaves room; and the departments the
    /// organiser chose, then the incidents' holders as far as <see cref="Consultation.MaxInvited"/> leaves room.
    /// </summary>
    public static (List<AgendaItem> Agenda, string[] Invited) Fit(IEnumerable<AgendaItem> proposed, IReadOnlyList<AgendaItem> raised,
        IEnumerable<string> chosen, IEnumerable<string> holders)
    {
        var raisedIds = raised.Select(r => r.IncidentId).ToHashSet();
        var room = Math.Max(0, Consultation.MaxAgenda - raised.Count);
        var agenda = proposed.Where(p => !raisedIds.Contains(p.IncidentId)).DistinctBy(p => p.IncidentId).Take(room).Concat(raised).ToList();
        string[] invited = [.. chosen.Concat(holders).Distinct().Take(Consultation.MaxInvited)];
        return (agenda, invited);
    }

    private static Task<AgendaIncident[]> ListAsync(IQueryable<Incident> incidents, CancellationToken ct) =>
        ListAsync(incidents.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id), ct);

    private static async Task<AgendaIncident[]> ListAsync(IOrderedQueryable<Incident> incidents, CancellationToken ct)
    {
        var rows = await incidents.Take(MaxPerSection)
            .Select(i => new { i.Id, i.Number, i.Summary, i.Status, i.MatterCode, i.GridCode, i.HandlingCenterCode })
            .ToListAsync(ct);
        return [.. rows.Select(i => new AgendaIncident(i.Id, i.Number, i.Summary, i.Status, i.MatterCode, i.GridCode, i.HandlingCenterCode, $"/api/v1/incidents/{i.Id}"))];
    }
}
