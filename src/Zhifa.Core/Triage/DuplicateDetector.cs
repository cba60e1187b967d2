using Zhifa.Core.Geo;

namespace Zhifa.Core.Triage;

/// <summary>A new report, as the duplicate check sees it. <see cref="MatterCode"/> null: the reporter did not know.</summary>
public sealed record DuplicateProbe(GeoPoint Point, string Text, DateTimeOffset At, string? MatterCode);

/// <summary>An open incident near the new report, with the text of its first report.</summary>
public sealed record OpenIncident(Guid Id, string Number, GeoPoint Point, string Summary, DateTimeOffset ReportedAt, string? MatterCode);

/// <summary>A candidate the new report may duplicate, best first.</summary>
public sealed record DuplicateMatch(Guid IncidentId, string Number, double DistanceMeters, double Score);

public enum DuplicateConfidence { None, Medium, High }

/// <summary>
/// The scores at or above which a report joins an incident by itself (High), or waits for a
/// dispatcher with the candidates shown (Medium). Calibrated on the shipped labelled pairs; see
/// docs/performance.md.
/// </summary>
public sealed record DuplicateThresholds(double High = 0.7, double Medium = 0.35)
{
    public DuplicateConfidence Of(double score) =>
        score >= High ? DuplicateConfidence.High : score >= Medium ? DuplicateConfidence.Medium : DuplicateConfidence.None;
}

/// <summary>
/// Ranks open incidents as duplicates of a new report (研判: 重复件). Only incidents within the
/// matter's radius and time window are candidates at all; among them, closeness in place and time
/// and the likeness of the texts make the score. A report without a matter can only be medium
/// confidence: without the matter, a dispatcher decides. Weights and thresholds come from the shipped
/// labelled pairs (Data/Seed/duplicate-pairs.csv); the measured precision and recall are in docs/performance.md.
/// </summary>
public static class DuplicateDetector
{
    private const double PlaceWeight = 0.3;
    private const double TimeWeight = 0.15;
    private const double TextWeight = 0.55;
    /// <summary>Naming the same shop, plate or number outweighs differences of wording.</summary>
    private const double SharedIdentifierBonus = 0.25;
    /// <summary>Naming different ones of a kind halves the score: it takes a near-identical report to still suggest it.</summary>
    private const double ConflictingIdentifierFactor = 0.5;
    public const int MaxCandidates = 3;

    public static IReadOnlyList<DuplicateMatch> Rank(DuplicateProbe probe, IEnumerable<OpenIncident> open, double radiusMeters, TimeSpan window)
    {
        var probeGrams = TextSimilarity.Bigrams(probe.Text);
        var matches = new List<DuplicateMatch>();
        foreach (var incident in open)
        {
            var distance = probe.Point.DistanceMeters(incident.Point);
            var age = probe.At - incident.ReportedAt;
            if (distance > radiusMeters || age > window || age < -window)
                continue;
            var text = TextSimilarity.Dice(probeGrams, TextSimilarity.Bigrams(incident.Summary));
            var score = PlaceWeight * (1 - distance / radiusMeters)
                + TimeWeight * (1 - Math.Abs(age.TotalHours) / window.TotalHours)
                + TextWeight * text;
            score = Identifiers.Relate(probe.Text, incident.Summary) switch
            {
                IdentifierRelation.Shared => Math.Min(1, score + SharedIdentifierBonus),
                IdentifierRelation.Conflict => score * ConflictingIdentifierFactor,
                _ => score,
            };
            matches.Add(new DuplicateMatch(incident.Id, incident.Number, Math.Round(distance, 1), Math.Round(score, 3)));
        }
        return [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.DistanceMeters).Take(MaxCandidates)];
    }

    /// <summary>How sure the best match is; a report without a matter never joins by itself.</summary>
    public static DuplicateConfidence Confidence(DuplicateProbe probe, DuplicateMatch? best, DuplicateThresholds thresholds)
    {
        if (best is null)
            return DuplicateConfidence.None;
        var confidence = thresholds.Of(best.Score);
        return confidence == DuplicateConfidence.High && probe.MatterCode is null ? DuplicateConfidence.Medium : confidence;
    }
}
