using Zhifa.Core.Analysis.Hotspots;
using static Zhifa.Core.Tests.Analysis.Hotspots.Reports;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>Chronic places: three of one matter at one spot within the 30 days up to the look.</summary>
public class ChronicPlaceTests
{
    private static readonly DateTimeOffset Now = Monday.AddHours(10);

    [Fact]
    public void ThreeOfOneMatterInOneGrid_WithinThirtyDays_AreAChronicPlace_ListingThem()
    {
        var reports = new[] { At(Now.AddDays(-29)), At(Now.AddDays(-3), lat: North(400)), At(Now) };

        var place = Assert.Single(ChronicPlaces.Find(reports, Now));

        Assert.Equal(("G1", "SR01", 3), (place.GridCode, place.MatterCode, place.Count));
        Assert.Equal(reports.Select(r => r.IncidentId), place.IncidentIds);
        Assert.Equal((Now.AddDays(-29), Now), (place.FirstReportedAt, place.LastReportedAt));
    }

    [Fact]
    public void TwoAreNotChronic_NorThreeOfDifferentMatters()
    {
        Assert.Empty(ChronicPlaces.Find([At(Now.AddDays(-1)), At(Now)], Now));
        Assert.Empty(ChronicPlaces.Find([At(Now, "SR01"), At(Now, "SR02"), At(Now, "SY01"), At(Now, null)], Now));
    }

    [Fact]
    public void TheWindow_ExcludesExactlyThirtyDaysBefore_AndIncludesTheInstantOfTheLook()
    {
        var edge = new[] { At(Now.AddDays(-30)), At(Now.AddDays(-30).AddTicks(1)), At(Now) };
        Assert.Empty(ChronicPlaces.Find(edge, Now));

        var inside = new[] { At(Now.AddDays(-30).AddTicks(1)), At(Now.AddDays(-15)), At(Now) };
        Assert.Equal(3, Assert.Single(ChronicPlaces.Find(inside, Now)).Count);
        // A moment before the last report, the place has two.
        Assert.Empty(ChronicPlaces.Find(inside, Now.AddTicks(-1)));
    }

    [Fact]
    public void OutsideTheGrids_ThreeWithin100mOfTheFirst_AreAChronicPlace()
    {
        var reports = new[] { At(Now.AddDays(-5), grid: null), At(Now.AddDays(-4), grid: null, lat: North(60)), At(Now.AddDays(-3), grid: null, lat: North(99)) };

        var place = Assert.Single(ChronicPlaces.Find(reports, Now));

        Assert.Null(place.GridCode);
        Assert.Equal((Lat, Lon, 3), (place.Lat, place.Lon, place.Count));
    }

    [Fact]
    public void OutsideTheGrids_TheSpotIsACircleRoundTheFirst_NotAChain()
    {
        // 0 m, 90 m, 180 m: each within 100 m of the one before, but the third is 180 m from the first.
        var chain = new[] { At(Now.AddDays(-5), grid: null), At(Now.AddDays(-4), grid: null, lat: North(90)), At(Now.AddDays(-3), grid: null, lat: North(180)) };
        Assert.Empty(ChronicPlaces.Find(chain, Now));

        var beyond = new[] { At(Now.AddDays(-5), grid: null), At(Now.AddDays(-4), grid: null, lat: North(50)), At(Now.AddDays(-3), grid: null, lat: North(101)) };
        Assert.Empty(ChronicPlaces.Find(beyond, Now));
    }

    [Fact]
    public void ReportsInAGrid_AndReportsOutsideEveryGrid_AreNeverOneSpot()
    {
        var reports = new[] { At(Now.AddDays(-2)), At(Now.AddDays(-1)), At(Now, grid: null) };

        Assert.Empty(ChronicPlaces.Find(reports, Now));
    }

    [Fact]
    public void NoReports_NoPlaces() => Assert.Empty(ChronicPlaces.Find([], Now));
}
