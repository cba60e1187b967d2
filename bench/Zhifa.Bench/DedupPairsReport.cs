using Zhifa.Core.Triage;
using Zhifa.Server.Features.Intake;

namespace Zhifa.Bench;

/// <summary>The duplicate check's precision and recall on the shipped labelled pairs, at the shipped thresholds.</summary>
internal static class DedupPairsReport
{
    public static int Run()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "Data", "Seed");
        var matters = Zhifa.Server.Data.Seeding.OrganizationSeed.Matters(Path.Combine(seed, "matters.csv")).ToDictionary(m => m.Code);
        var pairs = DuplicatePairs.Load(seed, matters);
        var thresholds = new DuplicateThresholds();
        var (joins, suggests) = DuplicatePairs.Evaluate(pairs, thresholds);
        Console.WriteLine($"labelled pairs: {pairs.Count} ({pairs.Count(p => p.IsDuplicate)} duplicate, {pairs.Count(p => !p.IsDuplicate)} distinct, {pairs.Count(p => p.MatterB is null)} without a matter)");
        Console.WriteLine($"thresholds: join at {thresholds.High}, suggest at {thresholds.Medium}");
        Console.WriteLine(joins);
        Console.WriteLine(suggests);
        return 0;
    }
}
