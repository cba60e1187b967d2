using Microsoft.Extensions.Options;

namespace Zhifa.Server.Features.Supervision;

/// <summary>
/// Climbs the supervision ladder of every due clock: at start (what a stopped server left owing is
/// issued at once), then every few seconds on the platform's clock. Several nodes may run it at
/// once; <see cref="SupervisionSweep"/> makes each step happen once.
/// </summary>
public sealed class SupervisionWorker(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider time, ILogger<SupervisionWorker> logger)
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
                var sweep = scope.ServiceProvider.GetRequiredService<SupervisionSweep>();
                while (await sweep.RunAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database hiccup must not end the worker: the next tick tries again.
                logger.LogError(e, "Supervision pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
