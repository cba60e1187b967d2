using Zhifa.Data;
using Zhifa.Server.Background;

namespace Zhifa.Server.Observability;

/// <summary>Samples <see cref="QueueDepths"/> at start and every <c>Observability:SampleSeconds</c> (15 by default).</summary>
public sealed class QueueDepthSampler(IServiceScopeFactory scopes, QueueDepths depths, IConfiguration configuration, TimeProvider clock,
    ILogger<QueueDepthSampler> logger) : PollingWorker(scopes, clock, logger)
{
    protected override bool Enabled => configuration.GetValue("Observability:SamplerEnabled", true);
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Observability:SampleSeconds", 15));

    protected override async Task<int> PassAsync(IServiceProvider services, CancellationToken ct)
    {
        await depths.SampleAsync(services.GetRequiredService<ZhifaDbContext>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
        return 0;
    }
}
