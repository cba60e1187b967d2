using Zhifa.Core.Time;

namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>The settings of the weekly hotspot test; the defaults are the platform's (docs/hotspots.md).</summary>
/// <param name="BaselineWeeks">How many weeks before the tested one make its baseline.</param>
/// <param name="RateFloor">The least weekly rate a cell is tested against: a cell never seen before still needs several reports.</param>
/// <param name="Alpha">The family-wise significance level, shared out over the cells tested (Bonferroni).</param>
/// <param name="MinCount">The fewest reports in the week that make a hotspot, however small the p-value.</param>
public sealed record HotspotSettings(int BaselineWeeks = 8, double RateFloor = 0.25, double Alpha = 0.01, int MinCount = 3)
{
    public static HotspotSettings Default { get; } = new();

    /// <summary>Refuses settings the test has no meaning for.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BaselineWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCount, 1);
        if (!(RateFloor > 0) || double.IsInfinity(RateFloor))
            throw new ArgumentOutOfRangeException(nameof(RateFloor), RateFloor, "The floor is a positive weekly rate.");
        if (!(Alpha > 0 && Alpha < 1))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "α lies between 0 and 1.");
    }
}

/// <summary>
/// A cell whose week stands out from its baseline. <see cref="GridCode"/> is null for the matter over the
/// whole selected region.
/// </summary>
/// <param name="Baseline">The mean weekly count of the baseline weeks.</param>
/// <param name="Rate">The rate tested against: max(baseline, floor).</param>
/// <param name="PValue">P(X ≥ count | rate), one-sided exact Poisson.</param>
/// <param name="Threshold">The p-value a cell had to reach: α ÷ cells tested.</param>
public sealed record WeeklyHotspot(string? GridCode, string MatterCode, int Count, double Baseline, double Rate, double PValue, double Threshold, Guid[] IncidentIds);

/// <summary>The week tested, how many cells were tested, and the hotspots among them, most significant first.</summary>
public sealed record HotspotWeek(DateTimeOffset From, DateTimeOffset To, int CellsTested, double Threshold, WeeklyHotspot[] Hotspots);

/// <summary>
/// The weekly hotspot test (热点): for each (grid cell, matter), and each matter over the whole selection,
/// this week's count against the mean of the weeks before, by an exact one-sided Poisson test with a
/// Bonferroni correction over the cells tested. Decision 0031 says why.
/// </summary>
public static class WeeklyHotspots
{
    /// <summary>The week [Monday 00:00, next Monday 00:00) Beijing time that holds <paramref name="day"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return (PlatformTime.StartOf(monday), PlatformTime.StartOf(monday.AddDays(7)));
    }

    /// <summary>The week that holds the instant <paramref name="at"/>, by its Beijing date.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WeekOf(DateTimeOffset at) => WeekOf(PlatformTime.LocalDate(at));

    public static HotspotWeek Find(IEnumerable<SpotReport> reports, DateOnly dayInWeek, HotspotSettings? settings = null)
    {
        settings ??= HotspotSettings.Default;
        settings.Validate();
        var (from, to) = WeekOf(dayInWeek);
        var since = from.AddDays(-7 * settings.BaselineWeeks);
        var counted = reports.Where(r => r.MatterCode is not null && r.ReportedAt >= since && r.ReportedAt < to).ToList();

        // A report counts in its grid's cell (when it has a grid) and in its matter's region-wide cell.
        var cells = counted
            .SelectMany(r => r.GridCode is null ? [(Grid: (string?)null, r)] : new[] { (Grid: r.GridCode, r), (Grid: (string?)null, r) })
            .GroupBy(c => (c.Grid, Matter: c.r.MatterCode!))
            .ToList();
        // Every cell seen in the nine weeks is tested: a cell with no report at all can never fire, so it
        // does not dilute α; a cell seen only in the baseline could have fired, so it does.
        var tested = cells.Count;
        var threshold = tested == 0 ? settings.Alpha : settings.Alpha / tested;
        var hotspots = new List<WeeklyHotspot>();
        foreach (var cell in cells)
        {
            var week = cell.Where(c => c.r.ReportedAt >= from).Select(c => c.r).OrderBy(r => r.ReportedAt).ThenBy(r => r.IncidentId).ToList();
            if (week.Count < settings.MinCount)
                continue;
            var baseline = (double)(cell.Count() - week.Count) / settings.BaselineWeeks;
            var rate = Math.Max(baseline, settings.RateFloor);
            var p = PoissonTail.AtLeast(week.Count, rate);
            if (p <= threshold)
                hotspots.Add(new WeeklyHotspot(cell.Key.Grid, cell.Key.Matter, week.Count, baseline, rate, p, threshold, [.. week.Select(r => r.IncidentId)]));
        }
        return new HotspotWeek(from, to, tested, threshold,
            [.. hotspots.OrderBy(h => h.PValue).ThenByDescending(h => h.Count).ThenBy(h => h.GridCode is null ? 0 : 1)
                .ThenBy(h => h.GridCode, StringComparer.Ordinal).ThenBy(h => h.MatterCode, StringComparer.Ordinal)]);
    }
}
