using Zhifa.Core.Matters;

namespace Zhifa.Core.Time;

/// <summary>One stretch of working time within a working day, in local (Asia/Shanghai) time.</summary>
public readonly record struct WorkPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// The working calendar (工作日历) that time limits are counted on: working periods on working days,
/// in the platform's zone. A day is a working day when it is Monday to Friday, unless the calendar's
/// exceptions say otherwise: a public holiday is a day off, an adjusted working day (调休) a weekend
/// day worked. A working day (wd) is as long as the day's working periods together (7.5 h by
/// default), so "1wd" from Monday 10:00 falls due on Tuesday 10:00, the same moment of the next
/// working day.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>08:30–12:00 and 13:30–17:30, the working hours of Huzhou's government offices.</summary>
    public static readonly IReadOnlyList<WorkPeriod> DefaultHours =
        [new(new(8, 30), new(12, 0)), new(new(13, 30), new(17, 30))];

    /// <summary>A search for working time gives up after this many days without one: a calendar of only days off.</summary>
    private const int MaxDaysSearched = 3660;

    private readonly IReadOnlyList<WorkPeriod> _periods;
    private readonly IReadOnlyDictionary<DateOnly, bool> _exceptions;

    /// <param name="periods">The working periods of a working day, in order, not overlapping.</param>
    /// <param name="exceptions">Dates that differ from the Monday–Friday week: true for a working day, false for a day off.</param>
    public WorkingCalendar(IReadOnlyList<WorkPeriod> periods, IReadOnlyDictionary<DateOnly, bool> exceptions)
    {
        if (periods.Count == 0)
            throw new ArgumentException("A working day needs at least one working period.", nameof(periods));
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].End <= periods[i].Start || (i > 0 && periods[i].Start < periods[i - 1].End))
                throw new ArgumentException("Working periods must be in order, each ending after it starts.", nameof(periods));
        }
        _periods = periods;
        _exceptions = exceptions;
        WorkingDay = TimeSpan.FromTicks(periods.Sum(p => p.Length.Ticks));
    }

    /// <summary>Mon–Fri working, default hours, no holidays: for tests and a platform without calendar data.</summary>
    public static WorkingCalendar Weekdays { get; } = new(DefaultHours, new Dictionary<DateOnly, bool>());

    /// <summary>The working time of one working day.</summary>
    public TimeSpan WorkingDay { get; }

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working) ? working : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Whether the limit is counted in working time (wh, wd) rather than natural time (nm, nh).</summary>
    public static bool CountsWorkingTime(TimeLimit limit) => limit.Unit is TimeLimitUnit.WorkingHours or TimeLimitUnit.WorkingDays;

    /// <summary>The limit's length in its own kind of time: working time for wh and wd, natural time for nm and nh.</summary>
    public TimeSpan Length(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.WorkingHours => TimeSpan.FromHours(limit.Amount),
        TimeLimitUnit.WorkingDays => WorkingDay * limit.Amount,
        TimeLimitUnit.NaturalMinutes => TimeSpan.FromMinutes(limit.Amount),
        TimeLimitUnit.NaturalHours => TimeSpan.FromHours(limit.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };

    /// <summary>When a limit started at <paramref name="start"/> falls due.</summary>
    public DateTimeOffset DueAt(DateTimeOffset start, TimeLimit limit) => Add(start, Length(limit), CountsWorkingTime(limit));

    /// <summary><paramref name="start"/> plus an amount of working time (or natural time, when not <paramref name="working"/>).</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount, bool working) =>
        working ? AddWorking(start, amount) : start + amount;

    /// <summary>The working (or natural) time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to, bool working) =>
        to <= from ? TimeSpan.Zero : working ? WorkingBetween(from, to) : to - from;

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed since
    /// <paramref name="start"/>. A limit used up exactly at a period's end falls due then (12:00),
    /// not when work resumes (13:30).
    /// </summary>
    public DateTimeOffset AddWorking(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
            return start;
        var cursor = PlatformTime.ToLocal(start);
        var day = DateOnly.FromDateTime(cursor.DateTime);
        for (var daysWithoutWork = 0; daysWithoutWork < MaxDaysSearched; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                daysWithoutWork++;
                continue;
            }
            daysWithoutWork = 0;
            foreach (var period in _periods)
            {
                var (periodStart, periodEnd) = (At(day, period.Start), At(day, period.End));
                var from = cursor > periodStart ? cursor : periodStart;
                if (from >= periodEnd)
                    continue;
                var available = periodEnd - from;
                if (amount <= available)
                    return (from + amount).ToOffset(start.Offset);
                amount -= available;
            }
        }
        throw new InvalidOperationException($"The calendar has no working time within {MaxDaysSearched} days of {start:O}.");
    }

    private TimeSpan WorkingBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (PlatformTime.ToLocal(from), PlatformTime.ToLocal(to));
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(start.DateTime); day <= DateOnly.FromDateTime(end.DateTime); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            foreach (var period in _periods)
            {
                var (periodStart, periodEnd) = (At(day, period.Start), At(day, period.End));
                var overlap = (end < periodEnd ? end : periodEnd) - (start > periodStart ? start : periodStart);
                if (overlap > TimeSpan.Zero)
                    total += overlap;
            }
        }
        return total;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, PlatformTime.Zone.GetUtcOffset(local));
    }
}
