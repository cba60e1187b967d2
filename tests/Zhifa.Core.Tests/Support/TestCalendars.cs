using System.Diagnostics.CodeAnalysis;
using Zhifa.Core.Time;

namespace Zhifa.Core.Tests.Support;

/// <summary>Working calendars and local (Asia/Shanghai) instants for tests of time limits.</summary>
internal static class TestCalendars
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A local time in Asia/Shanghai (UTC+8).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Shanghai);

    /// <summary>"2026-03-02T11:00" read as a local time in Asia/Shanghai, so that test data reads like a wall clock.</summary>
    public static DateTimeOffset At(string local) =>
        DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The same instant written in UTC ("Z").</summary>
    public static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToOffset(TimeSpan.Zero);

    /// <summary>Default hours with the 2026 Spring Festival as the seed calendar has it: Feb 15–23 off, Saturdays Feb 14 and Feb 28 worked (调休).</summary>
    public static WorkingCalendar SpringFestival2026 { get; } = WithExceptions(
        workingDays: [new(2026, 2, 14), new(2026, 2, 28)],
        daysOff: Days(new(2026, 2, 15), new(2026, 2, 23)));

    /// <summary>Default hours on a calendar where every date is a day off.</summary>
    public static WorkingCalendar NoWorkingDays { get; } = new(WorkingCalendar.DefaultHours, new EveryDayOff());

    public static WorkingCalendar WithExceptions(IEnumerable<DateOnly> workingDays, IEnumerable<DateOnly> daysOff) =>
        new(WorkingCalendar.DefaultHours,
            workingDays.Select(d => KeyValuePair.Create(d, true)).Concat(daysOff.Select(d => KeyValuePair.Create(d, false))).ToDictionary());

    /// <summary>Every date from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
            yield return day;
    }

    /// <summary>Exceptions that make every date a day off, without listing them.</summary>
    private sealed class EveryDayOff : IReadOnlyDictionary<DateOnly, bool>
    {
        public bool this[DateOnly key] => false;
        public IEnumerable<DateOnly> Keys => [];
        public IEnumerable<bool> Values => [];
        public int Count => 0;
        public bool ContainsKey(DateOnly key) => true;

        public bool TryGetValue(DateOnly key, [MaybeNullWhen(false)] out bool value)
        {
            value = false;
            return true;
        }

        public IEnumerator<KeyValuePair<DateOnly, bool>> GetEnumerator() => Enumerable.Empty<KeyValuePair<DateOnly, bool>>().GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
