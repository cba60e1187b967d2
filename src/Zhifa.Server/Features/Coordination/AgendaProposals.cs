using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Deadlines;

namespace Zhifa.Server.Features.Coordination;

public sealed record AgendaIncident(Guid Id, string Number, string Summary, IncidentStatus Status, string? MatterCode, string? GridCode, string HandlingCenterCode, string Href);

/// <summary>A chronic hotspot (顽疾, <see cref="ChronicPlaces"/>): one matter reported again and again at one spot; the grid cell, or none outside every grid.</summary>
public sealed record Hotspot(string? GridCode, string MatterCode, int Count, AgendaIncident[] Incidents);

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
/// under level-2 or level-3 supervision, and chronic hotspots (the chronic places of <see cref="ChronicPlaces"/>:
/// one matter three times or more at one spot within 30 days). Each section is capped: a meeting discusses dozens of items, not thousands.
/// </summary>
public sealed class AgendaProposals(ZhifaDbContext db, Jurisdictions jurisdictions)
{
    public const int MaxPerSection = 50;
    public const int HotspotThreshold = ChronicPlaces.Threshold;
    public static readonly TimeSpan HotspotWindow = ChronicPlaces.Window;

    public async Task<ProposedAgenda> ProposeAsync(string centerCode, ConsultationKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var centers = jurisdictions.For([], centerCode, null, null, []).CenterCodes;
        var handled = db.Incidents.AsNoTracking().Where(i => centers.Contains(i.HandlingCenterCode));
        var open = IncidentLifecycle.OpenStatuses;

        var disputes = await ListAsync(handled.Where(i => i.Status == IncidentStatus.Disputed), ct);
        var overdue = await ListAsync(handled.WhereLight([TrafficLight.Red], now), ct);
        var supervised = await ListAsync(handled.Where(i => open.Contains(i.Status) && db.SupervisionNotices.Any(n => n.IncidentId == i.Id
            && (n.Level == SupervisionLevel.Priority || n.Level == SupervisionLevel.Listed))), ct);

        var hotspots = await HotspotsAsync(handled, now, ct);
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

    /// <summary>
    /// The chronic places among the centres' incidents, the largest first. Their incidents are capped as every
    /// section is: the most recent first, since a hotspot is about what keeps happening now; a place past the
    /// cap still shows its count.
    /// </summary>
    private static async Task<Hotspot[]> HotspotsAsync(IQueryable<Incident> handled, DateTimeOffset now, CancellationToken ct)
    {
        var (after, upTo) = ChronicPlaces.WindowAt(now);
        var rows = await handled.Where(i => i.ReportedAt > after && i.ReportedAt <= upTo && i.Status != IncidentStatus.Merged && i.MatterCode != null)
            .Select(i => new { i.Id, i.ReportedAt, i.MatterCode, i.GridCode, i.Lat, i.Lon, i.CountyCode, i.TownshipCode })
            .ToListAsync(ct);
        var places = ChronicPlaces.Find(rows.Select(r => new SpotReport(r.Id, r.ReportedAt, r.MatterCode, r.GridCode, r.Lat, r.Lon, r.CountyCode, r.TownshipCode, "")), now)
            .Take(MaxPerSection).ToList();
        var reportedAt = rows.ToDictionary(r => r.Id, r => r.ReportedAt);
        var shown = places.SelectMany(p => p.IncidentIds).OrderByDescending(id => reportedAt[id]).ThenBy(id => id).Take(MaxPerSection).ToList();
        var listed = (await ListAsync(handled.Where(i => shown.Contains(i.Id)), ct)).ToDictionary(i => i.Id);
        return [.. places.Select(p => new Hotspot(p.GridCode, p.MatterCode, p.Count, [.. p.IncidentIds.Where(listed.ContainsKey).Select(id => listed[id])]))];
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
