using Zhifa.Core.Analysis;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>A period's month and day cells must cover each of its days exactly once, and no other day.</summary>
public sealed class IndicatorSpansTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-04-01", 1, 0)]  // one calendar month: its month cell alone
    [InlineData("2026-01-01", "2027-01-01", 12, 0)] // a calendar year: twelve month cells
    [InlineData("2026-10-30", "2026-11-29", 0, 30)] // the last 30 days, no whole month in them
    [InlineData("2026-02-27", "2026-05-03", 2, 4)]  // March and April whole, two days either side
    [InlineData("2026-11-28", "2026-11-29", 0, 1)]  // one day
    [InlineData("2026-11-28", "2026-11-28", 0, 0)]  // no day at all
    [InlineData("2024-02-01", "2024-03-01", 1, 0)]  // a leap February
    public void Cells_cover_every_day_of_the_period_once(string first, string end, int months, int days)
    {
        var spans = new IndicatorSpans(DateOnly.Parse(first), DateOnly.Parse(end));

        var covering = Candidates(spans.First.AddDays(-70), spans.End.AddDays(70)).Where(spans.Covers).ToList();

        Assert.Equal((months, days), (covering.Count(c => c.Grain == IndicatorGrain.Month), covering.Count(c => c.Grain == IndicatorGrain.Day)));
        var covered = covering.SelectMany(DaysOf).ToList();
        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(Days(spans.First, spans.End), covered.Order());
    }

    [Fact]
    public void Every_day_from_one_on_is_covered_by_its_months_and_the_rest_of_its_own()
    {
        var spans = new IndicatorSpans(new DateOnly(2026, 6, 17), DateOnly.MaxValue);

        var covering = Candidates(new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1)).Where(spans.Covers).ToList();

        Assert.Equal(Days(new DateOnly(2026, 6, 17), new DateOnly(2028, 1, 1)), covering.SelectMany(DaysOf).Order());
        Assert.Equal(14, covering.Count(c => c.Grain == IndicatorGrain.Day)); // 17 to 30 June; July on by months
    }

    private static IEnumerable<IndicatorCell> Candidates(DateOnly first, DateOnly end)
    {
        foreach (var day in Days(first, end))
        {
            yield return new IndicatorCell(IndicatorDimension.Channel, "*", "*", IndicatorGrain.Day, day, "grid");
            if (day.Day == 1)
                yield return new IndicatorCell(IndicatorDimension.Channel, "*", "*", IndicatorGrain.Month, day, "grid");
        }
    }

    private static IEnumerable<DateOnly> DaysOf(IndicatorCell cell) =>
        cell.Grain == IndicatorGrain.Day ? [cell.Day] : Days(cell.Day, cell.Day.AddMonths(1));

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly end) =>
        Enumerable.Range(0, Math.Max(0, end.DayNumber - first.DayNumber)).Select(first.AddDays);
}
