using Zhifa.Core.Time;

namespace Zhifa.Core.Coordination;

/// <summary>
/// A command centre's duty roster (双指挥长): a standing commander (常务指挥长) set per centre, and a
/// duty commander (值班指挥长) who rotates by shift. A shift runs from the hand-over time of its day
/// to the next hand-over, so the night belongs to the day the shift began: its duty date.
/// </summary>
public sealed class DutyRoster
{
    public const int MaxUserNameLength = 64;
    public const int MaxRotation = 31;
    public const int MaxShiftDays = 31;
    /// <summary>08:30 Beijing time, when the day shift takes over in the centres.</summary>
    public static readonly TimeOnly DefaultHandOver = new(8, 30);

    public required string CenterCode { get; init; }
    public string? StandingCommander { get; private set; }
    /// <summary>The duty commanders' user names in the order they take their shifts.</summary>
    public IReadOnlyList<string> Rotation { get; private set; } = [];
    /// <summary>The duty date of the first shift: <see cref="Rotation"/>[0] takes it.</summary>
    public DateOnly StartDate { get; private set; }
    public int ShiftDays { get; private set; } = 1;
    public TimeOnly HandOverTime { get; private set; } = DefaultHandOver;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    private readonly List<DutySwap> _swaps = [];
    public IReadOnlyList<DutySwap> Swaps => _swaps;

    /// <summary>Sets the pattern; swaps already made stay, since each names its own day and commander.</summary>
    public void Plan(string? standingCommander, IReadOnlyList<string> rotation, DateOnly startDate, int shiftDays, TimeOnly handOverTime,
        string actor, DateTimeOffset now)
    {
        if (shiftDays is < 1 or > MaxShiftDays)
            throw new DomainException("roster.shift_days", $"A shift lasts 1 to {MaxShiftDays} days.");
        if (rotation.Count > MaxRotation)
            throw new DomainException("roster.rotation", $"A rotation has at most {MaxRotation} commanders.");
        (StandingCommander, Rotation, StartDate, ShiftDays, HandOverTime) = (standingCommander, [.. rotation], startDate, shiftDays, handOverTime);
        (UpdatedAt, UpdatedBy) = (now, actor);
    }

    /// <summary>Gives one duty day to another commander, in place of the pattern's (and of an earlier swap of that day).</summary>
    public DutySwap Swap(DateOnly date, string userName, string requestedBy, string reason, DateTimeOffset now)
    {
        var swap = new DutySwap { CenterCode = CenterCode, Date = date, UserName = userName, RequestedBy = requestedBy, Reason = reason, At = now };
        _swaps.RemoveAll(s => s.Date == date);
        _swaps.Add(swap);
        (UpdatedAt, UpdatedBy) = (now, requestedBy);
        return swap;
    }

    /// <summary>The duty date of the shift running at <paramref name="at"/>: its Beijing date, or the day before until the hand-over.</summary>
    public DateOnly DutyDate(DateTimeOffset at)
    {
        var local = PlatformTime.ToLocal(at);
        var date = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) < HandOverTime ? date.AddDays(-1) : date;
    }

    /// <summary>When the shift of <paramref name="date"/> begins.</summary>
    public DateTimeOffset ShiftStart(DateOnly date)
    {
        var local = date.ToDateTime(HandOverTime);
        return new DateTimeOffset(local, PlatformTime.Zone.GetUtcOffset(local));
    }

    /// <summary>Who the pattern puts on duty on <paramref name="date"/>: nobody before its start or with no rotation.</summary>
    public string? ScheduledOn(DateOnly date)
    {
        if (Rotation.Count == 0 || date < StartDate)
            return null;
        var shift = (date.DayNumber - StartDate.DayNumber) / ShiftDays;
        return Rotation[shift % Rotation.Count];
    }

    /// <summary>Who is on duty on <paramref name="date"/>: that day's swap, else the pattern's commander.</summary>
    public string? CommanderOn(DateOnly date) => _swaps.FirstOrDefault(s => s.Date == date)?.UserName ?? ScheduledOn(date);

    public string? OnDutyAt(DateTimeOffset at) => CommanderOn(DutyDate(at));

    /// <summary>
    /// Who takes over from whoever is on duty at <paramref name="at"/>: the commander of the first later
    /// duty day with someone else on it (a shift of several days hands over only at its end). Null when
    /// nobody is due within a year.
    /// </summary>
    public (DateOnly Date, string? UserName) NextHandOver(DateTimeOffset at)
    {
        var today = DutyDate(at);
        var current = CommanderOn(today);
        for (var date = today.AddDays(1); date <= today.AddDays(366); date = date.AddDays(1))
        {
            if (CommanderOn(date) is var next && next != current)
                return (date, next);
        }
        return (today.AddDays(1), null);
    }

    /// <summary>
    /// The note the commander on duty at <paramref name="at"/> leaves for the next one. Refused when
    /// <paramref name="from"/> is not on duty then: only the outgoing commander hands over.
    /// </summary>
    public HandoverNote HandOver(string from, string text, DateTimeOffset at)
    {
        if (!string.Equals(OnDutyAt(at), from, StringComparison.OrdinalIgnoreCase))
            throw new DomainException("handover.not_on_duty", $"{from} is not the duty commander on duty at {CenterCode} now.");
        var (date, to) = NextHandOver(at);
        return new HandoverNote { Id = Guid.CreateVersion7(at), CenterCode = CenterCode, DutyDate = DutyDate(at), From = from, To = to, ForDate = date, Text = text, At = at };
    }
}

/// <summary>One duty day given to another commander than the pattern's, with who asked and why.</summary>
public sealed class DutySwap
{
    public const int MaxReasonLength = 500;

    public required string CenterCode { get; init; }
    public DateOnly Date { get; init; }
    public required string UserName { get; init; }
    public required string RequestedBy { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>What the outgoing duty commander leaves the incoming one at hand-over (交班记录).</summary>
public sealed class HandoverNote
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; }
    public required string CenterCode { get; init; }
    /// <summary>The duty date of the shift that ends.</summary>
    public DateOnly DutyDate { get; init; }
    /// <summary>The duty date of the shift that takes over.</summary>
    public DateOnly ForDate { get; init; }
    public required string From { get; init; }
    /// <summary>The incoming commander; null when nobody is on the roster after.</summary>
    public string? To { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset At { get; init; }
}
