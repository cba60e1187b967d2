using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Data.Analysis;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Reads the indicator aggregates: a period's counters per key, summed in the database over the
/// period's whole months and remaining days (<see cref="IndicatorSpans"/>) at the places selected.
/// </summary>
internal static class AggregateReads
{
    /// <summary>The cells that make up <paramref name="spans"/>' days.</summary>
    public static IQueryable<IndicatorCellRow> Covering(this IQueryable<IndicatorCellRow> cells, IndicatorSpans spans)
    {
        var (first, monthsFirst, monthsEnd, end) = (spans.First, spans.MonthsFirst, spans.MonthsEnd, spans.End);
        return cells.Where(d =>
            (d.Grain == IndicatorGrain.Month && d.Day >= monthsFirst && d.Day < monthsEnd)
            || (d.Grain == IndicatorGrain.Day && ((d.Day >= first && d.Day < monthsFirst) || (d.Day >= monthsEnd && d.Day < end))));
    }

    public static async Task<Dictionary<string, IndicatorTotals>> SumAsync(IQueryable<IndicatorCellRow> cells,
        Expression<Func<IndicatorCellRow, string>> key, IndicatorSpans spans, CancellationToken ct)
    {
        var rows = await cells.Covering(spans).GroupBy(key).Select(g => new IndicatorCellRow
            {
                Key = g.Key,
                Received = g.Sum(d => d.Received),
                Dispatched = g.Sum(d => d.Dispatched),
                Returned = g.Sum(d => d.Returned),
                Closed = g.Sum(d => d.Closed),
                ClosedOnTime = g.Sum(d => d.ClosedOnTime),
                Reworked = g.Sum(d => d.Reworked),
                Extended = g.Sum(d => d.Extended),
                Handled = g.Sum(d => d.Handled),
                HandlingSeconds = g.Sum(d => d.HandlingSeconds),
                Reports = g.Sum(d => d.Reports),
                JoinedReports = g.Sum(d => d.JoinedReports),
                OverdueStarted = g.Sum(d => d.OverdueStarted),
                OverdueEnded = g.Sum(d => d.OverdueEnded),
                B00 = g.Sum(d => d.B00),
                B01 = g.Sum(d => d.B01),
                B02 = g.Sum(d => d.B02),
                B03 = g.Sum(d => d.B03),
                B04 = g.Sum(d => d.B04),
                B05 = g.Sum(d => d.B05),
                B06 = g.Sum(d => d.B06),
                B07 = g.Sum(d => d.B07),
                B08 = g.Sum(d => d.B08),
                B09 = g.Sum(d => d.B09),
                B10 = g.Sum(d => d.B10),
                B11 = g.Sum(d => d.B11),
                B12 = g.Sum(d => d.B12),
                B13 = g.Sum(d => d.B13),
                B14 = g.Sum(d => d.B14),
                B15 = g.Sum(d => d.B15),
                B16 = g.Sum(d => d.B16),
                B17 = g.Sum(d => d.B17),
                B18 = g.Sum(d => d.B18),
                B19 = g.Sum(d => d.B19),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Totals());
    }

    /// <summary>
    /// Per key, the closed incidents still open and overdue at the start of <paramref name="day"/>:
    /// those that ended overdue on or after it, less those that only became overdue then
    /// (<see cref="IndicatorTotals.OpenOverdue"/>), read from every month and day from it on.
    /// </summary>
    public static Task<Dictionary<string, long>> OverdueCarriedAsync(IQueryable<IndicatorCellRow> cells,
        Expression<Func<IndicatorCellRow, string>> key, DateOnly day, CancellationToken ct) =>
        cells.Covering(new IndicatorSpans(day, DateOnly.MaxValue)).GroupBy(key)
            .Select(g => new { g.Key, Carried = g.Sum(d => d.OverdueEnded - d.OverdueStarted) })
            .ToDictionaryAsync(g => g.Key, g => g.Carried, ct);
}
