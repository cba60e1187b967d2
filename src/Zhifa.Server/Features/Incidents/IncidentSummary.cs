using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;

namespace Zhifa.Server.Features.Incidents;

/// <summary>One row of the incident list; <see cref="DueAt"/> is when its running clock due first runs out, so a worklist sorts without loading each incident.</summary>
public sealed record IncidentSummary(
    Guid Id,
    string Number,
    IncidentStatus Status,
    string? MatterCode,
    string? RegionCode,
    string? GridCode,
    string HandlingCenterCode,
    string? LeadDepartmentCode,
    Priority Priority,
    string Summary,
    double Lat,
    double Lon,
    int ReportCount,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    TrafficLight? Light,
    DateTimeOffset? DueAt)
{
    /// <summary>The row of an incident loaded whole (with its assignments); lists project it in SQL instead.</summary>
    public static IncidentSummary From(Incident i, DateTimeOffset now) => new(
        i.Id, i.Number, i.Status, i.MatterCode, i.RegionCode, i.GridCode, i.HandlingCenterCode, i.Lead?.DepartmentCode,
        i.Priority, i.Summary, i.Lat, i.Lon, i.ReportCount, i.ReportedAt, i.UpdatedAt, i.LightAt(now),
        i.Deadlines.Where(d => d.EndedAt is null && d.PausedAt is null).Min(d => (DateTimeOffset?)d.DueAt));
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
