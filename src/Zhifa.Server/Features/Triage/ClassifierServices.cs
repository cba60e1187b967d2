using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Zhifa.Server.Features.Triage;

public static class ClassifierServices
{
    /// <summary>The classifier, its start-up training and its retraining; configured by <c>Triage:Classifier</c>.</summary>
    public static IServiceCollection AddZhifaClassifier(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section)
            .Validate(o => o.AutoDispatchThreshold is >= 0 and <= 1, "Triage:Classifier:AutoDispatchThreshold is a probability, 0 to 1.")
            .Validate(o => o.Suggestions >= ClassifierOptions.MinSuggestions, $"Triage:Classifier:Suggestions is at least {ClassifierOptions.MinSuggestions}.")
            .Validate(o => o.MaxDecidedExamples >= 0, "Triage:Classifier:MaxDecidedExamples is not negative.")
            .ValidateOnStart();
        services.AddSingleton<TextSegmenter>();
        services.AddSingleton<ClueClassifier>();
        services.AddSingleton<ClassifierRetraining>();
        services.AddHostedService<ClassifierStartup>();
        return services;
    }
}

/// <summary>
/// Part of /health/ready: degraded, not unhealthy, while the classifier has no model, because intake and
/// the life cycle work without it (clues then wait for a dispatcher); the status shows why suggestions are missing.
/// </summary>
internal sealed class ClassifierHealth(ClueClassifier classifier) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(classifier.IsReady ? HealthCheckResult.Healthy()
            : classifier.Ready.IsFaulted ? HealthCheckResult.Degraded("The classifier could not get a model; see the log.", classifier.Ready.Exception)
            : HealthCheckResult.Degraded("The classifier is training."));
}
