using Zhifa.Core.Analysis;
using Zhifa.Core.Analysis.Assessment;
using Zhifa.Core.Time;

namespace Zhifa.Server.Features.Analysis.Assessment;

/// <summary>One department's assessment in the month: its score, rank and the figures it was computed from.</summary>
public sealed record AssessmentRow(string DepartmentCode, string? Name, DepartmentScore Score, int? Rank, IndicatorValues Indicators);

public sealed record AssessmentReport(IndicatorPeriod Month, AnalysisRegion Region, DateTimeOffset ComputedAt, AssessmentWeights Weights,
    IReadOnlyList<AssessmentRow> Rows);

/// <summary>
/// The monthly department assessment (督查考核): the department indicators of a calendar month (Beijing),
/// scored with the stored weights and ranked (docs/assessment.md).
/// </summary>
public sealed class AssessmentService(IndicatorService indicators, AssessmentWeightStore weights)
{
    public async Task<AssessmentReport> ReportAsync(AnalysisRegion region, IndicatorPeriod month, CancellationToken ct) =>
        await AssessAsync(await indicators.ReportAsync(IndicatorGrouping.Department, region, month, ct), ct);

    /// <summary>The assessment of a month's department indicators, already read (the monthly pack has them).</summary>
    public async Task<AssessmentReport> AssessAsync(IndicatorReport report, CancellationToken ct)
    {
        var stored = await weights.LoadAsync(ct);
        // Incidents without a lead department (not yet dispatched) belong to no department to assess; a
        // department the month did not touch (the report also lists those of the month before) is left out.
        var scored = report.Rows.Where(r => r.Key.Length > 0 && InMonth(r.Current))
            .Select(r => (Row: r, Score: AssessmentRules.Score(r.Current, stored.Weights))).ToList();
        var rows = AssessmentRules.Rank(scored, s => s.Row.Key, s => s.Score)
            .Select(r => new AssessmentRow(r.Item.Row.Key, r.Item.Row.Name, r.Item.Score, r.Rank, r.Item.Row.Current))
            .ToList();
        return new AssessmentReport(report.Period, report.Region, report.ComputedAt, stored.Weights, rows);
    }

    /// <summary>Whether the department had work in the month: received, dispatched, closed, or open and overdue at its end.</summary>
    public static bool InMonth(IndicatorValues v) => v.Received > 0 || v.Dispatched > 0 || v.Closed > 0 || v.OpenOverdue > 0;

    /// <summary>The calendar month (Beijing) of a day: its first to its last day.</summary>
    public static IndicatorPeriod MonthOf(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new IndicatorPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The last full month before the one running now in Beijing.</summary>
    public static IndicatorPeriod LastFullMonth(DateTimeOffset now) => MonthOf(MonthOf(PlatformTime.LocalDate(now)).First.AddDays(-1));
}
