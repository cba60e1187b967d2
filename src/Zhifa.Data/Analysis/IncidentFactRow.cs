using Zhifa.Core.Analysis;

namespace Zhifa.Data.Analysis;

/// <summary>
/// The stored <see cref="IncidentFacts"/> of one incident, as the ledger last counted them: what it
/// takes out of the indicator aggregates when the incident changes, and where the open incidents' overdue
/// state is read at the moment of a query.
/// </summary>
public sealed class IncidentFactRow
{
    public Guid IncidentId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string Channel { get; set; } = "";
    public string? CountyCode { get; set; }
    public string? TownshipCode { get; set; }
    public string? LeadDepartmentCode { get; set; }
    public string? MatterCode { get; set; }
    public bool IsOpen { get; set; }
    public DateTimeOffset? HandleDueAt { get; set; }
    public DateTimeOffset? HandleMetAt { get; set; }
    public bool ClosedOnTime { get; set; }
    public int ReworkCount { get; set; }
    public int ReturnCount { get; set; }
    public int ExtensionCount { get; set; }
    public int Reports { get; set; }
    public int JoinedReports { get; set; }
    public double? HandlingMinutes { get; set; }
    /// <summary><see cref="Indicators.OverdueSince"/>, kept so that "open and overdue at t" is an index range.</summary>
    public DateTimeOffset? OverdueSince { get; set; }
    /// <summary>Counts the ledger's rewrites: two saves that read the same old facts cannot both take them out of the aggregates.</summary>
    public int Version { get; set; }

    public IncidentFacts Facts() => new(IncidentId, ReportedAt, DispatchedAt, ClosedAt, Channel, CountyCode, TownshipCode,
        LeadDepartmentCode, MatterCode, IsOpen, HandleDueAt, HandleMetAt, ClosedOnTime, ReworkCount, ReturnCount, ExtensionCount,
        Reports, JoinedReports, HandlingMinutes);

    public static IncidentFactRow Of(IncidentFacts f) => new()
    {
        IncidentId = f.IncidentId, ReportedAt = f.ReportedAt, DispatchedAt = f.DispatchedAt, ClosedAt = f.ClosedAt, Channel = f.Channel,
        CountyCode = f.CountyCode, TownshipCode = f.TownshipCode, LeadDepartmentCode = f.LeadDepartmentCode, MatterCode = f.MatterCode,
        IsOpen = f.IsOpen, HandleDueAt = f.HandleDueAt, HandleMetAt = f.HandleMetAt, ClosedOnTime = f.ClosedOnTime,
        ReworkCount = f.ReworkCount, ReturnCount = f.ReturnCount, ExtensionCount = f.ExtensionCount, Reports = f.Reports,
        JoinedReports = f.JoinedReports, OverdueSince = Indicators.OverdueSince(f),
        // Only a closed incident's handling time is counted; an open one's grows by the minute, and
        // storing it would rewrite the row on every save.
        HandlingMinutes = f.ClosedAt is not null && !f.IsOpen ? f.HandlingMinutes : null,
    };
}
