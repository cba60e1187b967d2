using Zhifa.Core.Incidents;

namespace Zhifa.Server.Features.Deadlines;

/// <summary>An incident with its worst light as a number (green 0, yellow 1, red 2; null when no clock runs).</summary>
public sealed record LitIncident(Incident Incident, int? Light);

public static class Lights
{
    /// <summary>
    /// Each incident with the worst light of its open clocks at <paramref name="now"/>, worked out in
    /// SQL from the stored yellow and due moments, so that lists filter and count by light without
    /// loading clocks. A paused clock shows the light it had when paused, as <see cref="Deadline.LightAt"/> does.
    /// </summary>
    public static IQueryable<LitIncident> WithLight(this IQueryable<Incident> incidents, DateTimeOffset now) =>
        incidents.Select(i => new LitIncident(i, i.Deadlines.Where(d => d.EndedAt == null)
            .Max(d => (int?)((d.PausedAt ?? now) >= d.DueAt ? (int)TrafficLight.Red
                : (d.PausedAt ?? now) >= d.YellowAt ? (int)TrafficLight.Yellow : (int)TrafficLight.Green))));
}
