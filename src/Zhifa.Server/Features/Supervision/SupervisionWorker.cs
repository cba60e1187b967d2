using Microsoft.Extensions.Options;
using Zhifa.Server.Background;

namespace Zhifa.Server.Features.Supervision;

/// <summary>
/// Climbs the supervision ladder of every due clock, at start and then every few seconds. Several
/// nodes may run it at once; <see cref="SupervisionSweep"/> makes each step happen once.
/// </summary>
public sealed class SupervisionWorker(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider time, ILogger<SupervisionWorker> logger)
    : PollingWorker(scopes, time, logger)
{
    protected override bool Enabled => options.Value.WorkerEnabled;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task<int> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SupervisionSweep>().RunAsync(ct);
}
