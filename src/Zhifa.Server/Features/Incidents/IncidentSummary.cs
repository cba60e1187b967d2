using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;

namespace Zhifa.Server.Features.Incidents;

/// <summary>One row of the incident list.</summary>
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
    DateTimeOffset UpdatedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
