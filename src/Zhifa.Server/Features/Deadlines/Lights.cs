using Zhifa.Core.Incidents;

namespace Zhifa.Server.Features.Deadlines;

/// <summary>An incident with its worst light as a number (green 0, yellow 1, red 2; null when no clock runs).</summary>
/// <remarks>Built by member initialisation, not a constructor: EF Core orders and pages by members it can see set.</remarks>
public sealed class LitIncident
{
    public required Incident Incident { get; init; }
    public int? Light { get; init; }
    /// <summary>When the running clock due first runs out; null when none runs (a paused clock's due time moves on resumption).</summary>
    public DateTimeOffset? DueAt { get; init; }
}

public static class Lights
{
    /// <summary>
    /// Each incident with the worst light of its open clocks at <paramref name="now"/>, worked out in
    /// SQL from the stored yellow and due moments, so that lists filter and count by light without
    /// loading clocks. A paused clock shows the light it had when paused, as <see cref="Deadline.LightAt"/> does.
    /// </summary>
    public static IQueryable<LitIncident> WithLight(this IQueryable<Incident> incidents, DateTimeOffset now) =>
        incidents.Select(i => new LitIncident
        {
            Incident = i,
            Light = i.Deadlines.Where(d => d.EndedAt == null)
                .Max(d => (int?)((d.PausedAt ?? now) >= d.DueAt ? (int)TrafficLight.Red
                    : (d.PausedAt ?? now) >= d.YellowAt ? (int)TrafficLight.Yellow : (int)TrafficLight.Green)),
            DueAt = i.Deadlines.Where(d => d.EndedAt == null && d.PausedAt == null).Min(d => (DateTimeOffset?)d.DueAt),
        });

    /// <summary>The incidents whose worst open light at <paramref name="now"/> is one of <paramref name="lights"/>.</summary>
    public static IQueryable<Incident> WhereLight(this IQueryable<Incident> incidents, IReadOnlyCollection<TrafficLight> lights, DateTimeOffset now)
    {
        var (red, yellow, green) = (lights.Contains(TrafficLight.Red), lights.Contains(TrafficLight.Yellow), lights.Contains(TrafficLight.Green));
        return incidents.Where(i =>
            (red && i.Deadlines.Any(d => d.EndedAt == null && (d.PausedAt ?? now) >= d.DueAt))
            || (yellow && !i.Deadlines.Any(d => d.EndedAt == null && (d.PausedAt ?? now) >= d.DueAt)
                && i.Deadlines.Any(d => d.EndedAt == null && (d.PausedAt ?? now) >= d.YellowAt))
            || (green && i.Deadlines.Any(d => d.EndedAt == null)
                && !i.Deadlines.Any(d => d.EndedAt == null && (d.PausedAt ?? now) >= d.YellowAt)));
    }
}
