using System.Diagnostics;

namespace Zhifa.Server.Features.Triage;

/// <summary>
/// Gives the classifier its first model without holding up the server's start: the retrained model
/// kept on this node when there is one, else one trained from the shipped examples (a few seconds).
/// Until then the classify endpoint answers 503 and readiness reports the classifier degraded; intake
/// and the incident life cycle do not wait for it (decision 0016).
/// </summary>
internal sealed class ClassifierStartup(
    ClueClassifier classifier, ClassifierRetraining retraining, TextSegmenter segmenter, ILogger<ClassifierStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var clock = Stopwatch.StartNew();
            segmenter.Warm();
            if (Load() is { } kept)
            {
                classifier.UseFirst(kept);
                logger.LogInformation("Classifier loaded from {Path} in {Elapsed} ms", retraining.ModelFile, clock.ElapsedMilliseconds);
                return;
            }
            var shipped = TriageExamples.LoadShipped();
            classifier.UseFirst(ClassifierModel.Train(shipped, segmenter, stoppingToken));
            logger.LogInformation("Classifier trained on {Count} shipped examples in {Elapsed} ms", shipped.Count, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stopped first (a short-lived test server, Ctrl+C at start): nothing to report.
        }
        catch (Exception e)
        {
            logger.LogError(e, "The classifier could not get a model; classification answers 503 until a retraining succeeds");
            classifier.Fail(e);
        }
    }, CancellationToken.None);

    /// <summary>The model this node kept from its last retraining; an unreadable one is set aside for a fresh training.</summary>
    private ClassifierModel? Load()
    {
        if (!File.Exists(retraining.ModelFile))
            return null;
        try
        {
            return ClassifierModel.Load(retraining.ModelFile, segmenter);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The kept model {Path} could not be read; training from the shipped examples instead", retraining.ModelFile);
            return null;
        }
    }
}
