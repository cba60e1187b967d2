using Zhifa.Core.Analysis;
using Zhifa.Core.Tests.Support;
using Zhifa.Core.Time;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>
/// The daily aggregates must give what the formulas give: random incidents are summed into cells the
/// way the platform's ledger sums them, read back per period the way its queries read them, and
/// compared with <see cref="Indicators.Compute"/> over the same facts.
/// </summary>
public sealed class AggregateConsistencyTests
{
    private static readonly DateOnly FirstDay = new(2025, 3, 1);
    private static readonly DateTimeOffset Now = Start(FirstDay.AddDays(60)).AddHours(15.5);

    [Theory]
    [InlineData(7, 14)]    // a week well in the past
    [InlineData(0, 61)]    // everything up to and past now
    [InlineData(55, 65)]   // a period still running
    [InlineData(-20, -10)] // before any data
    [InlineData(30, 31)]   // one day
    [InlineData(-5, 40)]   // a whole month with days on either side
    [InlineData(31, 61)]   // exactly one calendar month, April
    public void Aggregated_periods_give_the_formulas_figures(int fromDay, int toDay)
    {
        var facts = RandomFacts(new Random(fromDay * 100 + toDay), 1500);
        var cells = new Dictionary<IndicatorCell, IndicatorTotals>();
        foreach (var f in facts)
            foreach (var (cell, delta) in IndicatorCells.Delta(null, f))
                cells[cell] = cells.GetValueOrDefault(cell, IndicatorTotals.Zero).Plus(delta);
        var (from, to) = (Start(FirstDay.AddDays(fromDay)), Start(FirstDay.AddDays(toDay)));

        (string County, string Township, Func<IncidentFacts, bool> Holds)[] places =
        [
            (IndicatorCells.EveryPlace, IndicatorCells.EveryPlace, _ => true),
            ("330503", IndicatorCells.EveryPlace, f => f.CountyCode == "330503"),
            ("330503", "330503106", f => f.TownshipCode == "330503106"),
        ];
        foreach (var (county, township, holds) in places)
            foreach (var dimension in Enum.GetValues<IndicatorDimension>())
                foreach (var group in facts.Where(holds).GroupBy(f => IndicatorCells.KeyOf(f, dimension)))
                {
                    var exact = Indicators.Compute(group, from, to, Now);
                    var aggregated = Read(cells, dimension, group.Key, group, from, to, county, township);
                    Assert.Equal(exact with { MeanHandlingMinutes = null, P90HandlingMinutes = null },
                        aggregated with { MeanHandlingMinutes = null, P90HandlingMinutes = null });
                    if (exact.MeanHandlingMinutes is { } mean)
                        Assert.InRange(aggregated.MeanHandlingMinutes!.Value, mean - 0.01, mean + 0.01);
                    else
                        Assert.Null(aggregated.MeanHandlingMinutes);
                    Assert.Equal(exact.P90HandlingMinutes is { } p90 ? HandlingBuckets.UpperBounds[Math.Min(HandlingBuckets.Of(p90), 18)] : null,
                        aggregated.P90HandlingMinutes);
                }
    }

    [Fact]
    public void A_change_moves_only_the_difference_and_undoing_it_leaves_nothing()
    {
        var open = RandomFacts(new Random(7), 200).First(f => f.IsOpen && f.HandleDueAt is not null);
        var closed = open with { IsOpen = false, ClosedAt = Now.AddHours(-1), HandleMetAt = Now.AddHours(-2), HandlingMinutes = 90 };

        var closing = IndicatorCells.Delta(open, closed);

        Assert.Equal(1, closing.Values.Where(t => t.Closed != 0).Select(t => t.Closed).Distinct().Single());
        Assert.DoesNotContain(closing.Values, t => t.Received != 0);
        Assert.Empty(IndicatorCells.Delta(closed, closed));
        var reopening = IndicatorCells.Delta(closed, open);
        Assert.All(closing, c => Assert.Equal(IndicatorTotals.Zero, c.Value.Plus(reopening[c.Key])));
    }

    [Fact]
    public void A_closing_at_the_first_instant_of_a_day_is_not_open_overdue_at_that_instant()
    {
        var end = Start(FirstDay.AddDays(10));
        var late = new IncidentFacts(Guid.NewGuid(), end.AddDays(-5), end.AddDays(-5), ClosedAt: end, "grid", "330503", "330503106", "330503-SL",
            "SY01", IsOpen: false, HandleDueAt: end.AddDays(-3), HandleMetAt: end.AddHours(-1), ClosedOnTime: false, 0, 0, 0, 1, 0, 60);
        var cells = IndicatorCells.Delta(null, late).ToDictionary();

        var judgedAtItsClosing = Read(cells, IndicatorDimension.Channel, "grid", [late], Start(FirstDay), end);
        var judgedJustAfter = Read(cells, IndicatorDimension.Channel, "grid", [late], Start(FirstDay), end.AddDays(1));

        Assert.Equal((0, 0), (Indicators.Compute([late], Start(FirstDay), end, Now).OpenOverdue, judgedAtItsClosing.OpenOverdue));
        Assert.Equal(1, judgedJustAfter.Closed);
        Assert.Equal(0, judgedJustAfter.OpenOverdue);
        Assert.Equal(1, Read(cells, IndicatorDimension.Channel, "grid", [late], Start(FirstDay), end.AddDays(-1)).OpenOverdue);
    }

    /// <summary>
    /// The platform's read at one place's level: a period's month and day cells summed, and the open
    /// overdue count from the open facts and the cells of every day from the judgement's on.
    /// </summary>
    private static IndicatorValues Read(Dictionary<IndicatorCell, IndicatorTotals> cells, IndicatorDimension dimension, string key,
        IEnumerable<IncidentFacts> facts, DateTimeOffset from, DateTimeOffset to,
        string county = IndicatorCells.EveryPlace, string township = IndicatorCells.EveryPlace)
    {
        var mine = cells.Where(c => c.Key.Dimension == dimension && c.Key.Key == key && c.Key.CountyCode == county && c.Key.TownshipCode == township).ToList();
        var (firstDay, lastDay) = (PlatformTime.LocalDate(from), PlatformTime.LocalDate(to));
        var period = Sum(mine.Where(c => new IndicatorSpans(firstDay, lastDay).Covers(c.Key)));
        long openOverdue = 0;
        if (Now > from)
        {
            var judgedAt = to < Now ? to : Now;
            var openNow = facts.Count(f => f.IsOpen && Indicators.OverdueSince(f) < judgedAt);
            openOverdue = judgedAt == Now ? openNow
                : IndicatorTotals.OpenOverdue(openNow, Sum(mine.Where(c => new IndicatorSpans(PlatformTime.LocalDate(judgedAt), DateOnly.MaxValue).Covers(c.Key))));
        }
        return period.Values(from, to, openOverdue);
    }

    private static IndicatorTotals Sum(IEnumerable<KeyValuePair<IndicatorCell, IndicatorTotals>> cells) =>
        cells.Aggregate(IndicatorTotals.Zero, (sum, c) => sum.Plus(c.Value));

    private static DateTimeOffset Start(DateOnly day) => TestCalendars.Local(day.Year, day.Month, day.Day, 0);

    /// <summary>Incidents reported over 60 days before now, in every state, with dues, resolutions and closures in a consistent order.</summary>
    private static List<IncidentFacts> RandomFacts(Random random, int count)
    {
        string[] departments = ["330503-NYNC", "330503-SL", "330503-ZJ", ""];
        string[] matters = ["SY01", "SY02", "CG03", ""];
        string[] channels = ["grid", "hotline", "camera"];
        string[] townships = ["330503106", "330503101", "330522100"];
        var facts = new List<IncidentFacts>();
        for (var i = 0; i < count; i++)
        {
            var reportedAt = Start(FirstDay).AddMinutes(random.Next(60 * 24 * 60));
            if (reportedAt >= Now)
                continue;
            var township = townships[random.Next(townships.Length)];
            var f = new IncidentFacts(Guid.NewGuid(), reportedAt, null, null, channels[random.Next(3)], township[..6], township,
                null, matters[random.Next(matters.Length)], IsOpen: true, null, null, false, 0, 0, 0, Reports: 1 + random.Next(3), JoinedReports: 0, null);
            f = f with { JoinedReports = random.Next(f.Reports) };
            var state = random.Next(10);
            if (state == 0)
            {
                facts.Add(f with { IsOpen = false }); // rejected or merged
                continue;
            }
            var dispatchedAt = reportedAt.AddMinutes(random.Next(1, 600));
            if (dispatchedAt >= Now)
            {
                facts.Add(f);
                continue;
            }
            var due = dispatchedAt.AddHours(random.Next(-30, 24 * 12)); // some dues before their report: moved by suspension history
            f = f with
            {
                DispatchedAt = dispatchedAt, LeadDepartmentCode = departments[random.Next(departments.Length)], HandleDueAt = due,
                ReturnCount = random.Next(4) == 0 ? 1 : 0, ExtensionCount = random.Next(5) == 0 ? 1 : 0, ReworkCount = random.Next(6) == 0 ? 1 : 0,
            };
            var metAt = dispatchedAt.AddMinutes(random.Next(30, 60 * 24 * 15));
            if (state < 4 || metAt >= Now)
            {
                facts.Add(f with { HandlingMinutes = random.Next(2) == 0 ? null : random.Next(1, 3000) });
                continue;
            }
            f = f with { HandleMetAt = metAt, HandlingMinutes = random.NextDouble() * 20000 };
            var closedAt = metAt.AddMinutes(random.Next(1, 60 * 24 * 3));
            facts.Add(closedAt >= Now ? f : f with { IsOpen = false, ClosedAt = closedAt, ClosedOnTime = metAt <= due });
        }
        return facts;
    }
}
