using Zhifa.Core.Analysis.Hotspots;
using static Zhifa.Core.Tests.Analysis.Hotspots.Reports;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>The weekly hotspot test on hand-built weeks: the week's edges, the floor, the baseline, Bonferroni.</summary>
public class WeeklyHotspotTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    [Fact]
    public void TheWeek_RunsFromMondayMidnightBeijing_ToTheNextMonday_WhateverDayNamesIt()
    {
        var expected = (Monday, Monday.AddDays(7));
        Assert.Equal(expected, WeeklyHotspots.WeekOf(new DateOnly(2026, 11, 23)));
        Assert.Equal(expected, WeeklyHotspots.WeekOf(new DateOnly(2026, 11, 29)));
        // Sunday 23:30 Beijing is still the week; Monday 00:00 Beijing (Sunday 16:00 UTC) is the next.
        Assert.Equal(expected, WeeklyHotspots.WeekOf(new DateTimeOffset(2026, 11, 29, 15, 30, 0, TimeSpan.Zero)));
        Assert.Equal(Monday.AddDays(7), WeeklyHotspots.WeekOf(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero)).From);
    }

    [Fact]
    public void ThreeReportsInACellNeverSeenBefore_AreAHotspot_TestedAgainstTheFloor()
    {
        var reports = Enumerable.Range(0, 3).Select(d => At(Monday.AddDays(d))).ToList();

        var week = WeeklyHotspots.Find(reports, Thursday);

        // Two cells tested: the grid's SR01 and SR01 over the region; each holds the three.
        Assert.Equal(2, week.CellsTested);
        Assert.Equal(0.01 / 2, week.Threshold, 1e-15);
        var spot = Assert.Single(week.Hotspots, h => h.GridCode == "G1");
        Assert.Equal(("SR01", 3, 0.0, 0.25), (spot.MatterCode, spot.Count, spot.Baseline, spot.Rate));
        Assert.Equal(0.0021614966897625126, spot.PValue, 1e-15);
        Assert.Equal(reports.Select(r => r.IncidentId), spot.IncidentIds);
        Assert.Contains(week.Hotspots, h => h.GridCode is null && h.MatterCode == "SR01" && h.Count == 3);
    }

    [Fact]
    public void TwoReports_AreBelowTheMinimumCount_HoweverUnusual()
    {
        var week = WeeklyHotspots.Find([At(Monday), At(Monday.AddHours(1))], Thursday, new HotspotSettings(RateFloor: 0.001));

        Assert.Empty(week.Hotspots);
        Assert.Equal(2, week.CellsTested);
    }

    [Fact]
    public void TheWeeksEdges_MondayMidnightCounts_TheNextMondayDoesNot_NorAnythingBeforeTheBaseline()
    {
        var next = Monday.AddDays(7);
        var reports = new[]
        {
            At(Monday), At(next.AddTicks(-1)), At(next.AddTicks(-2)),
            At(next), At(next.AddDays(1)), At(Monday.AddDays(-56).AddTicks(-1)),
        };

        var spot = Assert.Single(WeeklyHotspots.Find(reports, Thursday).Hotspots, h => h.GridCode == "G1");

        Assert.Equal(3, spot.Count);
        Assert.Equal(0.0, spot.Baseline);
        Assert.Equal(reports.Take(3).Select(r => r.IncidentId).ToHashSet(), spot.IncidentIds.ToHashSet());
    }

    [Fact]
    public void ACellThatUsuallyHasOneAWeek_IsNoHotspotWithThree_ButIsWithEight()
    {
        // Eight baseline weeks with one report each, the first exactly at the baseline's start.
        var baseline = Enumerable.Range(1, 8).Select(w => At(Monday.AddDays(-7 * w))).ToList();
        var three = Enumerable.Range(0, 3).Select(h => At(Monday.AddHours(h))).ToList();
        var five = Enumerable.Range(3, 5).Select(h => At(Monday.AddHours(h))).ToList();

        Assert.DoesNotContain(WeeklyHotspots.Find([.. baseline, .. three], Thursday).Hotspots, h => h.GridCode == "G1");
        var spot = Assert.Single(WeeklyHotspots.Find([.. baseline, .. three, .. five], Thursday).Hotspots, h => h.GridCode == "G1");
        Assert.Equal((8, 1.0, 1.0), (spot.Count, spot.Baseline, spot.Rate));
        Assert.Equal(1.0249196674641695e-5, spot.PValue, 1e-15);
    }

    [Fact]
    public void Bonferroni_TheSameThreeReports_AreNoHotspotAmongManyCellsTested()
    {
        var three = Enumerable.Range(0, 3).Select(d => At(Monday.AddDays(d))).ToList();
        // Ten other grids seen once in the baseline: eleven grid cells and SR01 over the region are tested.
        var quiet = Enumerable.Range(0, 10).Select(g => At(Monday.AddDays(-10), grid: $"Q{g}")).ToList();

        var week = WeeklyHotspots.Find([.. three, .. quiet], Thursday);

        Assert.Equal(12, week.CellsTested);
        // p = 0.00216 > 0.01 / 12: the grid's three reports no longer stand out.
        Assert.DoesNotContain(week.Hotspots, h => h.GridCode == "G1");
    }

    [Fact]
    public void AReportWithoutAGrid_CountsForItsMatterOverTheRegion_AndOneWithoutAMatterNowhere()
    {
        var reports = Enumerable.Range(0, 3).Select(d => At(Monday.AddDays(d), grid: null))
            .Append(At(Monday, matter: null)).ToList();

        var week = WeeklyHotspots.Find(reports, Thursday);

        Assert.Equal(1, week.CellsTested);
        var spot = Assert.Single(week.Hotspots);
        Assert.Equal((null, "SR01", 3), (spot.GridCode, spot.MatterCode, spot.Count));
    }

    [Fact]
    public void NoReports_NoCellsTested_NoHotspots()
    {
        var week = WeeklyHotspots.Find([], Thursday);

        Assert.Equal((0, 0), (week.CellsTested, week.Hotspots.Length));
        Assert.Equal(Monday, week.From);
    }

    [Theory]
    [InlineData(0, 0.25, 0.01, 3)]
    [InlineData(8, 0.0, 0.01, 3)]
    [InlineData(8, 0.25, 0.0, 3)]
    [InlineData(8, 0.25, 1.0, 3)]
    [InlineData(8, 0.25, 0.01, 0)]
    public void SettingsWithoutMeaning_AreRefused(int weeks, double floor, double alpha, int minCount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WeeklyHotspots.Find([], Thursday, new HotspotSettings(weeks, floor, alpha, minCount)));
}
