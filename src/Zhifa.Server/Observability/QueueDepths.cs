using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;

namespace Zhifa.Server.Observability;

/// <summary>
/// What waits, as last sampled from the database: a gauge read at each scrape must not query, so
/// <see cref="QueueDepthSampler"/> counts every few seconds and the gauge reports the counts. Every
/// node samples the same database; a dashboard takes one node's figure (max), not their sum.
/// </summary>
public sealed class QueueDepths
{
    private volatile IReadOnlyDictionary<string, long> _last = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Last => _last;

    /// <summary>Counts the queues now: clocks whose next supervision step is due, incidents waiting for dispatch or a ruling, feedback owed to channels.</summary>
    public async Task SampleAsync(ZhifaDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        _last = new Dictionary<string, long>
        {
            ["deadline_steps_due"] = await db.Deadlines.LongCountAsync(d => d.EndedAt == null && d.PausedAt == null && d.NextEffectAt <= now, ct),
            ["awaiting_dispatch"] = await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Reported, ct),
            ["awaiting_ruling"] = await db.Incidents.LongCountAsync(i => i.Status == IncidentStatus.Disputed, ct),
            ["feedback_pending"] = await db.FeedbackDeliveries.LongCountAsync(f => f.Status == DeliveryStatus.Pending, ct),
        };
    }

    internal IEnumerable<Measurement<long>> Observe() =>
        _last.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key)));
}
