namespace Zhifa.Server.Features.Incidents;

/// <summary>The incident list's filters and paging, from the query string.</summary>
public sealed record IncidentQuery(
    string? Status,
    string? RegionCode,
    string? DepartmentCode,
    string? MatterCode,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Q,
    int? Page,
    int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;
}
