using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Zhifa.Server.Features.Triage;

/// <summary>A row the model reads. ML.NET binds columns by public property.</summary>
public sealed class ClueText
{
    /// <summary>The matter code when training; empty when predicting (the label's key mapping is part of the model and needs the column).</summary>
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The text's jieba words, space-separated.</summary>
    public string Tokens { get; set; } = "";
}

/// <summary>The model's answer: one probability per matter, in the order of <see cref="ClassifierModel.MatterCodes"/>.</summary>
public sealed class MatterScores
{
    public float[] Score { get; set; } = [];
}

/// <summary>Top-1 and top-3 accuracy on examples the model did not learn from.</summary>
public sealed record HeldOutAccuracy(int Examples, double Top1, double Top3);

/// <summary>
/// One trained classifier: jieba words (unigrams and bigrams) and character unigrams and bigrams of the
/// raw text, into a multiclass maximum-entropy model (SDCA), whose scores are a softmax over the matters.
/// Immutable once made, so a retrained model replaces it whole.
/// </summary>
/// <remarks>
/// Word n-grams alone miss words jieba cuts differently in a new text; character bigrams catch them, and
/// the pair measured best on the held-out examples (docs/performance.md). One SDCA thread and a fixed seed
/// make training deterministic. A <see cref="PredictionEngine{TSrc,TDst}"/> is not thread-safe, so each
/// call borrows one from a pool.
/// </remarks>
public sealed class ClassifierModel
{
    private const int Seed = 20261127;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly TextSegmenter _segmenter;
    private readonly ObjectPool<PredictionEngine<ClueText, MatterScores>> _engines;

    private ClassifierModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, TextSegmenter segmenter)
    {
        _transformer = transformer;
        _inputSchema = inputSchema;
        _segmenter = segmenter;
        _engines = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 }
            .Create(new EnginePolicy(ml, transformer));
        var probe = _engines.Get();
        VBuffer<ReadOnlyMemory<char>> names = default;
        probe.OutputSchema["Score"].GetSlotNames(ref names);
        MatterCodes = [.. names.DenseValues().Select(n => n.ToString())];
        _engines.Return(probe);
    }

    /// <summary>The matters the model knows, in the order of its scores.</summary>
    public IReadOnlyList<string> MatterCodes { get; }

    /// <summary>The model's probability for each matter. Thread-safe.</summary>
    public float[] Score(string text)
    {
        var input = new ClueText { Text = text, Tokens = _segmenter.Tokens(text) };
        var engine = _engines.Get();
        try
        {
            return engine.Predict(input).Score;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>
    /// Learns from <paramref name="examples"/>. Cancelling is seen before and after the fit only: ML.NET
    /// keeps its way to stop a fit internal, so a fit under way runs to its end (seconds).
    /// </summary>
    public static ClassifierModel Train(IEnumerable<TriageExample> examples, TextSegmenter segmenter, CancellationToken ct = default)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(Rows(examples, segmenter));
        ct.ThrowIfCancellationRequested();
        var transformer = Pipeline(ml).Fit(data);
        ct.ThrowIfCancellationRequested();
        return new ClassifierModel(ml, transformer, data.Schema, segmenter);
    }

    /// <summary>Top-1 and top-3 accuracy on <paramref name="heldOut"/>, which this model must not have learnt from.</summary>
    public HeldOutAccuracy Measure(IReadOnlyCollection<TriageExample> heldOut)
    {
        var ml = new MLContext(Seed);
        var predictions = _transformer.Transform(ml.Data.LoadFromEnumerable(Rows(heldOut, _segmenter)));
        var metrics = ml.MulticlassClassification.Evaluate(predictions, topKPredictionCount: ClassifierOptions.MinSuggestions);
        return new HeldOutAccuracy(heldOut.Count, metrics.MicroAccuracy, metrics.TopKAccuracy);
    }

    /// <summary>
    /// Writes the model to <paramref name="path"/> by way of a temporary file in the same folder and a
    /// rename, so a reader (another process, a crash halfway) sees the old file or the new, never a part.
    /// </summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                new MLContext(Seed).Model.Save(_transformer, _inputSchema, stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static ClassifierModel Load(string path, TextSegmenter segmenter)
    {
        var ml = new MLContext(Seed);
        var transformer = ml.Model.Load(path, out var schema);
        return new ClassifierModel(ml, transformer, schema, segmenter);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey(nameof(ClueText.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Words", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = null,
            }, nameof(ClueText.Tokens)))
            .Append(ml.Transforms.Text.FeaturizeText("Chars", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = null,
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            }, nameof(ClueText.Text)))
            .Append(ml.Transforms.Concatenate("Features", "Words", "Chars"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options { NumberOfThreads = 1 }));

    private static IEnumerable<ClueText> Rows(IEnumerable<TriageExample> examples, TextSegmenter segmenter) =>
        examples.Select(e => new ClueText { Label = e.MatterCode, Text = e.Text, Tokens = segmenter.Tokens(e.Text) }).ToList();

    private sealed class EnginePolicy(MLContext ml, ITransformer transformer) : PooledObjectPolicy<PredictionEngine<ClueText, MatterScores>>
    {
        public override PredictionEngine<ClueText, MatterScores> Create() => ml.Model.CreatePredictionEngine<ClueText, MatterScores>(transformer);

        public override bool Return(PredictionEngine<ClueText, MatterScores> engine) => true;
    }
}
