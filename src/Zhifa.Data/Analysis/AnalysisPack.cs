namespace Zhifa.Data.Analysis;

/// <summary>The cadence of an analysis pack: 日关注, 周研判 or 月会商.</summary>
public enum AnalysisPackKind { Daily, Weekly, Monthly }

/// <summary>
/// One generated analysis pack (docs/packs.md): a centre's region and period, with its figures computed
/// once at generation and kept as JSON, so that the pack read later says what it said when it was made.
/// </summary>
public sealed class AnalysisPack
{
    public const int MaxPeriodLength = 10;

    public Guid Id { get; set; }
    public AnalysisPackKind Kind { get; set; }
    public string CenterCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    /// <summary>2026-11-27, 2026-W48 or 2026-11.</summary>
    public string Period { get; set; } = "";
    public DateTimeOffset GeneratedAt { get; set; }
    /// <summary>The user who asked for it; null when the schedule made it.</summary>
    public string? GeneratedBy { get; set; }
    /// <summary>
    /// The schedule's own key, "kind/centre/period", only on packs the schedule made: unique, so that two
    /// workers make each scheduled pack once, while packs made on demand (key null) add versions freely.
    /// </summary>
    public string? ScheduleKey { get; set; }
    public string Content { get; set; } = "";

    public static string KeyOf(AnalysisPackKind kind, string centerCode, string period) => $"{kind}/{centerCode}/{period}";
}
