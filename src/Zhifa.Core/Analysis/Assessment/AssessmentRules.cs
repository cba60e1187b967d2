namespace Zhifa.Core.Analysis.Assessment;

/// <summary>One criterion of a department's assessment: the indicator it read, its 0–100 sub-score and its weight.</summary>
/// <param name="Value">The indicator, unrounded; null when the indicator has nothing to divide by.</param>
/// <param name="SubScore">0–100; null with the value, and the criterion then counts for nothing.</param>
public sealed record CriterionScore(AssessmentCriterion Criterion, double? Value, double? SubScore, double Weight);

/// <summary>A department's score for the month, or not assessed.</summary>
/// <param name="Score">Σ wᵢ·sᵢ ÷ Σ wᵢ over the criteria with a sub-score, rounded to 2 decimals; null when not assessed.</param>
public sealed record DepartmentScore(bool Assessed, double? Score, IReadOnlyList<CriterionScore> Criteria);

/// <summary>
/// The monthly department assessment (督查考核) from the situation indicators: sub-scores, the weighted
/// score and the ranking. docs/assessment.md states every formula; decision 0032 says why.
/// </summary>
public static class AssessmentRules
{
    /// <summary>
    /// One working day (8 working hours): the handle time limit of the common matters. A mean handling time
    /// at or under it scores 100; above it the sub-score falls as reference ÷ mean (twice as long, 50).
    /// </summary>
    public const double ReferenceHandlingMinutes = 480;

    /// <summary>Scores are rounded here, once, and ranked as rounded: two scores that read alike are a tie.</summary>
    public const int ScoreDecimals = 2;

    /// <summary>The criterion's indicator in the month.</summary>
    public static double? ValueOf(AssessmentCriterion criterion, IndicatorValues values) => criterion switch
    {
        AssessmentCriterion.OnTimeRate => values.OnTimeRate,
        AssessmentCriterion.ClosureRate => values.ClosureRate,
        AssessmentCriterion.ReturnRate => values.ReturnRate,
        AssessmentCriterion.ReworkRate => values.ReworkRate,
        AssessmentCriterion.ExtensionRate => values.ExtensionRate,
        AssessmentCriterion.MeanHandlingMinutes => values.MeanHandlingMinutes,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>The 0–100 sub-score of an indicator's value; null for a null value.</summary>
    public static double? SubScore(AssessmentCriterion criterion, double? value) => value is not { } v ? null : criterion switch
    {
        AssessmentCriterion.OnTimeRate => 100 * Share(v),
        // Above 1 when backlog is cleared: capped, so a department cannot buy back lateness with a big month.
        AssessmentCriterion.ClosureRate => 100 * Share(v),
        AssessmentCriterion.ReturnRate or AssessmentCriterion.ReworkRate or AssessmentCriterion.ExtensionRate => 100 * (1 - Share(v)),
        AssessmentCriterion.MeanHandlingMinutes => v <= ReferenceHandlingMinutes ? 100 : 100 * ReferenceHandlingMinutes / v,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>
    /// Whether there is anything to assess: work closed in the month, or work open and overdue at its end.
    /// A department with neither (only new work, not yet due) has earned neither 0 nor 100.
    /// </summary>
    public static bool HasWork(IndicatorValues values) => values.Closed > 0 || values.OpenOverdue > 0;

    /// <summary>
    /// The department's score: the weighted mean of the sub-scores that exist. A criterion without a value
    /// is left out with its weight, so the others' weights are scaled up to fill it. Not assessed when it
    /// had no work (<see cref="HasWork"/>), or when no criterion with a positive weight has a value.
    /// </summary>
    public static DepartmentScore Score(IndicatorValues values, AssessmentWeights weights)
    {
        var criteria = weights.All.Select(w =>
        {
            var value = ValueOf(w.Key, values);
            return new CriterionScore(w.Key, value, SubScore(w.Key, value), w.Value);
        }).ToList();
        var counted = criteria.Where(c => c.SubScore is not null && c.Weight > 0).ToList();
        if (!HasWork(values) || counted.Count == 0)
            return new DepartmentScore(false, null, criteria);
        var score = counted.Sum(c => c.Weight * c.SubScore!.Value) / counted.Sum(c => c.Weight);
        return new DepartmentScore(true, Math.Round(score, ScoreDecimals, MidpointRounding.AwayFromZero), criteria);
    }

    /// <summary>
    /// Competition ranking (1, 2, 2, 4) by score descending among the assessed; ties, and then the
    /// not assessed (rank null), in department-code order so that the list reads the same every time.
    /// </summary>
    public static IReadOnlyList<(T Item, int? Rank)> Rank<T>(IEnumerable<T> items, Func<T, string> code, Func<T, DepartmentScore> score)
    {
        var ordered = items
            .OrderBy(i => score(i).Assessed ? 0 : 1)
            .ThenByDescending(i => score(i).Score ?? double.MinValue)
            .ThenBy(code, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<(T, int?)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = score(ordered[i]);
            int? rank = !s.Assessed ? null
                : i > 0 && ranked[i - 1].Item2 is { } previous && score(ordered[i - 1]).Score == s.Score ? previous
                : i + 1;
            ranked.Add((ordered[i], rank));
        }
        return ranked;
    }

    private static double Share(double rate) => Math.Clamp(rate, 0, 1);
}
