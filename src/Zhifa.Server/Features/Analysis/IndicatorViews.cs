using Zhifa.Core.Analysis;

namespace Zhifa.Server.Features.Analysis;

/// <summary>One period's indicators, unrounded (docs/indicators.md).</summary>
public sealed record IndicatorFigures(int Received, int Dispatched, int Closed, int ClosedOnTime, int OpenOverdue, int Overdue,
    double? OnTimeRate, double? ClosureRate, double? ReworkRate, double? ReturnRate, double? ExtensionRate,
    double? MeanHandlingMinutes, double? P90HandlingMinutes, double? DuplicateShare)
{
    public static IndicatorFigures Of(IndicatorValues v) => new(v.Received, v.Dispatched, v.Closed, v.ClosedOnTime, v.OpenOverdue, v.Overdue,
        v.OnTimeRate, v.ClosureRate, v.ReworkRate, v.ReturnRate, v.ExtensionRate, v.MeanHandlingMinutes, v.P90HandlingMinutes, v.DuplicateShare);
}

/// <summary>
/// A key's indicators in the period, flat as the API lists them, with the previous period's beside them
/// and the change (now − before; null when either is).
/// </summary>
public sealed record IndicatorRowView(string Key, string? Name, int Received, int Dispatched, int Closed, int ClosedOnTime, int OpenOverdue,
    int Overdue, double? OnTimeRate, double? ClosureRate, double? ReworkRate, double? ReturnRate, double? ExtensionRate,
    double? MeanHandlingMinutes, double? P90HandlingMinutes, double? DuplicateShare,
    IndicatorFigures Previous, IReadOnlyDictionary<string, double?> Change)
{
    public static IndicatorRowView Of(IndicatorRow row)
    {
        var v = row.Current;
        var change = new IndicatorComparison(row.Current, row.Previous).Changes.ToDictionary(c => c.Key, c => c.Value.Difference);
        return new(row.Key, row.Name, v.Received, v.Dispatched, v.Closed, v.ClosedOnTime, v.OpenOverdue, v.Overdue, v.OnTimeRate,
            v.ClosureRate, v.ReworkRate, v.ReturnRate, v.ExtensionRate, v.MeanHandlingMinutes, v.P90HandlingMinutes, v.DuplicateShare,
            IndicatorFigures.Of(row.Previous), change);
    }
}

/// <param name="From">The first day of the period (Beijing).</param>
/// <param name="To">Its last day, included.</param>
/// <param name="ComputedAt">The moment open work in a period still running is judged at.</param>
public sealed record IndicatorReportView(string GroupBy, string? RegionCode, DateOnly From, DateOnly To, DateOnly PreviousFrom,
    DateOnly PreviousTo, DateTimeOffset ComputedAt, IReadOnlyList<IndicatorRowView> Rows, IndicatorRowView Total)
{
    public static IndicatorReportView Of(IndicatorReport report) => new(
        report.GroupBy.ToString().ToLowerInvariant(), report.Region.Code, report.Period.First, report.Period.Last,
        report.Period.Previous.First, report.Period.Previous.Last, report.ComputedAt,
        [.. report.Rows.Select(IndicatorRowView.Of)], IndicatorRowView.Of(report.Total));
}
