using Zhifa.Core.Time;

namespace Zhifa.Core.Analysis;

/// <summary>The groupings the daily aggregates keep: each incident counts once under each.</summary>
public enum IndicatorDimension
{
    /// <summary>By active lead department; never dispatched counts under the empty key.</summary>
    Department,
    /// <summary>By matter of the responsibility list; not yet classified counts under the empty key.</summary>
    Matter,
    /// <summary>By the first report's channel. Also the base of grouping by region, since every incident has one channel.</summary>
    Channel,
}

/// <summary>
/// One counter row of the daily aggregates: a Beijing calendar day, a grouping and its key, and the
/// incident's place. Absent codes are empty strings, so that the row has a key a database can index.
/// </summary>
public readonly record struct IndicatorCell(DateOnly Day, IndicatorDimension Dimension, string Key, string CountyCode, string TownshipCode);

/// <summary>
/// What one incident adds to the daily aggregates: its reception on the day it was reported, its first
/// dispatch on that day, its closure (with on-time, rework, extension and handling time) on the day it
/// closed, and, for a closed incident that was overdue before it closed, the day it became overdue and
/// the day it ceased to be. Open incidents' overdue state depends on the moment of judgement and is
/// read from the facts themselves. When an incident changes, the aggregates take
/// <see cref="Delta"/>: its old contribution out, its new one in.
/// </summary>
public static class IndicatorCells
{
    public static IEnumerable<(IndicatorCell Cell, IndicatorTotals Totals)> Of(IncidentFacts f)
    {
        var parts = new List<(DateOnly Day, IndicatorTotals Totals)>
        {
            (PlatformTime.LocalDate(f.ReportedAt), new IndicatorTotals { Received = 1, Reports = f.Reports, JoinedReports = f.JoinedReports }),
        };
        if (f.DispatchedAt is { } dispatchedAt)
            parts.Add((PlatformTime.LocalDate(dispatchedAt), new IndicatorTotals { Dispatched = 1, Returned = f.ReturnCount > 0 ? 1 : 0 }));
        if (f.ClosedAt is { } closedAt && !f.IsOpen)
        {
            var overdue = Indicators.OverdueSince(f) is { } since && since < closedAt;
            if (overdue)
            {
                parts.Add((PlatformTime.LocalDate(Indicators.OverdueSince(f)!.Value), new IndicatorTotals { OverdueStarted = 1 }));
                // Open at t means closed after t: a closing at a day's very first instant ended the stretch the day before.
                parts.Add((PlatformTime.LocalDate(closedAt.AddTicks(-1)), new IndicatorTotals { OverdueEnded = 1 }));
            }
            var buckets = new long[HandlingBuckets.Count];
            if (f.HandlingMinutes is { } minutes)
                buckets[HandlingBuckets.Of(minutes)] = 1;
            parts.Add((PlatformTime.LocalDate(closedAt), new IndicatorTotals
            {
                Closed = 1,
                ClosedOnTime = f.ClosedOnTime ? 1 : 0,
                Reworked = f.ReworkCount > 0 ? 1 : 0,
                Extended = f.ExtensionCount > 0 ? 1 : 0,
                Handled = f.HandlingMinutes is null ? 0 : 1,
                HandlingSeconds = f.HandlingMinutes is { } m ? (long)Math.Round(m * 60) : 0,
                Buckets = buckets,
            }));
        }
        var county = f.CountyCode ?? "";
        var township = f.TownshipCode ?? "";
        foreach (var dimension in Enum.GetValues<IndicatorDimension>())
        {
            var key = KeyOf(f, dimension);
            foreach (var (day, totals) in parts)
                yield return (new IndicatorCell(day, dimension, key, county, township), totals);
        }
    }

    /// <summary>The key an incident counts under in <paramref name="dimension"/>.</summary>
    public static string KeyOf(IncidentFacts f, IndicatorDimension dimension) => dimension switch
    {
        IndicatorDimension.Department => f.LeadDepartmentCode ?? "",
        IndicatorDimension.Matter => f.MatterCode ?? "",
        _ => f.Channel,
    };

    /// <summary>
    /// The change to the aggregates when an incident's facts go from <paramref name="before"/> to
    /// <paramref name="after"/> (either null for none): only the cells that change, each with its difference.
    /// </summary>
    public static IReadOnlyDictionary<IndicatorCell, IndicatorTotals> Delta(IncidentFacts? before, IncidentFacts? after)
    {
        var cells = new Dictionary<IndicatorCell, IndicatorTotals>();
        void Add(IncidentFacts? facts, int sign)
        {
            if (facts is null)
                return;
            foreach (var (cell, totals) in Of(facts))
                cells[cell] = cells.GetValueOrDefault(cell, IndicatorTotals.Zero).Plus(totals, sign);
        }
        Add(before, -1);
        Add(after, 1);
        return cells.Where(c => !c.Value.IsZero).ToDictionary();
    }
}
