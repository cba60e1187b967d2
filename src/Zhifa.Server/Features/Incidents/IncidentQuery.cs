namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// The incident list's filters and paging, from the query string. Times are read by
/// <see cref="Core.Time.PlatformTime.TryParse"/>, so one without an offset is Huzhou's local time.
/// </summary>
public sealed record IncidentQuery(
    string? Status,
    string? RegionCode,
    string? DepartmentCode,
    string? MatterCode,
    string? From,
    string? To,
    string? Q,
    string? Light,
    string? Sort,
    int? Page,
    int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>Newest report first (the default), or a worklist's order: red, then yellow, then green, each due soonest first.</summary>
    public static readonly string[] Sorts = ["newest", "urgency"];
}
