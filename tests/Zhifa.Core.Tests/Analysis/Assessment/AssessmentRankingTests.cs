using Zhifa.Core.Analysis.Assessment;
using static Zhifa.Core.Analysis.Assessment.AssessmentCriterion;

namespace Zhifa.Core.Tests.Analysis.Assessment;

public sealed class AssessmentRankingTests
{
    private sealed record Department(string Code, DepartmentScore Score);

    private static Department Scored(string code, double score) => new(code, new DepartmentScore(true, score, []));
    private static Department NotAssessed(string code) => new(code, new DepartmentScore(false, null, []));

    private static List<(string Code, int? Rank)> Rank(params Department[] departments) =>
        [.. AssessmentRules.Rank(departments, d => d.Code, d => d.Score).Select(r => (r.Item.Code, r.Rank))];

    [Fact]
    public void Ranking_IsByScoreDescending()
    {
        Assert.Equal([("B", 1), ("C", 2), ("A", 3)], Rank(Scored("A", 60), Scored("B", 95.5), Scored("C", 80)));
    }

    [Fact]
    public void Ties_ShareARank_AndTheNextRankSkips()
    {
        var ranked = Rank(Scored("D", 70), Scored("C", 90), Scored("B", 90), Scored("A", 100), Scored("E", 70));
        // Competition ranking 1, 2, 2, 4, 4; ties in department-code order.
        Assert.Equal([("A", 1), ("B", 2), ("C", 2), ("D", 4), ("E", 4)], ranked);
    }

    [Fact]
    public void TheNotAssessed_HaveNoRankAndComeLastInCodeOrder()
    {
        var ranked = Rank(NotAssessed("Z"), Scored("M", 0), NotAssessed("A"), Scored("N", 50));
        Assert.Equal([("N", 1), ("M", 2), ("A", null), ("Z", null)], ranked);
    }

    [Fact]
    public void Ranking_IsTheSameWhateverTheInputOrder()
    {
        Department[] departments = [Scored("330503-ZFD", 80), Scored("330503-NYNC", 80), Scored("330503-SL", 90), NotAssessed("330503-JT")];
        var expected = Rank(departments);
        Assert.Equal(expected, Rank([.. departments.Reverse()]));
        Assert.Equal([("330503-SL", 1), ("330503-NYNC", 2), ("330503-ZFD", 2), ("330503-JT", (int?)null)], expected);
    }

    [Fact]
    public void ChangedWeights_ChangeTheRanking()
    {
        // Punctual but reworking, against late but right first time.
        var punctual = AssessmentScoreTests.Month(onTime: 1, rework: 0.5);
        var thorough = AssessmentScoreTests.Month(onTime: 0.5, rework: 0);
        Department[] Both(AssessmentWeights w) =>
            [new("P", AssessmentRules.Score(punctual, w)), new("T", AssessmentRules.Score(thorough, w))];

        Assert.Equal([("P", 1), ("T", 2)], Rank(Both(AssessmentWeights.Defaults)));
        var quality = new AssessmentWeights(new Dictionary<AssessmentCriterion, double> { [OnTimeRate] = 10, [ReworkRate] = 60 });
        Assert.Equal([("T", 1), ("P", 2)], Rank(Both(quality)));
    }
}

public sealed class AssessmentWeightsTests
{
    [Fact]
    public void Defaults_WeighEveryCriterion()
    {
        Assert.Equal(AssessmentCriteria.All, AssessmentWeights.Defaults.All.Select(w => w.Key));
        Assert.All(AssessmentWeights.Defaults.All, w => Assert.True(w.Value > 0));
        Assert.Equal(100, AssessmentWeights.Defaults.All.Sum(w => w.Value));
    }

    [Fact]
    public void ACriterionNotGiven_KeepsItsDefault()
    {
        var weights = new AssessmentWeights(new Dictionary<AssessmentCriterion, double> { [OnTimeRate] = 50 });
        Assert.Equal(50, weights[OnTimeRate]);
        Assert.Equal(AssessmentWeights.Defaults[ClosureRate], weights[ClosureRate]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AWeightOutOfRange_IsAProblemNamingItsCriterion(double weight)
    {
        var weights = AssessmentCriteria.All.ToDictionary(c => c, c => c == ReworkRate ? weight : 10.0);
        Assert.Equal([(ReworkRate, "reworkRate is a weight from 0 to 1000.")], AssessmentWeights.Problems(weights).Select(p => (p.Criterion!.Value, p.Message)));
        Assert.Throws<ArgumentException>(() => new AssessmentWeights(weights));
    }

    [Fact]
    public void AllZero_IsAProblem_ButZeroAndBoundsAreWeights()
    {
        var zero = AssessmentCriteria.All.ToDictionary(c => c, _ => 0.0);
        Assert.Equal([(null, "At least one weight is positive.")], AssessmentWeights.Problems(zero).Select(p => (p.Criterion, p.Message)));
        var bounds = AssessmentCriteria.All.ToDictionary(c => c, c => c == OnTimeRate ? AssessmentWeights.MaxWeight : 0.0);
        Assert.Empty(AssessmentWeights.Problems(bounds));
    }

    [Fact]
    public void Criteria_AreNamedAfterTheirIndicators()
    {
        Assert.Equal(["onTimeRate", "closureRate", "returnRate", "reworkRate", "extensionRate", "meanHandlingMinutes"],
            AssessmentCriteria.All.Select(c => c.ApiName()));
        Assert.True(AssessmentCriteria.TryParse("reworkRate", out var rework));
        Assert.Equal(ReworkRate, rework);
        Assert.False(AssessmentCriteria.TryParse("ReworkRate", out _));
    }
}
