namespace Zhifa.Core.Analysis;

/// <summary>
/// The situation indicators of one period [<see cref="From"/>, <see cref="To"/>). Counts are whole
/// numbers; rates are shares between 0 and 1 (the closure rate may exceed 1), unrounded, and null
/// when there is nothing to divide by — never NaN, never a 0 that would read as "all late".
/// docs/indicators.md gives each formula and its population.
/// </summary>
public sealed record IndicatorValues(
    DateTimeOffset From,
    DateTimeOffset To,
    int Received,
    int Dispatched,
    int Closed,
    int ClosedOnTime,
    int OpenOverdue,
    int Overdue,
    double? OnTimeRate,
    double? ClosureRate,
    double? ReworkRate,
    double? ReturnRate,
    double? ExtensionRate,
    double? MeanHandlingMinutes,
    double? P90HandlingMinutes,
    double? DuplicateShare)
{
    /// <summary>Every indicator by its API name, in the order of the record, for comparisons and display.</summary>
    public IReadOnlyList<KeyValuePair<string, double?>> Named() =>
    [
        new("received", Received),
        new("dispatched", Dispatched),
        new("closed", Closed),
        new("closedOnTime", ClosedOnTime),
        new("openOverdue", OpenOverdue),
        new("overdue", Overdue),
        new("onTimeRate", OnTimeRate),
        new("closureRate", ClosureRate),
        new("reworkRate", ReworkRate),
        new("returnRate", ReturnRate),
        new("extensionRate", ExtensionRate),
        new("meanHandlingMinutes", MeanHandlingMinutes),
        new("p90HandlingMinutes", P90HandlingMinutes),
        new("duplicateShare", DuplicateShare),
    ];
}

/// <summary>An indicator now and in the previous period; the difference is null when either value is.</summary>
public sealed record Change(double? Now, double? Before, double? Difference)
{
    public static Change Of(double? now, double? before) =>
        new(now, before, now is { } a && before is { } b ? a - b : null);
}

/// <summary>A period's indicators beside those of the period of equal length just before it.</summary>
public sealed record IndicatorComparison(IndicatorValues Current, IndicatorValues Previous)
{
    /// <summary>The change of every indicator, by the names of <see cref="IndicatorValues.Named"/>.</summary>
    public IReadOnlyDictionary<string, Change> Changes { get; } =
        Current.Named().Zip(Previous.Named(), (now, before) => KeyValuePair.Create(now.Key, Change.Of(now.Value, before.Value)))
            .ToDictionary();
}
