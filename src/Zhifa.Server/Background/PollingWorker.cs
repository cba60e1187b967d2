using Zhifa.Server.Observability;

namespace Zhifa.Server.Background;

/// <summary>
/// A background worker that drains what is due: one pass at start (what a stopped server left owing
/// goes at once), then one every <see cref="Interval"/> on the platform's clock, each pass in a DI
/// scope of its own and repeated while it finds work. A failed pass is logged, never the end of the
/// worker: a database hiccup is tried again at the next tick.
/// </summary>
public abstract class PollingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; answers how much it found (0: nothing more is due).</summary>
    protected abstract Task<int> PassAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // A span per tick when traces are collected: what a worker did, and what it queried.
                using var activity = PlatformMetrics.Activities.StartActivity($"{GetType().Name} pass");
                while (await PassAsync(scope.ServiceProvider, stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Worker} pass failed", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
