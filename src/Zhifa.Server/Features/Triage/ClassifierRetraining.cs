using System.Diagnostics;
using Microsoft.Extensions.Options;
using Zhifa.Data;

namespace Zhifa.Server.Features.Triage;

/// <summary>What a retraining learnt from and how well it does on the held-out shipped examples.</summary>
public sealed record RetrainReport(int Examples, int ShippedExamples, int DecidedExamples, HeldOutAccuracy HeldOut, long ElapsedMilliseconds);

/// <summary>
/// Retrains the classifier from the shipped examples and the dispatchers' decisions, keeps the model
/// in this node's file and puts it in use. Used by <c>POST /api/v1/triage/retrain</c> and the
/// <c>retrain</c> command.
/// </summary>
public sealed class ClassifierRetraining(
    ClueClassifier classifier, TextSegmenter segmenter, IServiceScopeFactory scopes, IOptions<ClassifierOptions> options, IHostEnvironment environment)
{
    // Training takes a core for seconds; two at once on a node would only slow each other and race for the file.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The model file: <see cref="ClassifierOptions.ModelPath"/>, under the content root when relative.</summary>
    public string ModelFile => Path.Combine(environment.ContentRootPath, options.Value.ModelPath);

    public async Task<RetrainReport> RetrainAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var clock = Stopwatch.StartNew();
            var shipped = TriageExamples.LoadShipped();
            IReadOnlyList<TriageExample> decided;
            await using (var scope = scopes.CreateAsyncScope())
                decided = await TriageExamples.DecidedAsync(scope.ServiceProvider.GetRequiredService<ZhifaDbContext>(), options.Value.MaxDecidedExamples, ct);
            var (training, heldOut) = TriageExamples.Split(shipped);
            // The held-out part is always the same shipped examples, so the figure compares across retrainings;
            // the dispatchers' decisions only ever train. The model put in use then learns from everything.
            var measured = await Task.Run(() => ClassifierModel.Train([.. training, .. decided], segmenter, ct).Measure(heldOut), ct);
            var model = await Task.Run(() => ClassifierModel.Train([.. shipped, .. decided], segmenter, ct), ct);
            model.Save(ModelFile);
            classifier.Use(model);
            return new RetrainReport(shipped.Count + decided.Count, shipped.Count, decided.Count, measured, clock.ElapsedMilliseconds);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
