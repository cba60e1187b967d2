namespace Zhifa.Server.Features.Triage;

/// <summary>The <c>Triage:Classifier</c> configuration section.</summary>
public sealed class ClassifierOptions
{
    public const string Section = "Triage:Classifier";
    /// <summary>Intake shows a dispatcher at least this many matters to choose from.</summary>
    public const int MinSuggestions = 3;

    /// <summary>
    /// The confidence (the model's probability for its first matter) from which a clue may take that
    /// matter and be dispatched without a dispatcher. At 0.5, 68% of the shipped held-out examples reach
    /// it and 97% of those are right: 1.8% of all clues would go to a wrong department first
    /// (docs/performance.md, "Classifier").
    /// </summary>
    public double AutoDispatchThreshold { get; set; } = 0.5;

    /// <summary>How many matters a classification suggests, best first; never fewer than <see cref="MinSuggestions"/>.</summary>
    public int Suggestions { get; set; } = MinSuggestions;

    /// <summary>
    /// Where a retrained model is kept: relative paths are under the content root, as the SQLite file
    /// is. One file per node (decision 0016).
    /// </summary>
    public string ModelPath { get; set; } = "data/triage-model.zip";

    /// <summary>
    /// The newest dispatcher-decided clues a retraining takes at most: beyond this, older decisions
    /// add training time rather than accuracy.
    /// </summary>
    public int MaxDecidedExamples { get; set; } = 20_000;
}

/// <summary>One matter the classifier suggests, with the model's probability for it (0 to 1).</summary>
public sealed record MatterSuggestion(string MatterCode, double Confidence);

/// <summary>
/// What the classifier thinks of a clue's text: its matters, best first (at least three), and whether
/// the first is sure enough to dispatch on (<see cref="ClassifierOptions.AutoDispatchThreshold"/>).
/// </summary>
public sealed record ClassifierResult(IReadOnlyList<MatterSuggestion> Suggestions, bool IsConfident)
{
    public MatterSuggestion Best => Suggestions[0];
}
