using System.Globalization;
using Zhifa.Core.Time;

namespace Zhifa.Server.Ui;

/// <summary>Times in Huzhou's zone and numbers as the current culture writes them (2026年11月28日 09:30 in Chinese).</summary>
public static class Formats
{
    public static string Time(DateTimeOffset instant) =>
        PlatformTime.ToLocal(instant).ToString(UiSetup.IsChinese ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);

    public static string Percent(double share) => share.ToString("P0", CultureInfo.CurrentCulture);
}
