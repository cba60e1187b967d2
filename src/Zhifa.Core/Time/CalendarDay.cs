namespace Zhifa.Core.Time;

/// <summary>
/// A date that differs from the Monday–Friday week: a public holiday (a day off) or an adjusted
/// working day (调休, a weekend day worked). Editable data: the State Council publishes each year's
/// arrangement late in the year before.
/// </summary>
public sealed class CalendarDay
{
    public const int MaxNameLength = 40;

    public DateOnly Date { get; init; }
    public bool Working { get; set; }
    /// <summary>What the day is, e.g. 春节 or 春节调休.</summary>
    public required string Name { get; set; }
}
