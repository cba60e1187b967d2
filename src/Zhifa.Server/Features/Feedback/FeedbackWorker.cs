using Microsoft.Extensions.Options;
using Zhifa.Server.Background;

namespace Zhifa.Server.Features.Feedback;

/// <summary>Delivers due feedback at start, then every few seconds on the platform's clock.</summary>
public sealed class FeedbackWorker(IServiceScopeFactory scopes, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackWorker> logger)
    : PollingWorker(scopes, time, logger)
{
    protected override bool Enabled => options.Value.WorkerEnabled;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task<int> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<FeedbackSender>().DeliverDueAsync(ct);
}
