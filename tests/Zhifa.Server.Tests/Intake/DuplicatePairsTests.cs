using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Triage;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>The duplicate check against the shipped labelled pairs: floors that a change of weights must not break.</summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicatePairsTests(ZhifaApp app)
{
    private string? CategoryOf(string text)
    {
        var reference = app.Services.GetRequiredService<ReferenceData>();
        var best = app.Services.GetRequiredService<Features.Triage.ClueClassifier>().Classify(text).Best.MatterCode;
        return reference.Matters[best].Category;
    }

    private List<DuplicatePairs.Pair> Pairs() =>
        DuplicatePairs.Load(Path.Combine(AppContext.BaseDirectory, "Data", "Seed"), app.Services.GetRequiredService<ReferenceData>().Matters);

    [Fact]
    public void LabelledSet_HasAtLeastFortyPairsOfEachKindBetweenThem()
    {
        var pairs = Pairs();

        Assert.True(pairs.Count >= 40, $"{pairs.Count} pairs");
        Assert.Contains(pairs, p => p.IsDuplicate);
        Assert.Contains(pairs, p => !p.IsDuplicate);
    }

    [Fact]
    public void Joins_WhenJudgedOnTheLabelledPairs_NeverJoinADistinctReport()
    {
        var (joins, _) = DuplicatePairs.Evaluate(Pairs(), new DuplicateThresholds(), CategoryOf);

        Assert.Equal(0, joins.FalsePositives);
        Assert.True(joins.TruePositives >= 5, joins.ToString());
    }

    [Fact]
    public void Suggestions_WhenJudgedOnTheLabelledPairs_FindMostDuplicatesWithFewFalseAlarms()
    {
        var (_, suggests) = DuplicatePairs.Evaluate(Pairs(), new DuplicateThresholds(), CategoryOf);

        Assert.True(suggests.Recall >= 0.75, suggests.ToString());
        Assert.True(suggests.Precision >= 0.85, suggests.ToString());
    }
}
