namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>A rule that fired: its window, how many incidents it counted, and which, oldest first.</summary>
public sealed record RiskWarning(Guid RuleId, string RuleName, WarningSeverity Severity, int Threshold, DateTimeOffset After, DateTimeOffset UpTo, int Count, Guid[] IncidentIds);

/// <summary>Evaluates the warning rules at an instant (docs/hotspots.md).</summary>
public static class RiskWarnings
{
    /// <summary>
    /// The warnings of the enabled rules at <paramref name="at"/>: each rule whose matching reports with
    /// reportedAt ∈ (at − window, at] number its threshold or more. Loudest first, then by count.
    /// </summary>
    public static RiskWarning[] Evaluate(IEnumerable<WarningRule> rules, IReadOnlyCollection<SpotReport> reports, DateTimeOffset at)
    {
        var warnings = new List<RiskWarning>();
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            var (after, upTo) = rule.WindowAt(at);
            var matched = reports.Where(r => r.ReportedAt > after && r.ReportedAt <= upTo && rule.Matches(r))
                .OrderBy(r => r.ReportedAt).ThenBy(r => r.IncidentId).Select(r => r.IncidentId).ToArray();
            if (matched.Length >= rule.Threshold)
                warnings.Add(new RiskWarning(rule.Id, rule.Name, rule.Severity, rule.Threshold, after, upTo, matched.Length, matched));
        }
        return [.. warnings.OrderByDescending(w => w.Severity).ThenByDescending(w => w.Count).ThenBy(w => w.RuleName, StringComparer.Ordinal).ThenBy(w => w.RuleId)];
    }
}
