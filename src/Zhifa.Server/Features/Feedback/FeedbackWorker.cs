using Microsoft.Extensions.Options;

namespace Zhifa.Server.Features.Feedback;

/// <summary>Looks for due feedback at start (what a restart left owing goes out at once), then every few seconds on the platform's clock.</summary>
public sealed class FeedbackWorker(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // Drain what is due, a batch at a time, before waiting again.
                while (await scope.ServiceProvider.GetRequiredService<FeedbackSender>().DeliverDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup must not end the worker: the next tick tries again.
                logger.LogError(e, "Feedback delivery pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
