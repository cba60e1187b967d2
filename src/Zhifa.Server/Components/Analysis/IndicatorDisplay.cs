using System.Globalization;
using Zhifa.Server.Features.Analysis;

namespace Zhifa.Server.Components.Analysis;

/// <summary>How the analysis page shows an indicator: rounded only here, at the last step (docs/indicators.md).</summary>
public static class IndicatorDisplay
{
    public enum Kind { Count, Rate, Minutes }

    /// <summary>A share as a percentage of 2 decimals (0.937 → 93.70%); a rate over nothing is "–".</summary>
    public static string Rate(double? share) => share is { } s ? Math.Round(s, 4).ToString("P2", CultureInfo.CurrentCulture) : "–";

    /// <summary>Whole minutes, or "–" when nothing was handled.</summary>
    public static string Minutes(double? minutes) => minutes is { } m ? Math.Round(m).ToString("N0", CultureInfo.CurrentCulture) : "–";

    public static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The change against the previous period: counts and minutes as a signed number, rates in percentage points.</summary>
    public static string Change(Kind kind, double? difference) => difference switch
    {
        null => "–",
        { } d when kind == Kind.Rate => Signed(Math.Round(d * 100, 2), "0.00"),
        { } d => Signed(Math.Round(d), "0"),
    };

    /// <summary>▲ up, ▼ down, — unchanged; nothing when there is no change to compare.</summary>
    public static string Arrow(double? difference) => difference switch
    {
        null => "",
        > 0 => "▲",
        < 0 => "▼",
        _ => "—",
    };

    /// <summary>Whether a change is for the better: fewer overdue and shorter handling are better, more of the rest.</summary>
    public static string Tone(string key, double? difference) => difference is null or 0 ? "same"
        : (difference > 0) == !(key is "overdue" or "openOverdue" or "meanHandlingMinutes" or "p90HandlingMinutes"
            or "reworkRate" or "returnRate" or "extensionRate" or "duplicateShare") ? "better" : "worse";

    private static string Signed(double value, string format) =>
        (value > 0 ? "+" : "") + value.ToString(format, CultureInfo.InvariantCulture);

    public static double? ChangeOf(IndicatorRowView row, string key) => row.Change.TryGetValue(key, out var d) ? d : null;
}
