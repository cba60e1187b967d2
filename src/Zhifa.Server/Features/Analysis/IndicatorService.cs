using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis;

public enum IndicatorGrouping { Department, Matter, Region, Channel }

/// <summary>Whole Beijing days, <see cref="First"/> to <see cref="Last"/> inclusive: the instants [From, To).</summary>
public sealed record IndicatorPeriod(DateOnly First, DateOnly Last)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;
    public DateTimeOffset From => PlatformTime.StartOf(First);
    public DateTimeOffset To => PlatformTime.StartOf(Last.AddDays(1));
    /// <summary>The period of equal length just before.</summary>
    public IndicatorPeriod Previous => new(First.AddDays(-Days), First.AddDays(-1));
}

/// <summary>One key's indicators in the period and in the one before it.</summary>
public sealed record IndicatorRow(string Key, string? Name, IndicatorValues Current, IndicatorValues Previous);

public sealed record IndicatorReport(IndicatorGrouping GroupBy, AnalysisRegion Region, IndicatorPeriod Period, DateTimeOffset ComputedAt,
    IReadOnlyList<IndicatorRow> Rows, IndicatorRow Total);

/// <summary>
/// The situation indicators (态势分析) from the indicator aggregates: what the analysis pages, the
/// dashboard, the assessments and the packs all read, so that one figure is the same everywhere.
/// </summary>
public sealed class IndicatorService(ZhifaDbContext db, ReferenceData reference, TimeProvider time)
{
    public async Task<IndicatorReport> ReportAsync(IndicatorGrouping groupBy, AnalysisRegion region, IndicatorPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var current = await PeriodAsync(groupBy, region, period, now, ct);
        var previous = await PeriodAsync(groupBy, region, period.Previous, now, ct);
        IndicatorRow Row(string key, string? name, Func<string, (IndicatorTotals, long)> figures)
        {
            var (totals, overdue) = figures(key);
            var (before, overdueBefore) = Lookup(previous)(key);
            return new IndicatorRow(key, name, totals.Values(period.From, period.To, overdue),
                before.Values(period.Previous.From, period.Previous.To, overdueBefore));
        }
        var rows = current.Keys.Union(previous.Keys)
            .Select(key => Row(key, NameOf(groupBy, key), Lookup(current)))
            .OrderByDescending(r => r.Current.Received).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var total = new IndicatorRow("", null,
            Sum(current).Values(period.From, period.To, current.Values.Sum(v => v.OpenOverdue)),
            Sum(previous).Values(period.Previous.From, period.Previous.To, previous.Values.Sum(v => v.OpenOverdue)));
        return new IndicatorReport(groupBy, region, period, now, rows, total);
    }

    private static Func<string, (IndicatorTotals, long)> Lookup(Dictionary<string, (IndicatorTotals Totals, long OpenOverdue)> figures) =>
        key => figures.TryGetValue(key, out var f) ? f : (IndicatorTotals.Zero, 0);

    private static IndicatorTotals Sum(Dictionary<string, (IndicatorTotals Totals, long OpenOverdue)> figures) =>
        figures.Values.Aggregate(IndicatorTotals.Zero, (sum, f) => sum.Plus(f.Totals));

    private async Task<Dictionary<string, (IndicatorTotals Totals, long OpenOverdue)>> PeriodAsync(
        IndicatorGrouping groupBy, AnalysisRegion region, IndicatorPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var (dimension, cellKey, factKey) = KeysOf(groupBy, region);
        var all = db.IndicatorCells.AsNoTracking().Where(d => d.Dimension == dimension);
        var cells = groupBy == IndicatorGrouping.Region ? region.CellsBelow(all, reference) : region.Cells(all);
        var sums = await AggregateReads.SumAsync(cells, cellKey, new IndicatorSpans(period.First, period.Last.AddDays(1)), ct);
        var overdue = await OpenOverdueAsync(cells, cellKey, factKey, region, period, now, ct);
        return sums.Keys.Union(overdue.Keys).ToDictionary(k => k, k => (sums.GetValueOrDefault(k, IndicatorTotals.Zero), overdue.GetValueOrDefault(k)));
    }

    /// <summary>
    /// Open and overdue at the period's end, or now while it runs; none before it begins. At a past
    /// end t: the incidents open now and overdue since before t, and those closed since that were
    /// open and overdue at t, which the aggregates carry (docs/indicators.md).
    /// </summary>
    private async Task<Dictionary<string, long>> OpenOverdueAsync(IQueryable<IndicatorCellRow> cells, Expression<Func<IndicatorCellRow, string>> cellKey,
        Expression<Func<IncidentFactRow, string>> factKey, AnalysisRegion region, IndicatorPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        if (now <= period.From)
            return [];
        var t = now <= period.To ? now : period.To;
        var open = await region.Filter(db.IncidentFacts.AsNoTracking().Where(f => f.IsOpen && f.OverdueSince < t))
            .GroupBy(factKey).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (t == now)
            return open;
        var carried = await AggregateReads.OverdueCarriedAsync(cells, cellKey, period.Last.AddDays(1), ct);
        return open.Keys.Union(carried.Keys).Select(k => (Key: k, Count: open.GetValueOrDefault(k) + carried.GetValueOrDefault(k)))
            .Where(k => k.Count != 0).ToDictionary(k => k.Key, k => k.Count);
    }

    private static (IndicatorDimension, Expression<Func<IndicatorCellRow, string>>, Expression<Func<IncidentFactRow, string>>) KeysOf(
        IndicatorGrouping groupBy, AnalysisRegion region) => groupBy switch
    {
        IndicatorGrouping.Department => (IndicatorDimension.Department, d => d.Key, f => f.LeadDepartmentCode ?? ""),
        IndicatorGrouping.Matter => (IndicatorDimension.Matter, d => d.Key, f => f.MatterCode ?? ""),
        IndicatorGrouping.Channel => (IndicatorDimension.Channel, d => d.Key, f => f.Channel),
        // Every incident has one channel: the channel cells, summed by place, count each incident once.
        _ when region.ListsCounties => (IndicatorDimension.Channel, d => d.CountyCode, f => f.CountyCode ?? ""),
        _ => (IndicatorDimension.Channel, d => d.TownshipCode, f => f.TownshipCode ?? ""),
    };

    private string? NameOf(IndicatorGrouping groupBy, string key) => key.Length == 0 ? null : groupBy switch
    {
        IndicatorGrouping.Department => reference.Departments.GetValueOrDefault(key)?.Name,
        IndicatorGrouping.Matter => reference.Matters.GetValueOrDefault(key)?.Name,
        IndicatorGrouping.Region => reference.Regions.GetValueOrDefault(key)?.Name,
        _ => null,
    };
}
