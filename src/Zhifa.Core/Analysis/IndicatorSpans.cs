namespace Zhifa.Core.Analysis;

/// <summary>
/// The cells that add up to the days [First, End): the whole calendar months inside as month cells,
/// the days before the first whole month and after the last as day cells. A year thus reads twelve
/// rows per key and place, and any period at most two partial months of days beside its months.
/// </summary>
public readonly record struct IndicatorSpans(DateOnly First, DateOnly End)
{
    /// <summary>The first day of the first whole month, or <see cref="End"/> when there is none.</summary>
    public DateOnly MonthsFirst => WholeMonths ? FirstMonth : End;

    /// <summary>The first day after the last whole month, or <see cref="End"/> when there is none.</summary>
    public DateOnly MonthsEnd => WholeMonths ? IndicatorCells.MonthOf(End) : End;

    /// <summary>Whether <paramref name="cell"/>'s stretch is one of those that make up the days.</summary>
    public bool Covers(IndicatorCell cell) => cell.Grain == IndicatorGrain.Month
        ? cell.Day >= MonthsFirst && cell.Day < MonthsEnd
        : (cell.Day >= First && cell.Day < MonthsFirst) || (cell.Day >= MonthsEnd && cell.Day < End);

    private DateOnly FirstMonth => First.Day == 1 ? First : IndicatorCells.MonthOf(First).AddMonths(1);

    private bool WholeMonths => First < End && FirstMonth < IndicatorCells.MonthOf(End);
}
