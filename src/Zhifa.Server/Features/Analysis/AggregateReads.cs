using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Analysis;
using Zhifa.Data;
using Zhifa.Data.Analysis;

namespace Zhifa.Server.Features.Analysis;

/// <summary>
/// Reads the daily aggregates: a period's counters per key, summed in the database over the days and
/// places selected. Open overdue work depends on the moment of judgement and is counted from the
/// facts instead (<see cref="IndicatorService"/>).
/// </summary>
internal static class AggregateReads
{
    public static async Task<Dictionary<string, IndicatorTotals>> SumAsync(ZhifaDbContext db, IndicatorDimension dimension,
        Expression<Func<IndicatorDay, string>> key, AnalysisRegion region, DateOnly first, DateOnly end, CancellationToken ct)
    {
        var days = region.Filter(db.IndicatorDays.AsNoTracking().Where(d => d.Dimension == dimension && d.Day >= first && d.Day < end));
        var rows = await days.GroupBy(key).Select(g => new IndicatorDay
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
}
