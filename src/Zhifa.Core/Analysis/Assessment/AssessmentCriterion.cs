namespace Zhifa.Core.Analysis.Assessment;

/// <summary>
/// What the monthly assessment (督查考核) judges a department on. Each criterion is named after the
/// indicator it reads (docs/indicators.md); its sub-score says which way is good (docs/assessment.md).
/// </summary>
public enum AssessmentCriterion
{
    /// <summary>On-time closure rate: 100 · rate.</summary>
    OnTimeRate,
    /// <summary>Closure rate, capped at 1: clearing backlog earns no more than keeping up.</summary>
    ClosureRate,
    /// <summary>Mis-dispatch (退回) rate: 100 · (1 − rate).</summary>
    ReturnRate,
    /// <summary>Rework rate: 100 · (1 − rate).</summary>
    ReworkRate,
    /// <summary>Extension rate: 100 · (1 − rate).</summary>
    ExtensionRate,
    /// <summary>Mean handling time against <see cref="AssessmentRules.ReferenceHandlingMinutes"/>.</summary>
    MeanHandlingMinutes,
}

public static class AssessmentCriteria
{
    public static readonly IReadOnlyList<AssessmentCriterion> All = Enum.GetValues<AssessmentCriterion>();

    /// <summary>The criterion's API name: the indicator's, camel case.</summary>
    public static string ApiName(this AssessmentCriterion criterion)
    {
        var name = criterion.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string? apiName, out AssessmentCriterion criterion)
    {
        criterion = default;
        var match = All.Where(c => c.ApiName() == apiName).ToList();
        if (match.Count == 0)
            return false;
        criterion = match[0];
        return true;
    }
}
