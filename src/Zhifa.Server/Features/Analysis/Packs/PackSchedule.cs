using Microsoft.Extensions.Options;
using Zhifa.Core.Time;
using Zhifa.Data.Analysis;
using Zhifa.Server.Background;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary><c>Packs</c> in configuration: the schedule that makes each centre's packs.</summary>
public sealed class PackOptions
{
    public bool SchedulerEnabled { get; set; } = true;
    public int PollMinutes { get; set; } = 10;
}

/// <summary>
/// Makes each command centre's 日关注 once its day has ended, 周研判 once its ISO week has, and 月会商 once its
/// month has: the last ended period of each kind, once per centre (<see cref="PackStore.ScheduleAsync"/>).
/// A server stopped over a boundary makes the pack at its next pass; periods before the last are not made up.
/// </summary>
public sealed class PackSchedule(PackStore store, ReferenceData reference, TimeProvider time, ILogger<PackSchedule> logger)
{
    /// <summary>Makes what is due now; answers how many packs it made.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = PlatformTime.LocalDate(time.GetUtcNow());
        var made = 0;
        foreach (var kind in Enum.GetValues<AnalysisPackKind>())
        {
            var period = PackPeriods.LastEnded(kind, today);
            foreach (var center in reference.CommandCenters.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                try
                {
                    if (await store.ScheduleAsync(kind, center, period, ct))
                        made++;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One centre's failure must not hold back the others' packs; the next pass tries it again.
                    logger.LogError(error, "Could not make the {Kind} pack {Period} of {Center}", kind, period, center.Code);
                    store.Forget();
                }
            }
        }
        if (made > 0)
            logger.LogInformation("Made {Count} analysis packs", made);
        return made;
    }
}

/// <summary>Runs <see cref="PackSchedule"/> at start and every few minutes.</summary>
public sealed class PackScheduler(IServiceScopeFactory scopes, IOptions<PackOptions> options, TimeProvider time, ILogger<PackScheduler> logger)
    : PollingWorker(scopes, time, logger)
{
    protected override bool Enabled => options.Value.SchedulerEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override Task<int> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<PackSchedule>().RunAsync(ct);
}
