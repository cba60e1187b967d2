namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>How loud a warning is: a notice to look at, a warning to act on, an alarm to act on now.</summary>
public enum WarningSeverity
{
    Notice,
    Warning,
    Alarm,
}

/// <summary>
/// A risk-warning rule (风险预警规则), kept by supervisors, analysts and the admin: it fires when the
/// incidents it matches, reported in the <see cref="WindowHours"/> up to the moment of the look, reach
/// <see cref="Threshold"/>. Each optional filter left null matches everything.
/// </summary>
public sealed class WarningRule
{
    public const int MaxNameLength = 100;
    public const int MaxThreshold = 100_000;
    /// <summary>A year: the longest look back a warning makes sense for; the monthly consultation covers longer trends.</summary>
    public const int MaxWindowHours = 24 * 366;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? MatterCode { get; set; }
    /// <summary>A county or a township: the rule counts only the incidents located in it.</summary>
    public string? RegionCode { get; set; }
    /// <summary>The channel of the incidents' first report.</summary>
    public string? Channel { get; set; }
    public int Threshold { get; set; }
    public int WindowHours { get; set; }
    public WarningSeverity Severity { get; set; }
    public bool Enabled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The window (at − hours, at]: an incident reported at the very instant of the look counts.</summary>
    public (DateTimeOffset After, DateTimeOffset UpTo) WindowAt(DateTimeOffset at) => (at - TimeSpan.FromHours(WindowHours), at);

    /// <summary>Whether the report is one the rule counts, window aside.</summary>
    public bool Matches(SpotReport report) =>
        (MatterCode is null || report.MatterCode == MatterCode)
        && (RegionCode is null || report.CountyCode == RegionCode || report.TownshipCode == RegionCode)
        && (Channel is null || report.Channel == Channel);
}
