using System.Globalization;
using Zhifa.Core.Matters;
using Zhifa.Core.Time;

namespace Zhifa.Server.Ui;

/// <summary>Times in Huzhou's zone and numbers as the current culture writes them (2026年11月28日 09:30 in Chinese).</summary>
public static class Formats
{
    public static string Time(DateTimeOffset instant) =>
        PlatformTime.ToLocal(instant).ToString(UiSetup.IsChinese ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);

    /// <summary>A day with its weekday: 2026年2月14日 星期六 in Chinese.</summary>
    public static string Date(DateOnly day) =>
        day.ToString(UiSetup.IsChinese ? "yyyy年M月d日 dddd" : "yyyy-MM-dd ddd", CultureInfo.CurrentCulture);

    /// <summary>A limit as the responsibility list writes it ("1wd"), in words: 1个工作日, 1 working day.</summary>
    public static string Limit(string text)
    {
        if (!TimeLimit.TryParse(text, out var limit))
            return text;
        var amount = limit.Amount.ToString(CultureInfo.CurrentCulture);
        return (UiSetup.IsChinese, limit.Unit) switch
        {
            (true, TimeLimitUnit.WorkingHours) => amount + "个工作小时",
            (true, TimeLimitUnit.WorkingDays) => amount + "个工作日",
            (true, TimeLimitUnit.NaturalMinutes) => amount + "分钟",
            (true, _) => amount + "小时",
            (false, TimeLimitUnit.WorkingHours) => amount + " working h",
            (false, TimeLimitUnit.WorkingDays) => amount + " working d",
            (false, TimeLimitUnit.NaturalMinutes) => amount + " min",
            _ => amount + " h",
        };
    }

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);
}
