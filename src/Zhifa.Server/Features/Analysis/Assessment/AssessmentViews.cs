using Zhifa.Core.Analysis.Assessment;

namespace Zhifa.Server.Features.Analysis.Assessment;

/// <param name="Value">The indicator the criterion reads, unrounded; null when it had nothing to divide by.</param>
/// <param name="SubScore">0–100, unrounded; null when the value is, and then the criterion's weight goes to the others.</param>
public sealed record CriterionView(string Criterion, double? Value, double? SubScore, double Weight)
{
    public static CriterionView Of(CriterionScore c) => new(c.Criterion.ApiName(), c.Value, c.SubScore, c.Weight);
}

/// <param name="Score">0–100, rounded to 2 decimals; null when not assessed.</param>
/// <param name="Rank">Competition rank (1, 2, 2, 4) among the assessed; null when not assessed.</param>
/// <param name="Indicators">The department's indicators of the month, as <c>/api/v1/analysis/indicators</c> gives them.</param>
public sealed record AssessmentRowView(string DepartmentCode, string? Name, double? Score, int? Rank, bool Assessed,
    IReadOnlyList<CriterionView> Criteria, IndicatorFigures Indicators)
{
    public static AssessmentRowView Of(AssessmentRow row) => new(row.DepartmentCode, row.Name, row.Score.Score, row.Rank, row.Score.Assessed,
        [.. row.Score.Criteria.Select(CriterionView.Of)], IndicatorFigures.Of(row.Indicators));
}

/// <param name="Month">yyyy-MM.</param>
/// <param name="From">The month's first day (Beijing).</param>
/// <param name="To">Its last day, included.</param>
/// <param name="ComputedAt">The moment open work of a month still running is judged at.</param>
public sealed record AssessmentReportView(string Month, string? RegionCode, DateOnly From, DateOnly To, DateTimeOffset ComputedAt,
    AssessmentWeightValues Weights, IReadOnlyList<AssessmentRowView> Rows)
{
    public static AssessmentReportView Of(AssessmentReport report) => new(
        report.Month.First.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), report.Region.Code,
        report.Month.First, report.Month.Last, report.ComputedAt, AssessmentWeightValues.Of(report.Weights),
        [.. report.Rows.Select(AssessmentRowView.Of)]);
}

/// <summary>A weight for each criterion, by the criterion's name: what PUT takes and GET answers.</summary>
public sealed record AssessmentWeightValues(double OnTimeRate, double ClosureRate, double ReturnRate, double ReworkRate,
    double ExtensionRate, double MeanHandlingMinutes)
{
    public static AssessmentWeightValues Of(AssessmentWeights w) => new(w[AssessmentCriterion.OnTimeRate], w[AssessmentCriterion.ClosureRate],
        w[AssessmentCriterion.ReturnRate], w[AssessmentCriterion.ReworkRate], w[AssessmentCriterion.ExtensionRate],
        w[AssessmentCriterion.MeanHandlingMinutes]);
}

/// <summary>The stored weights, the defaults beside them, and who set them last (null: the seeded defaults).</summary>
public sealed record AssessmentWeightsView(AssessmentWeightValues Weights, AssessmentWeightValues Defaults, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static AssessmentWeightsView Of(StoredWeights stored) =>
        new(AssessmentWeightValues.Of(stored.Weights), AssessmentWeightValues.Of(AssessmentWeights.Defaults), stored.UpdatedAt, stored.UpdatedBy);
}

/// <summary>Every criterion's weight, each required: a PUT replaces the whole set.</summary>
public sealed record AssessmentWeightsBody(double? OnTimeRate, double? ClosureRate, double? ReturnRate, double? ReworkRate,
    double? ExtensionRate, double? MeanHandlingMinutes)
{
    public IEnumerable<(AssessmentCriterion Criterion, double? Weight)> Given() =>
    [
        (AssessmentCriterion.OnTimeRate, OnTimeRate),
        (AssessmentCriterion.ClosureRate, ClosureRate),
        (AssessmentCriterion.ReturnRate, ReturnRate),
        (AssessmentCriterion.ReworkRate, ReworkRate),
        (AssessmentCriterion.ExtensionRate, ExtensionRate),
        (AssessmentCriterion.MeanHandlingMinutes, MeanHandlingMinutes),
    ];
}
