namespace Zhifa.Core.Analysis.Assessment;

/// <summary>
/// One criterion's stored weight (table AssessmentWeights, a row per criterion): kept by supervisors,
/// analysts and the admin, seeded with <see cref="AssessmentWeights.Defaults"/>.
/// </summary>
public sealed class AssessmentWeightSetting
{
    public const int MaxUserNameLength = 256;

    public AssessmentCriterion Criterion { get; set; }
    public double Weight { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Who set it last; null for the seeded default.</summary>
    public string? UpdatedBy { get; set; }
}
