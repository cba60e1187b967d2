using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Zhifa.Server.Observability;

/// <summary>
/// The platform's own instruments, under the meter and activity source <see cref="Name"/>: what
/// comes in, what moves, how late the supervision ladder runs, and what waits. Prometheus names them
/// zhifa_clues_received_total, zhifa_incident_transitions_total, zhifa_deadline_lag_seconds and
/// zhifa_queue_depth (docs/observability.md).
/// </summary>
public sealed class PlatformMetrics
{
    public const string Name = "Zhifa";

    /// <summary>Spans of the platform's own work beside requests: the background workers' passes.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _clues;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _deadlineLag;

    public PlatformMetrics(IMeterFactory meters, QueueDepths depths)
    {
        var meter = meters.Create(Name);
        _clues = meter.CreateCounter<long>("zhifa.clues.received", "{clue}", "Clues taken in, by channel and whether they joined an incident");
        _transitions = meter.CreateCounter<long>("zhifa.incident.transitions", "{transition}",
            "Lines written to incidents' timelines, by action and the status it left the incident in");
        _deadlineLag = meter.CreateHistogram<double>("zhifa.deadline.lag", "s",
            "How long after its moment a supervision step (reminder, notice, escalation) was issued",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 900, 3600] });
        meter.CreateObservableGauge("zhifa.queue.depth", depths.Observe, "{item}", "Work waiting, by queue, at the last sample");
    }

    public void ClueReceived(string channel, bool joined) =>
        _clues.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("joined", joined));

    public void Transition(string action, string toStatus) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("to_status", toStatus));

    public void SupervisionStep(TimeSpan lag) => _deadlineLag.Record(Math.Max(0, lag.TotalSeconds));
}
