using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>
/// Computes a pack's contents for a command centre and a period, from the services the analysis pages read
/// (indicators, trend, hotspots, chronic places, warnings, the consultation agenda), as the centre sees its
/// region: the same pack whoever asks for it.
/// </summary>
public sealed class PackBuilder(ZhifaDbContext db, IndicatorService indicators, AssessmentService assessments, HotspotReads spots,
    AgendaProposals proposals, Jurisdictions jurisdictions, ReferenceData reference)
{
    /// <summary>A department is ranked with at least this many closed or overdue incidents in the period.</summary>
    public const int MinimumJudged = 5;
    /// <summary>How many departments each end of a ranking names.</summary>
    public const int RankingLength = 5;

    public async Task<object> BuildAsync(AnalysisPackKind kind, CommandCenter center, IndicatorPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        // The centre's own view of its region: an analyst's, who reads the region's whole subtree.
        var sees = jurisdictions.For([Role.Analyst], center.Code, null, null, []);
        var region = RegionOf(center);
        var judgedAt = period.To < now ? period.To : now;
        return kind switch
        {
            AnalysisPackKind.Daily => await DailyAsync(center, sees, region, period, now, judgedAt, ct),
            AnalysisPackKind.Weekly => await WeeklyAsync(sees, region, period, now, judgedAt, ct),
            _ => await MonthlyAsync(center, region, period, now, ct),
        };
    }

    public AnalysisRegion RegionOf(CommandCenter center) => center.Level switch
    {
        RegionLevel.City => new AnalysisRegion(center.RegionCode, null, null),
        RegionLevel.County => new AnalysisRegion(center.RegionCode, center.RegionCode, null),
        _ => new AnalysisRegion(center.RegionCode, reference.Regions.GetValueOrDefault(center.RegionCode)?.ParentCode, center.RegionCode),
    };

    private async Task<DailyFocus> DailyAsync(CommandCenter center, Jurisdiction sees, AnalysisRegion region, IndicatorPeriod period,
        DateTimeOffset now, DateTimeOffset judgedAt, CancellationToken ct)
    {
        var figures = await indicators.ReportAsync(IndicatorGrouping.Department, region, period, ct);
        // Disputes and red deadlines are the agenda's sections: one definition of what needs discussing.
        var agenda = await proposals.ProposeAsync(center.Code, ConsultationKind.Weekly, now, ct);
        var urgent = await UrgentAsync(sees, region, period, ct);
        return new DailyFocus(period.First, now, IndicatorRowView.Of(figures.Total), urgent, agenda.Overdue, agenda.Disputes,
            await WarningsAsync(sees, region, judgedAt, ct));
    }

    private async Task<WeeklyAnalysis> WeeklyAsync(Jurisdiction sees, AnalysisRegion region, IndicatorPeriod period, DateTimeOffset now,
        DateTimeOffset judgedAt, CancellationToken ct)
    {
        var byDepartment = await indicators.ReportAsync(IndicatorGrouping.Department, region, period, ct);
        var byMatter = await indicators.ReportAsync(IndicatorGrouping.Matter, region, period, ct);
        var trend = await IndicatorTrend.DaysAsync(db, region, period, ct);

        var settings = HotspotSettings.Default;
        var place = PlaceOf(region);
        var week = await spots.LoadAsync(sees, place, period.From.AddDays(-7 * settings.BaselineWeeks), period.To, endInclusive: false, ct);
        var found = WeeklyHotspots.Find(week.Reports, period.First, settings);
        var (after, upTo) = ChronicPlaces.WindowAt(judgedAt);
        var recent = await spots.LoadAsync(sees, place, after, upTo, endInclusive: true, ct);
        var chronic = ChronicPlaces.Find(recent.Reports, judgedAt);
        return new WeeklyAnalysis(period.First, period.Last, now, IndicatorRowView.Of(byDepartment.Total),
            [.. byDepartment.Rows.Select(IndicatorRowView.Of)], [.. byMatter.Rows.Select(IndicatorRowView.Of)], [.. trend],
            [.. found.Hotspots.Select(h => new HotspotView(h.GridCode, h.MatterCode, h.Count, h.Baseline, h.Rate, h.PValue, week.Links(h.IncidentIds)))],
            [.. chronic.Select(p => new ChronicPlaceView(p.GridCode, p.MatterCode, p.Lat, p.Lon, p.Count, p.FirstReportedAt, p.LastReportedAt, recent.Links(p.IncidentIds)))],
            Rank(byDepartment.Rows));
    }

    private async Task<MonthlyConsultation> MonthlyAsync(CommandCenter center, AnalysisRegion region, IndicatorPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var byDepartment = await indicators.ReportAsync(IndicatorGrouping.Department, region, period, ct);
        var byMatter = await indicators.ReportAsync(IndicatorGrouping.Matter, region, period, ct);
        var byRegion = await indicators.ReportAsync(IndicatorGrouping.Region, region, period, ct);
        var agenda = await proposals.ProposeAsync(center.Code, ConsultationKind.Monthly, now, ct);
        var assessment = await assessments.AssessAsync(byDepartment, ct);
        return new MonthlyConsultation(period.First, period.Last, now, IndicatorRowView.Of(byDepartment.Total),
            [.. byDepartment.Rows.Select(IndicatorRowView.Of)], [.. byMatter.Rows.Select(IndicatorRowView.Of)],
            [.. byRegion.Rows.Select(IndicatorRowView.Of)], Rank(byDepartment.Rows), agenda, [.. assessment.Rows.Select(AssessmentRowView.Of)]);
    }

    /// <summary>Departments with enough judged incidents, by on-time rate; ties by more judged, then by code.</summary>
    public static PackRanking Rank(IEnumerable<IndicatorRow> rows)
    {
        var ranked = rows.Where(r => r.Key.Length > 0 && r.Current.OnTimeRate is not null && r.Current.Closed + r.Current.OpenOverdue >= MinimumJudged)
            .Select(r => (Row: r, Rate: r.Current.OnTimeRate!.Value, Judged: r.Current.Closed + r.Current.OpenOverdue))
            .ToList();
        RankedDepartment[] Take(IEnumerable<(IndicatorRow Row, double Rate, int Judged)> order) =>
            [.. order.Take(RankingLength).Select((r, n) => new RankedDepartment(n + 1, r.Row.Key, r.Row.Name, r.Rate, r.Row.Current.ClosedOnTime, r.Judged))];
        return new PackRanking(MinimumJudged,
            Take(ranked.OrderByDescending(r => r.Rate).ThenByDescending(r => r.Judged).ThenBy(r => r.Row.Key, StringComparer.Ordinal)),
            Take(ranked.OrderBy(r => r.Rate).ThenByDescending(r => r.Judged).ThenBy(r => r.Row.Key, StringComparer.Ordinal)));
    }

    private async Task<AgendaIncident[]> UrgentAsync(Jurisdiction sees, AnalysisRegion region, IndicatorPeriod period, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Where(IncidentAccess.Visible(sees))
            .Where(i => i.Priority == Priority.Urgent && i.Status != IncidentStatus.Merged && i.ReportedAt >= period.From && i.ReportedAt < period.To);
        if (PlaceOf(region) is { } place)
            query = query.WithinRegion(place);
        var rows = await query.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id).Take(AgendaProposals.MaxPerSection)
            .Select(i => new { i.Id, i.Number, i.Summary, i.Status, i.MatterCode, i.GridCode, i.HandlingCenterCode })
            .ToListAsync(ct);
        return [.. rows.Select(i => new AgendaIncident(i.Id, i.Number, i.Summary, i.Status, i.MatterCode, i.GridCode, i.HandlingCenterCode, $"/api/v1/incidents/{i.Id}"))];
    }

    /// <summary>The warnings the enabled rules give at the day's end, as <c>GET /api/v1/analysis/warnings?at=</c> gives them.</summary>
    private async Task<WarningView[]> WarningsAsync(Jurisdiction sees, AnalysisRegion region, DateTimeOffset at, CancellationToken ct)
    {
        var rules = await db.WarningRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        if (rules.Count == 0)
            return [];
        var longest = TimeSpan.FromHours(rules.Max(r => r.WindowHours));
        var loaded = await spots.LoadAsync(sees, PlaceOf(region), at - longest, at, endInclusive: true, ct);
        return [.. RiskWarnings.Evaluate(rules, loaded.Reports, at)
            .Select(w => new WarningView(w.RuleId, w.RuleName, w.Severity, w.Threshold, w.After, w.UpTo, w.Count, loaded.Links(w.IncidentIds)))];
    }

    /// <summary>The region to narrow the hotspot reads to; the whole city needs none beyond the centre's own view.</summary>
    private Region? PlaceOf(AnalysisRegion region) =>
        region.CountyCode is null && region.TownshipCode is null ? null : reference.Regions.GetValueOrDefault(region.Code ?? "");
}
