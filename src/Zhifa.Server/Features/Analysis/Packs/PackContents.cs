using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Features.Coordination;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>A department ranked by its on-time rate in the period.</summary>
/// <param name="Judged">Closed plus open and overdue: the on-time rate's denominator.</param>
public sealed record RankedDepartment(int Rank, string Code, string? Name, double OnTimeRate, int ClosedOnTime, int Judged);

/// <summary>
/// The departments by on-time rate, best and worst first; only those with at least
/// <paramref name="MinimumJudged"/> closed or overdue incidents are ranked, so one late case does not rank a department last.
/// </summary>
public sealed record PackRanking(int MinimumJudged, RankedDepartment[] Best, RankedDepartment[] Worst);

/// <summary>日关注: what a centre's region needs to look at after one day.</summary>
/// <param name="JudgedAt">When the pack was made: the moment the open disputes and red deadlines are of.</param>
/// <param name="Headline">The day's indicators beside the day before's.</param>
/// <param name="NewUrgent">Incidents reported that day with urgent priority.</param>
/// <param name="Overdue">Open incidents past a deadline (red) at <paramref name="JudgedAt"/>.</param>
public sealed record DailyFocus(DateOnly Day, DateTimeOffset JudgedAt, IndicatorRowView Headline, AgendaIncident[] NewUrgent,
    AgendaIncident[] Overdue, AgendaIncident[] Disputes, WarningView[] Warnings);

/// <summary>周研判: the ISO week's indicators against the week before, its trend, places and rankings.</summary>
public sealed record WeeklyAnalysis(DateOnly From, DateOnly To, DateTimeOffset JudgedAt, IndicatorRowView Total,
    IndicatorRowView[] ByDepartment, IndicatorRowView[] ByMatter, TrendDay[] Trend, HotspotView[] Hotspots, ChronicPlaceView[] Chronic,
    PackRanking Ranking);

/// <summary>
/// 月会商: the month's indicators against the month before, rankings, the monthly consultation's proposed
/// agenda, and the month's department assessment (督查考核) as <c>/api/v1/analysis/assessment</c> gives it.
/// </summary>
/// <param name="Assessment">Every department with work in the month, assessed by rank, then those not assessed; absent from packs kept before it was part of them.</param>
public sealed record MonthlyConsultation(DateOnly From, DateOnly To, DateTimeOffset JudgedAt, IndicatorRowView Total,
    IndicatorRowView[] ByDepartment, IndicatorRowView[] ByMatter, IndicatorRowView[] ByRegion, PackRanking Ranking, ProposedAgenda Agenda,
    AssessmentRowView[]? Assessment);

/// <summary>A pack as listed: what, whose, when, by whom (null: the schedule).</summary>
public sealed record PackSummary(Guid Id, string Kind, string CenterCode, string RegionCode, string Period, DateTimeOffset GeneratedAt,
    string? GeneratedBy, string Href, string XlsxHref);

/// <summary>A pack with its contents: exactly one of <see cref="Daily"/>, <see cref="Weekly"/>, <see cref="Monthly"/>, by its kind.</summary>
public sealed record PackView(Guid Id, string Kind, string CenterCode, string RegionCode, string Period, DateTimeOffset GeneratedAt,
    string? GeneratedBy, DailyFocus? Daily, WeeklyAnalysis? Weekly, MonthlyConsultation? Monthly);

/// <summary>A pack asked for by hand: its kind, and optionally the period and the region (or its centre); the caller's own region otherwise.</summary>
public sealed record PackRequest(string? Kind, string? Period, string? RegionCode, string? CenterCode);
