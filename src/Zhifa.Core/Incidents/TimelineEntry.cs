namespace Zhifa.Core.Incidents;

/// <summary>One line of an incident's history: who did what, when, and what it changed.</summary>
public sealed class TimelineEntry
{
    /// <summary>Room for "apikey:" and a key's longest name.</summary>
    public const int MaxActorLength = 80;
    public const int MaxNoteLength = 2000;

    public Guid IncidentId { get; init; }
    /// <summary>Position in the incident's history, from 1; equals the incident's version after the change.</summary>
    public int Seq { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public IncidentStatus? FromStatus { get; init; }
    public IncidentStatus ToStatus { get; init; }
    public required string Actor { get; init; }
    public string? Note { get; init; }
}
