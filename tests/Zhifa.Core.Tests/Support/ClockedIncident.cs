using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Time;

namespace Zhifa.Core.Tests.Support;

/// <summary>
/// An incident whose clocks run as the server runs them: the incident's own action, then
/// <see cref="Incident.RunClocks"/> with the same moment. Its matter is SY01 (accept 2wh, handle
/// 1wd) unless a test says otherwise; the calendar is Monday–Friday with the default hours.
/// Moments fall in the week of Monday 2025-03-03, the day <see cref="IncidentBuilder"/> reports on.
/// </summary>
internal sealed class ClockedIncident
{
    public const string Actor = "dispatcher-1";

    private ClockedIncident(Matter? matter, DeadlineRules rules)
    {
        Matter = matter;
        Rules = rules;
    }

    public Incident Incident { get; } = IncidentBuilder.Reported();
    public Matter? Matter { get; }
    public DeadlineRules Rules { get; }
    public WorkingCalendar Calendar => Rules.Calendar;

    /// <summary>The default rules, but with a default accept limit (4wh) unlike SY01's (2wh), so that tests tell them apart.</summary>
    public static DeadlineRules TestRules(ReworkClock rework = ReworkClock.Full) =>
        DeadlineRules.Default(WorkingCalendar.Weekdays) with { DefaultAcceptLimit = TimeLimit.Parse("4wh"), Rework = rework };

    public static ClockedIncident Reported(DeadlineRules? rules = null) => new(TestMatters.Sy01(), rules ?? TestRules());

    public static ClockedIncident WithMatter(Matter? matter) => new(matter, TestRules());

    /// <summary>SY01 with another accept limit, such as "30nm" in natural time.</summary>
    public static ClockedIncident WithAcceptLimit(string limit)
    {
        var matter = TestMatters.Sy01();
        matter.AcceptLimit = TimeLimit.Parse(limit);
        return WithMatter(matter);
    }

    /// <summary>Dispatched on Monday 09:00: accept-by 2wh, yellow at 10:36, due at 11:00.</summary>
    public static ClockedIncident Dispatched(DeadlineRules? rules = null) => Reported(rules).Do(IncidentAction.Dispatch, Mon(9));

    /// <summary>Accepted on Monday 10:00: handle-by 1wd, yellow at 17:30 (6 h of 7.5), due on Tuesday 10:00.</summary>
    public static ClockedIncident InProgress(DeadlineRules? rules = null) => Dispatched(rules).Do(IncidentAction.Accept, Mon(10));

    /// <summary>Resolved on Monday 15:00, 3.5 h into its handling clock: verify-by 1wd, due on Tuesday 15:00.</summary>
    public static ClockedIncident Resolved(DeadlineRules? rules = null) => InProgress(rules).Do(IncidentAction.Resolve, Mon(15));

    /// <summary>The incident's action at <paramref name="at"/>, then its clocks.</summary>
    public ClockedIncident Do(IncidentAction action, DateTimeOffset at)
    {
        IncidentActions.Invoke(Incident, action, at);
        Incident.RunClocks(action, Matter, Rules, at);
        return this;
    }

    /// <summary>The clock rule alone, for actions the life cycle never takes while a clock runs.</summary>
    public ClockedIncident RunClocks(IncidentAction action, DateTimeOffset at)
    {
        Incident.RunClocks(action, Matter, Rules, at);
        return this;
    }

    public void Extend(DeadlineKind kind, string limit, DateTimeOffset at) =>
        Incident.Extend(kind, TimeLimit.Parse(limit), Rules, at, Actor, "waiting for the boat");

    public Deadline Open(DeadlineKind kind) =>
        Incident.OpenClock(kind) ?? throw new InvalidOperationException($"No {kind} clock runs.");

    /// <summary>The clocks of a kind, open and ended, in the order they started.</summary>
    public IReadOnlyList<Deadline> All(DeadlineKind kind) => [.. Incident.Deadlines.Where(d => d.Kind == kind)];

    public static DateTimeOffset Mon(int hour, int minute = 0) => Day(3, hour, minute);
    public static DateTimeOffset Tue(int hour, int minute = 0) => Day(4, hour, minute);
    public static DateTimeOffset Wed(int hour, int minute = 0) => Day(5, hour, minute);
    public static DateTimeOffset Thu(int hour, int minute = 0) => Day(6, hour, minute);
    public static DateTimeOffset Fri(int hour, int minute = 0) => Day(7, hour, minute);
    public static DateTimeOffset NextMon(int hour, int minute = 0) => Day(10, hour, minute);

    /// <summary>"Tue 09:30" as a moment of that week, for theory data.</summary>
    public static DateTimeOffset When(string text)
    {
        var (day, time) = (text[..^6], TimeOnly.Parse(text[^5..], System.Globalization.CultureInfo.InvariantCulture));
        var date = day switch
        {
            "Mon" => 3, "Tue" => 4, "Wed" => 5, "Thu" => 6, "Fri" => 7, "Sat" => 8, "Sun" => 9, "NextMon" => 10,
            _ => throw new ArgumentException($"No day {day}.", nameof(text)),
        };
        return Day(date, time.Hour, time.Minute);
    }

    private static DateTimeOffset Day(int dayOfMarch, int hour, int minute) => TestCalendars.Local(2025, 3, dayOfMarch, hour, minute);
}
