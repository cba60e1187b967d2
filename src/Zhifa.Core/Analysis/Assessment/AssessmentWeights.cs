namespace Zhifa.Core.Analysis.Assessment;

/// <summary>
/// How much each criterion counts. Only the proportions matter: the score divides by the weights of the
/// criteria that have a value, so 30/20/… and 0.3/0.2/… give the same scores.
/// </summary>
public sealed record AssessmentWeights
{
    /// <summary>The largest weight one criterion may have: far more than proportions need, small enough to read.</summary>
    public const double MaxWeight = 1000;

    private static readonly IReadOnlyDictionary<AssessmentCriterion, double> DefaultTable = new Dictionary<AssessmentCriterion, double>
    {
        [AssessmentCriterion.OnTimeRate] = 30,
        [AssessmentCriterion.ClosureRate] = 20,
        [AssessmentCriterion.ReturnRate] = 15,
        [AssessmentCriterion.ReworkRate] = 15,
        [AssessmentCriterion.ExtensionRate] = 10,
        [AssessmentCriterion.MeanHandlingMinutes] = 10,
    };

    /// <summary>The defaults (docs/assessment.md): timeliness first, then throughput, then the quality of the work.</summary>
    public static readonly AssessmentWeights Defaults = new(DefaultTable);

    private readonly IReadOnlyDictionary<AssessmentCriterion, double> _weights;

    /// <summary>
    /// A criterion not given keeps its default weight: a criterion added to the platform later starts
    /// with its default in a database that has not stored one.
    /// </summary>
    public AssessmentWeights(IReadOnlyDictionary<AssessmentCriterion, double> weights)
    {
        var complete = AssessmentCriteria.All.ToDictionary(c => c, c => weights.TryGetValue(c, out var w) ? w : DefaultTable[c]);
        if (Problems(complete).FirstOrDefault() is { Message: { } problem })
            throw new ArgumentException(problem, nameof(weights));
        _weights = complete;
    }

    public double this[AssessmentCriterion criterion] => _weights[criterion];

    /// <summary>Every criterion's weight, in the order of <see cref="AssessmentCriterion"/>.</summary>
    public IEnumerable<KeyValuePair<AssessmentCriterion, double>> All => AssessmentCriteria.All.Select(c => KeyValuePair.Create(c, _weights[c]));

    /// <summary>
    /// What is wrong with weights for every criterion: each must be a finite number from 0 to
    /// <see cref="MaxWeight"/> (the criterion named), and at least one positive (none named), or no score
    /// could be formed.
    /// </summary>
    public static IEnumerable<(AssessmentCriterion? Criterion, string Message)> Problems(IReadOnlyDictionary<AssessmentCriterion, double> weights)
    {
        foreach (var (criterion, weight) in weights)
            if (!double.IsFinite(weight) || weight < 0 || weight > MaxWeight)
                yield return (criterion, $"{criterion.ApiName()} is a weight from 0 to {MaxWeight}.");
        if (!weights.Values.Any(w => w > 0))
            yield return (null, "At least one weight is positive.");
    }
}
