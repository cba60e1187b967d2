using Zhifa.Core.Triage;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Triage;

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
        // Reports without a matter are searched by the category the classifier names, as intake does.
        var classifier = new ClueClassifier(Microsoft.Extensions.Options.Options.Create(new ClassifierOptions()));
        classifier.Use(ClassifierModel.Train(TriageExamples.LoadShipped(), new TextSegmenter()));
        var (joins, suggests) = DuplicatePairs.Evaluate(pairs, thresholds, text => matters[classifier.Classify(text).Best.MatterCode].Category);
        Console.WriteLine($"labelled pairs: {pairs.Count} ({pairs.Count(p => p.IsDuplicate)} duplicate, {pairs.Count(p => !p.IsDuplicate)} distinct, {pairs.Count(p => p.MatterB is null)} without a matter)");
        Console.WriteLine($"thresholds: join at {thresholds.High}, suggest at {thresholds.Medium}");
        Console.WriteLine(joins);
        Console.WriteLine(suggests);
        return 0;
    }
}
