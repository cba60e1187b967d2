using Microsoft.Extensions.Options;

namespace Zhifa.Server.Features.Triage;

/// <summary>The classifier has no model yet: it is still training at start-up, or training failed.</summary>
public sealed class ClassifierNotReadyException() : InvalidOperationException("The clue classifier has no model yet.");

/// <summary>
/// Suggests the matter of a clue from its text (研判: 事项识别). One per node; thread-safe and lock-free:
/// the current model is one reference, read once per call, and a retrained model replaces it whole, so a
/// call in flight finishes on the model it started with.
/// </summary>
public sealed class ClueClassifier(IOptions<ClassifierOptions> options)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ClassifierModel? _model;

    public ClassifierOptions Options => options.Value;

    /// <summary>Completes when the first model is in use; faults when the start-up training failed.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _model is not null;

    /// <summary>The model in use, if any.</summary>
    internal ClassifierModel? Model => _model;

    /// <summary>The matters of <paramref name="text"/>, best first.</summary>
    /// <exception cref="ClassifierNotReadyException">No model yet; see <see cref="TryClassify"/>.</exception>
    public ClassifierResult Classify(string text) => TryClassify(text) ?? throw new ClassifierNotReadyException();

    /// <summary>
    /// The matters of <paramref name="text"/>, best first, or null while there is no model: intake then
    /// treats the clue as one the classifier could not place, and a dispatcher decides.
    /// </summary>
    public ClassifierResult? TryClassify(string text)
    {
        var model = _model;
        if (model is null)
            return null;
        var scores = model.Score(text);
        var count = Math.Min(Math.Max(Options.Suggestions, ClassifierOptions.MinSuggestions), scores.Length);
        var suggestions = scores
            .Select((score, i) => new MatterSuggestion(model.MatterCodes[i], Math.Round(Math.Clamp(score, 0, 1), 4)))
            // Ties (rare, and only after rounding) go by code, so the same text always answers the same list.
            .OrderByDescending(s => s.Confidence).ThenBy(s => s.MatterCode, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        return new ClassifierResult(suggestions, suggestions[0].Confidence >= Options.AutoDispatchThreshold);
    }

    /// <summary>Puts <paramref name="model"/> in use for every call from now on.</summary>
    public void Use(ClassifierModel model)
    {
        _model = model;
        _ready.TrySetResult();
    }

    /// <summary>
    /// Puts the start-up's model in use unless a retraining finished first: a retraining that overtook
    /// a slow start-up training must not be undone by it.
    /// </summary>
    internal void UseFirst(ClassifierModel model)
    {
        Interlocked.CompareExchange(ref _model, model, null);
        _ready.TrySetResult();
    }

    /// <summary>The start-up training failed: waiters learn why, and calls keep answering "not ready".</summary>
    internal void Fail(Exception error) => _ready.TrySetException(error);
}
