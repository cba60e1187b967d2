using Zhifa.Core.Incidents;

namespace Zhifa.Core.Tests.Support;

/// <summary>Snapshot of an incident before an action, to check the one change it made.</summary>
internal readonly record struct Before(IncidentStatus Status, int Version, int TimelineCount)
{
    public static Before Of(Incident incident) => new(incident.Status, incident.Version, incident.Timeline.Count);

    /// <summary>Exactly one new timeline entry, the version bumped by one, and the entry says what happened.</summary>
    public TimelineEntry AssertOneEntry(Incident incident, string action, IncidentStatus to, string actor, DateTimeOffset at, string? note)
    {
        Assert.Equal(to, incident.Status);
        Assert.Equal(Version + 1, incident.Version);
        Assert.Equal(TimelineCount + 1, incident.Timeline.Count);
        var entry = incident.Timeline[^1];
        Assert.Equal(action, entry.Action);
        Assert.Equal(Status, entry.FromStatus);
        Assert.Equal(to, entry.ToStatus);
        Assert.Equal(actor, entry.Actor);
        Assert.Equal(at, entry.At);
        Assert.Equal(note, entry.Note);
        Assert.Equal(incident.Version, entry.Seq);
        Assert.Equal(incident.Id, entry.IncidentId);
        Assert.Equal(at, incident.UpdatedAt);
        return entry;
    }

    /// <summary>Nothing changed: same status, same version, no timeline entry.</summary>
    public void AssertUnchanged(Incident incident)
    {
        Assert.Equal(Status, incident.Status);
        Assert.Equal(Version, incident.Version);
        Assert.Equal(TimelineCount, incident.Timeline.Count);
    }
}
