using Zhifa.Core.Geo;
using Zhifa.Core.Triage;

namespace Zhifa.Core.Tests.Triage;

public sealed class DuplicateDetectorTests
{
    private static readonly GeoPoint Here = new(30.78, 120.27);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);
    private static readonly DuplicateThresholds Thresholds = new();

    private static OpenIncident Open(string summary, double metersNorth = 0, double hoursAgo = 1, string number = "330503-20261127-0001") =>
        new(Guid.NewGuid(), number, Here with { Lat = Here.Lat + metersNorth / 111_195.0 }, summary, Now.AddHours(-hoursAgo), "SY01");

    private static DuplicateProbe Probe(string text, string? matter = "SY01") => new(Here, text, Now, matter);

    [Fact]
    public void Rank_WhenFartherThanTheRadius_IsNoCandidate() =>
        Assert.Empty(DuplicateDetector.Rank(Probe("河道内发现地笼"), [Open("河道内发现地笼", metersNorth: 101)], 100, Window));

    [Fact]
    public void Rank_WhenOlderThanTheWindow_IsNoCandidate() =>
        Assert.Empty(DuplicateDetector.Rank(Probe("河道内发现地笼"), [Open("河道内发现地笼", hoursAgo: 73)], 100, Window));

    [Fact]
    public void Rank_WhenSeveral_PutsTheCloserAndMoreAlikeFirstAndKeepsThree()
    {
        var ranked = DuplicateDetector.Rank(Probe("河道内发现地笼"),
        [
            Open("路边乱堆放", metersNorth: 90, number: "far-unlike"),
            Open("河道内发现地笼", metersNorth: 5, number: "near-same"),
            Open("河道有地笼", metersNorth: 10, number: "near-alike"),
            Open("河道内发现地笼", metersNorth: 95, hoursAgo: 70, number: "far-old"),
        ], 100, Window);

        Assert.Equal(["near-same", "near-alike", "far-old"], ranked.Select(m => m.Number));
        Assert.Equal(5, ranked[0].DistanceMeters, 0);
    }

    [Fact]
    public void Confidence_WhenSameTextSamePlaceAndMatter_IsHigh()
    {
        var best = DuplicateDetector.Rank(Probe("河道内发现地笼，疑似非法捕捞"), [Open("河道内发现地笼，疑似非法捕捞", metersNorth: 10)], 100, Window)[0];

        Assert.Equal(DuplicateConfidence.High, DuplicateDetector.Confidence(Probe("x"), best, Thresholds));
    }

    [Fact]
    public void Confidence_WhenTheReportHasNoMatter_IsAtMostMedium()
    {
        var probe = Probe("河道内发现地笼，疑似非法捕捞", matter: null);
        var best = DuplicateDetector.Rank(probe, [Open("河道内发现地笼，疑似非法捕捞")], 100, Window)[0];

        Assert.Equal(DuplicateConfidence.Medium, DuplicateDetector.Confidence(probe, best, Thresholds));
    }

    [Fact]
    public void Confidence_WhenSamePlaceButOtherWords_IsMediumForTheDispatcher()
    {
        var best = DuplicateDetector.Rank(Probe("有人在河边电鱼"), [Open("河道里放了很多地笼")], 100, Window)[0];

        Assert.Equal(DuplicateConfidence.Medium, DuplicateDetector.Confidence(Probe("x"), best, Thresholds));
    }

    [Fact]
    public void Confidence_WhenTheyNameDifferentShops_IsNone()
    {
        var best = DuplicateDetector.Rank(Probe("人民路“老周馄饨”门口桌子摆上人行道"), [Open("人民路“阿强面馆”桌椅摆上人行道", metersNorth: 40)], 100, Window)[0];

        Assert.Equal(DuplicateConfidence.None, DuplicateDetector.Confidence(Probe("x"), best, Thresholds));
    }

    [Fact]
    public void Confidence_WhenNoCandidate_IsNone() =>
        Assert.Equal(DuplicateConfidence.None, DuplicateDetector.Confidence(Probe("x"), null, Thresholds));
}
