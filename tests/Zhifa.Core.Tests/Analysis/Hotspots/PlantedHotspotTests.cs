using Zhifa.Core.Analysis.Hotspots;
using static Zhifa.Core.Tests.Analysis.Hotspots.Reports;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>
/// The acceptance demonstration: nine weeks of generated background (300 grid cells × 5 matters, each cell
/// with its own weekly Poisson rate between 0.05 and 1.5) find nothing; one anomaly (twelve reports of one matter in one cell) planted in the current
/// week is found, and only it.
/// </summary>
public class PlantedHotspotTests
{
    private const int Grids = 300;
    private static readonly string[] Matters = ["SR01", "SR02", "SY01", "HJ01", "JT01"];
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    /// <summary>Nine weeks (eight of baseline and the current one) of Poisson background, from a seeded generator.</summary>
    private static List<SpotReport> Background(int seed)
    {
        var random = new Random(seed);
        var reports = new List<SpotReport>();
        for (var g = 0; g < Grids; g++)
        {
            foreach (var matter in Matters)
            {
                var rate = 0.05 + 1.45 * random.NextDouble();
                for (var week = -8; week <= 0; week++)
                {
                    var count = Poisson(random, rate);
                    for (var n = 0; n < count; n++)
                        reports.Add(At(Monday.AddDays(7 * week).AddMinutes(random.Next(7 * 24 * 60)), matter, $"G{g:000}"));
                }
            }
        }
        return reports;
    }

    /// <summary>Knuth's method: exact, and quick for the small rates drawn here.</summary>
    private static int Poisson(Random random, double rate)
    {
        var (limit, product, count) = (Math.Exp(-rate), random.NextDouble(), 0);
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    [Fact]
    public void APlantedCell_IsFound_AndNothingElse()
    {
        var reports = Background(20261123);
        var planted = Enumerable.Range(0, 12).Select(h => At(Monday.AddDays(2).AddHours(h), "SR02", "G137")).ToList();

        var week = WeeklyHotspots.Find([.. reports, .. planted], Thursday);

        // Every (grid, matter) seen in the nine weeks, and each matter over the region; a quiet cell may have no report at all.
        var seen = reports.Concat(planted).Select(r => (r.GridCode, r.MatterCode)).Distinct().Count() + Matters.Length;
        Assert.Equal(seen, week.CellsTested);
        Assert.InRange(week.CellsTested, 1000, Grids * Matters.Length + Matters.Length);
        var spot = Assert.Single(week.Hotspots);
        Assert.Equal(("G137", "SR02"), (spot.GridCode, spot.MatterCode));
        Assert.Superset(spot.IncidentIds.ToHashSet(), planted.Select(p => p.IncidentId).ToHashSet());
        Assert.True(spot.PValue <= week.Threshold);
    }

    [Fact]
    public void WithoutAPlant_NothingIsFound()
    {
        var week = WeeklyHotspots.Find(Background(20261123), Thursday);

        Assert.Empty(week.Hotspots);
    }

    [Fact]
    public void OverTwentyGeneratedCities_FalseAlarmsStayAsRareAsAlphaPromises()
    {
        // α = 0.01 for the family promises 0.2 over twenty cities; these seeds give exactly one, where a
        // baseline estimated low from its 8 weeks makes the test bolder than α (decision 0031).
        var falseAlarms = Enumerable.Range(1, 20).Sum(seed => WeeklyHotspots.Find(Background(seed), Thursday).Hotspots.Length);

        Assert.InRange(falseAlarms, 0, 1);
    }
}
