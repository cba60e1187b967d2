using Zhifa.Core.Analysis;
using static Zhifa.Core.Tests.Analysis.Facts;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>The edge cases of the formulas: empty periods, all late, percentiles and periods compared.</summary>
public class IndicatorEdgeCaseTests
{
    private static void AssertNothing(IndicatorValues values)
    {
        Assert.Equal(0, values.Received);
        Assert.Equal(0, values.Dispatched);
        Assert.Equal(0, values.Closed);
        Assert.Equal(0, values.ClosedOnTime);
        Assert.Equal(0, values.OpenOverdue);
        Assert.Equal(0, values.Overdue);
        Assert.Null(values.OnTimeRate);
        Assert.Null(values.ClosureRate);
        Assert.Null(values.ReworkRate);
        Assert.Null(values.ReturnRate);
        Assert.Null(values.ExtensionRate);
        Assert.Null(values.MeanHandlingMinutes);
        Assert.Null(values.P90HandlingMinutes);
        Assert.Null(values.DuplicateShare);
    }

    [Fact]
    public void NoDataAtAll_GivesZeroCountsAndNullRates()
    {
        var values = Week();

        AssertNothing(values);
        Assert.All(values.Named().Skip(6), named => Assert.Null(named.Value));
    }

    [Fact]
    public void OnlyIncidentsOutsideThePeriod_GiveZeroCountsAndNullRates() =>
        AssertNothing(Week(Closed(Day(-1)), Closed(Day(9)), Reported(Day(9)), InProgress(Day(10))));

    [Fact]
    public void EverythingOverdue_GivesOnTimeRateZero_NotNull()
    {
        var values = Week(Closed(Day(2), onTime: false), Closed(Day(3), onTime: false), OpenOverdue(Day(4)));

        Assert.Equal(0, values.ClosedOnTime);
        Assert.Equal(3, values.Overdue);
        Assert.Equal(0.0, values.OnTimeRate);
    }

    [Fact]
    public void OnlyOpenOverdueWork_GivesOnTimeRateZero()
    {
        var values = Week(OpenOverdue(Day(-2)));

        Assert.Equal(0, values.Closed);
        Assert.Equal(0.0, values.OnTimeRate);
        Assert.Null(values.ReworkRate);
    }

    [Fact]
    public void APeriodNotBegunYet_HasNoOpenOverdueWork()
    {
        var values = Indicators.Compute([OpenOverdue(Day(-2))], To, To.AddDays(7), now: Day(5));

        Assert.Equal(0, values.OpenOverdue);
        Assert.Null(values.OnTimeRate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void APeriodThatDoesNotEndAfterItStarts_IsRefused(int days) =>
        Assert.Throws<ArgumentException>(() => Indicators.Compute([], From, From.AddDays(days), Now));

    [Theory]
    // ⌈0.9 n⌉-th smallest: 10 values → the 9th, 20 → the 18th, 11 → the 10th, 1 → the only one.
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 9)]
    [InlineData(new double[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, 9)]
    [InlineData(new double[] { 5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, 18)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100 }, 10)]
    [InlineData(new double[] { 42 }, 42)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 50)]
    public void NearestRank_P90_OfAKnownList(double[] values, double expected) =>
        Assert.Equal(expected, Indicators.NearestRank(values, 0.9));

    [Fact]
    public void NearestRank_OtherPercentiles_AreTheTextbookOnes()
    {
        double[] values = [15, 20, 35, 40, 50];

        Assert.Equal(20, Indicators.NearestRank(values, 0.3));   // ⌈1.5⌉ = 2nd
        Assert.Equal(20, Indicators.NearestRank(values, 0.4));   // ⌈2.0⌉ = 2nd, not the 3rd
        Assert.Equal(35, Indicators.NearestRank(values, 0.5));
        Assert.Equal(50, Indicators.NearestRank(values, 1.0));
        Assert.Null(Indicators.NearestRank([], 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Indicators.NearestRank(values, 0));
    }

    [Fact]
    public void Compare_TakesThePreviousPeriodOfEqualLength()
    {
        IncidentFacts[] facts =
        [
            Closed(Day(-5)), Closed(Day(-4), onTime: false),   // the week before: 1 of 2 on time
            Closed(Day(2)), Closed(Day(3)), Closed(Day(4)), Closed(Day(5), onTime: false), // this week: 3 of 4
        ];

        var comparison = Indicators.Compare(facts, From, To, Now);

        Assert.Equal(From.AddDays(-7), comparison.Previous.From);
        Assert.Equal(From, comparison.Previous.To);
        Assert.Equal(new Change(4, 2, 2), comparison.Changes["closed"]);
        Assert.Equal(new Change(0.75, 0.5, 0.25), comparison.Changes["onTimeRate"]);
    }

    [Fact]
    public void Compare_JudgesThePreviousPeriodsOpenWorkAtItsOwnEnd()
    {
        // Due on the previous Thursday and closed on Wednesday of this week: overdue at the previous week's end only.
        var late = OpenOverdue(Day(-3)) with { IsOpen = false, ClosedAt = Day(3), ClosedOnTime = false };

        var comparison = Indicators.Compare([late], From, To, Now);

        Assert.Equal(new Change(0, 1, -1), comparison.Changes["openOverdue"]);
        Assert.Equal(new Change(0, 0, 0), comparison.Changes["onTimeRate"]);
    }

    [Fact]
    public void Change_IsNullWhenEitherSideIsNull()
    {
        var comparison = Indicators.Compare([Closed(Day(2), handlingMinutes: 45)], From, To, Now);

        Assert.Equal(new Change(45, null, null), comparison.Changes["meanHandlingMinutes"]);
        Assert.Equal(new Change(null, 0.5, null), Change.Of(null, 0.5));
        Assert.Equal(new Change(null, null, null), Change.Of(null, null));
        Assert.Equal(comparison.Current.Named().Select(n => n.Key), comparison.Changes.Keys);
    }
}
