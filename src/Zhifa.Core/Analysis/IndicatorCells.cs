using Zhifa.Core.Time;

namespace Zhifa.Core.Analysis;

/// <summary>The groupings the indicator aggregates keep: each incident counts once under each.</summary>
public enum IndicatorDimension
{
    /// <summary>By active lead department; never dispatched counts under the empty key.</summary>
    Department,
    /// <summary>By matter of the responsibility list; not yet classified counts under the empty key.</summary>
    Matter,
    /// <summary>By the first report's channel. Also the base of grouping by region, since every incident has one channel.</summary>
    Channel,
}

/// <summary>How long a cell's stretch of time is: one Beijing calendar day, or the calendar month that begins on its day.</summary>
public enum IndicatorGrain { Day, Month }

/// <summary>
/// One counter row of the aggregates: a grouping and its key, a place, and a day or a month. The
/// place is a township (its county and its own code), a whole county (the township
/// <see cref="IndicatorCells.EveryPlace"/>) or the whole city (both <see cref="IndicatorCells.EveryPlace"/>),
/// so that a region's period reads its own level's rows, not its townships' summed. Absent codes are
/// empty strings, so that the row has a key a database can index.
/// </summary>
public readonly record struct IndicatorCell(IndicatorDimension Dimension, string CountyCode, string TownshipCode, IndicatorGrain Grain,
    DateOnly Day, string Key);

/// <summary>
/// What one incident adds to the aggregates: its reception on the day it was reported, its first
/// dispatch on that day, its closure (with on-time, rework, extension and handling time) on the day it
/// closed, and, for a closed incident that was overdue before it closed, the day it became overdue and
/// the day it ceased to be. Open incidents' overdue state depends on the moment of judgement and is
/// read from the facts themselves. Each of these counts in its day's cell and its month's, at its
/// township, its county and the city. When an incident changes, the aggregates take
/// <see cref="Delta"/>: its old contribution out, its new one in.
/// </summary>
public static class IndicatorCells
{
    /// <summary>The place code of a county's or the city's own cells: every township, every county.</summary>
    public const string EveryPlace = "*";

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
        (string County, string Township)[] places = [(county, f.TownshipCode ?? ""), (county, EveryPlace), (EveryPlace, EveryPlace)];
        foreach (var dimension in Enum.GetValues<IndicatorDimension>())
        {
            var key = KeyOf(f, dimension);
            foreach (var (day, totals) in parts)
                foreach (var (c, t) in places)
                {
                    yield return (new IndicatorCell(dimension, c, t, IndicatorGrain.Day, day, key), totals);
                    yield return (new IndicatorCell(dimension, c, t, IndicatorGrain.Month, MonthOf(day), key), totals);
                }
        }
    }

    /// <summary>The first day of <paramref name="day"/>'s month: the day a month cell is kept under.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

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
