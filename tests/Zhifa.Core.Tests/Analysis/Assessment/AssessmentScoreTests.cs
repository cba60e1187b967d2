using Zhifa.Core.Analysis;
using Zhifa.Core.Analysis.Assessment;
using static Zhifa.Core.Analysis.Assessment.AssessmentCriterion;

namespace Zhifa.Core.Tests.Analysis.Assessment;

public sealed class AssessmentScoreTests
{
    private static readonly DateTimeOffset From = new(2026, 10, 31, 16, 0, 0, TimeSpan.Zero);

    /// <summary>A month's indicators: a department that closed 10 on time, every rate perfect, unless told otherwise.</summary>
    internal static IndicatorValues Month(int closed = 10, int openOverdue = 0, double? onTime = 1, double? closure = 1, double? rework = 0,
        double? returns = 0, double? extension = 0, double? meanMinutes = 120) =>
        new(From, From.AddDays(30), Received: 10, Dispatched: 10, Closed: closed, ClosedOnTime: closed, OpenOverdue: openOverdue,
            Overdue: openOverdue, onTime, closure, rework, returns, extension, meanMinutes, meanMinutes, DuplicateShare: null);

    private static AssessmentWeights Only(AssessmentCriterion criterion) =>
        new(AssessmentCriteria.All.ToDictionary(c => c, c => c == criterion ? 1.0 : 0.0));

    private static double? SubScore(DepartmentScore score, AssessmentCriterion criterion) => score.Criteria.Single(c => c.Criterion == criterion).SubScore;

    [Theory]
    [InlineData(1.0, 100)]
    [InlineData(0.75, 75)]
    [InlineData(0.0, 0)]
    public void OnTimeRate_ScoresAsItsShare(double rate, double expected) =>
        Assert.Equal(expected, AssessmentRules.SubScore(OnTimeRate, rate)!.Value, 9);

    [Theory]
    [InlineData(0.8, 80)]
    [InlineData(1.0, 100)]
    [InlineData(1.6, 100)]
    public void ClosureRate_IsCappedAtOne(double rate, double expected) =>
        Assert.Equal(expected, AssessmentRules.SubScore(ClosureRate, rate)!.Value, 9);

    [Theory]
    [InlineData(ReturnRate)]
    [InlineData(ReworkRate)]
    [InlineData(ExtensionRate)]
    public void ReturnReworkAndExtension_ScoreWhatIsLeft(AssessmentCriterion criterion)
    {
        Assert.Equal(100, AssessmentRules.SubScore(criterion, 0)!.Value, 9);
        Assert.Equal(90, AssessmentRules.SubScore(criterion, 0.1)!.Value, 9);
        Assert.Equal(0, AssessmentRules.SubScore(criterion, 1)!.Value, 9);
    }

    [Theory]
    [InlineData(60, 100)]
    [InlineData(480, 100)]
    [InlineData(960, 50)]
    [InlineData(1920, 25)]
    public void HandlingTime_Scores100UpToTheReferenceThenFallsAsReferenceOverMean(double minutes, double expected) =>
        Assert.Equal(expected, AssessmentRules.SubScore(MeanHandlingMinutes, minutes)!.Value, 9);

    [Fact]
    public void EachCriterion_ReadsItsOwnIndicator()
    {
        var values = Month(onTime: 0.9, closure: 0.8, rework: 0.3, returns: 0.2, extension: 0.1, meanMinutes: 960);
        var score = AssessmentRules.Score(values, AssessmentWeights.Defaults);
        Assert.Equal(90, SubScore(score, OnTimeRate)!.Value, 9);
        Assert.Equal(80, SubScore(score, ClosureRate)!.Value, 9);
        Assert.Equal(80, SubScore(score, ReturnRate)!.Value, 9);
        Assert.Equal(70, SubScore(score, ReworkRate)!.Value, 9);
        Assert.Equal(90, SubScore(score, ExtensionRate)!.Value, 9);
        Assert.Equal(50, SubScore(score, MeanHandlingMinutes)!.Value, 9);
        Assert.Equal(0.2, score.Criteria.Single(c => c.Criterion == ReturnRate).Value);
    }

    [Fact]
    public void Score_IsTheWeightedMeanOfTheSubScores()
    {
        var values = Month(onTime: 0.9, closure: 0.8, rework: 0.3, returns: 0.2, extension: 0.1, meanMinutes: 960);
        var score = AssessmentRules.Score(values, AssessmentWeights.Defaults);
        // (30·90 + 20·80 + 15·80 + 15·70 + 10·90 + 10·50) / 100
        Assert.True(score.Assessed);
        Assert.Equal(79.5, score.Score);
    }

    [Fact]
    public void Weights_OnlyTheirProportionsMatter()
    {
        var values = Month(onTime: 0.5, closure: 1);
        var tenfold = new AssessmentWeights(AssessmentWeights.Defaults.All.ToDictionary(w => w.Key, w => w.Value * 10));
        Assert.Equal(AssessmentRules.Score(values, AssessmentWeights.Defaults).Score, AssessmentRules.Score(values, tenfold).Score);
        Assert.Equal(85, AssessmentRules.Score(values, AssessmentWeights.Defaults).Score);
    }

    [Fact]
    public void AWeightOfZero_LeavesTheCriterionOut()
    {
        var values = Month(onTime: 0.5);
        Assert.Equal(50, AssessmentRules.Score(values, Only(OnTimeRate)).Score);
        Assert.Equal(100, AssessmentRules.Score(values, Only(ReworkRate)).Score);
    }

    [Fact]
    public void ANullCriterion_IsLeftOutAndItsWeightGoesToTheOthers()
    {
        // Nothing dispatched in the month: no return rate. On time 60 (w 30) and the rest 100 (w 55).
        var values = Month(onTime: 0.6, returns: null);
        var score = AssessmentRules.Score(values, AssessmentWeights.Defaults);
        Assert.Null(SubScore(score, ReturnRate));
        Assert.Equal(15, score.Criteria.Single(c => c.Criterion == ReturnRate).Weight);
        Assert.Equal(Math.Round((30 * 60 + 55 * 100) / 85.0, 2), score.Score);
    }

    [Fact]
    public void OnlyOpenOverdueWork_IsAssessedAtTheOnTimeRateOfZero()
    {
        var values = Month(closed: 0, openOverdue: 2, onTime: 0, closure: 0, rework: null, extension: null, meanMinutes: null);
        var score = AssessmentRules.Score(values, AssessmentWeights.Defaults);
        Assert.True(score.Assessed);
        // On time 0 (w 30), closure 0 (w 20), no return (100, w 15); rework, extension and speed have no value.
        Assert.Equal(Math.Round(15 * 100 / 65.0, 2), score.Score);
    }

    [Fact]
    public void NoClosedAndNoOpenOverdueWork_IsNotAssessed()
    {
        var values = Month(closed: 0, openOverdue: 0, onTime: null, closure: 0, rework: null, extension: null, meanMinutes: null);
        var score = AssessmentRules.Score(values, AssessmentWeights.Defaults);
        Assert.False(score.Assessed);
        Assert.Null(score.Score);
        Assert.Equal(AssessmentCriteria.All.Count, score.Criteria.Count);
    }

    [Fact]
    public void NoWeightedCriterionWithAValue_IsNotAssessed()
    {
        var values = Month(returns: null);
        var score = AssessmentRules.Score(values, Only(ReturnRate));
        Assert.False(score.Assessed);
        Assert.Null(score.Score);
    }

    [Fact]
    public void Score_IsRoundedToTwoDecimals()
    {
        // On time 2/3 alone: 66.666… reads 66.67.
        Assert.Equal(66.67, AssessmentRules.Score(Month(onTime: 2.0 / 3), Only(OnTimeRate)).Score);
    }
}
