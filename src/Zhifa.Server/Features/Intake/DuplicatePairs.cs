using System.Globalization;
using Zhifa.Core.Geo;
using Zhifa.Core.Matters;
using Zhifa.Core.Triage;
using Zhifa.Server.Data.Seeding;

namespace Zhifa.Server.Features.Intake;

/// <summary>Precision and recall of one decision of the duplicate check over the labelled pairs.</summary>
public sealed record DuplicateScore(string Decision, int Pairs, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Decision}: {Pairs} pairs, precision {Precision:P1} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:P1} ({TruePositives}/{TruePositives + FalseNegatives})");
}

/// <summary>
/// The shipped labelled pairs (Data/Seed/duplicate-pairs.csv): an open incident's first report (A),
/// a later report (B), and whether B repeats A. The duplicate check is scored on them twice: "joins"
/// counts only what it would join by itself, "suggests" everything it puts before a dispatcher too.
/// A pair whose B has no matter is searched by the category the classifier names for B's text, as
/// intake does.
/// </summary>
public static class DuplicatePairs
{
    public sealed record Pair(string Id, bool IsDuplicate, Matter MatterA, string TextA, GeoPoint A, string? MatterB, string TextB, GeoPoint B, TimeSpan Apart);

    public static List<Pair> Load(string seedDirectory, IReadOnlyDictionary<string, Matter> matters) =>
        Csv.ReadRecords(Path.Combine(seedDirectory, "duplicate-pairs.csv")).Select(row => new Pair(
            row["pairId"], row["label"] == "duplicate", matters[row["matterA"]], row["textA"], Point(row, "A"),
            row["matterB"].Length == 0 ? null : row["matterB"], row["textB"], Point(row, "B"),
            TimeSpan.FromMinutes(int.Parse(row["minutesApart"], CultureInfo.InvariantCulture)))).ToList();

    /// <param name="categoryOf">The category intake would search for a text without a matter (the classifier's best), or null.</param>
    public static (DuplicateScore Joins, DuplicateScore Suggests) Evaluate(IEnumerable<Pair> pairs, DuplicateThresholds thresholds, Func<string, string?> categoryOf)
    {
        var joins = new int[3];
        var suggests = new int[3];
        var count = 0;
        foreach (var pair in pairs)
        {
            count++;
            var confidence = Judge(pair, thresholds, categoryOf);
            Tally(joins, pair.IsDuplicate, confidence == DuplicateConfidence.High);
            Tally(suggests, pair.IsDuplicate, confidence != DuplicateConfidence.None);
        }
        return (new("joins", count, joins[0], joins[1], joins[2]), new("suggests", count, suggests[0], suggests[1], suggests[2]));
    }

    public static DuplicateConfidence Judge(Pair pair, DuplicateThresholds thresholds, Func<string, string?> categoryOf)
    {
        // Intake compares B only with incidents of its own matter (or of its guessed category, when it has none).
        if (pair.MatterB is null ? categoryOf(pair.TextB) != pair.MatterA.Category : pair.MatterB != pair.MatterA.Code)
            return DuplicateConfidence.None;
        var reportedAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var probe = new DuplicateProbe(pair.B, pair.TextB, reportedAt + pair.Apart, pair.MatterB);
        var open = new OpenIncident(Guid.Empty, pair.Id, pair.A, pair.TextA, reportedAt, pair.MatterA.Code);
        var ranked = DuplicateDetector.Rank(probe, [open], pair.MatterA.DuplicateRadiusMeters, TimeSpan.FromHours(pair.MatterA.DuplicateWindowHours));
        return DuplicateDetector.Confidence(probe, ranked.FirstOrDefault(), thresholds);
    }

    private static void Tally(int[] counts, bool actual, bool predicted)
    {
        if (predicted && actual)
            counts[0]++;
        else if (predicted)
            counts[1]++;
        else if (actual)
            counts[2]++;
    }

    private static GeoPoint Point(IReadOnlyDictionary<string, string> row, string side) => new(
        double.Parse(row[$"lat{side}"], CultureInfo.InvariantCulture), double.Parse(row[$"lon{side}"], CultureInfo.InvariantCulture));
}
