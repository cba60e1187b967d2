namespace Zhifa.Server.Features.Intake;

/// <summary>POST /api/v1/clues. Nullable throughout so that missing fields are named, not defaulted.</summary>
public sealed record ClueRequest(
    string? Channel,
    string? ExternalId,
    string? Text,
    string? MatterCode,
    double? Lat,
    double? Lon,
    string? Crs,
    string? Address,
    string? ReporterName,
    string? ReporterPhone,
    Guid[]? MediaIds,
    DateTimeOffset? OccurredAt);

/// <summary>The answer to an accepted clue: the incident it made or joined.</summary>
public sealed record ClueAccepted(Guid ClueId, Guid IncidentId, string IncidentNumber, Core.Incidents.IncidentStatus Status, Guid? MergedInto);
