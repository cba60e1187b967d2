using Zhifa.Core.Analysis;
using Zhifa.Core.Tests.Support;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>
/// Hand-built facts for the formulas. The period under test is the week [Mon 3 March 2025 00:00,
/// Mon 10 March 00:00) in Beijing time, judged on Thursday 20 March, long after it.
/// </summary>
internal static class Facts
{
    public static readonly DateTimeOffset From = TestCalendars.Local(2025, 3, 3, 0);
    public static readonly DateTimeOffset To = TestCalendars.Local(2025, 3, 10, 0);
    public static readonly DateTimeOffset Now = TestCalendars.Local(2025, 3, 20, 12);

    /// <summary>A day of the week under test at 09:00, from 1 (Mon 3 March); 0 and below fall in the week before.</summary>
    public static DateTimeOffset Day(int day, int hour = 9) => From.AddDays(day - 1).AddHours(hour);

    private static int _seq;

    /// <summary>An open incident reported on <paramref name="reportedAt"/>, never dispatched, one report.</summary>
    public static IncidentFacts Reported(DateTimeOffset reportedAt) => new(
        new Guid($"00000000-0000-0000-0000-{Interlocked.Increment(ref _seq):000000000000}"),
        reportedAt, DispatchedAt: null, ClosedAt: null, Channel: "grid", CountyCode: "330503", TownshipCode: "330503106",
        LeadDepartmentCode: null, MatterCode: "SY01", IsOpen: true, HandleDueAt: null, HandleMetAt: null, ClosedOnTime: false,
        ReworkCount: 0, ReturnCount: 0, ExtensionCount: 0, Reports: 1, JoinedReports: 0, HandlingMinutes: null);

    /// <summary>Dispatched and accepted at its report, handle due a day later, still in progress.</summary>
    public static IncidentFacts InProgress(DateTimeOffset reportedAt) => Reported(reportedAt) with
    {
        DispatchedAt = reportedAt,
        LeadDepartmentCode = IncidentBuilder.LeadDepartment,
        HandleDueAt = reportedAt.AddDays(1),
    };

    /// <summary>Closed at <paramref name="closedAt"/>, resolved an hour earlier, on time or a day late.</summary>
    public static IncidentFacts Closed(DateTimeOffset closedAt, bool onTime = true, double? handlingMinutes = 60)
    {
        var resolvedAt = closedAt.AddHours(-1);
        var due = onTime ? resolvedAt.AddHours(1) : resolvedAt.AddDays(-1);
        return Reported(due.AddDays(-1)) with
        {
            DispatchedAt = due.AddDays(-1),
            LeadDepartmentCode = IncidentBuilder.LeadDepartment,
            IsOpen = false,
            ClosedAt = closedAt,
            HandleDueAt = due,
            HandleMetAt = resolvedAt,
            ClosedOnTime = onTime,
            HandlingMinutes = handlingMinutes,
        };
    }

    /// <summary>Open at the end of the week and past its handle due, which fell on <paramref name="dueAt"/>.</summary>
    public static IncidentFacts OpenOverdue(DateTimeOffset dueAt) => InProgress(dueAt.AddDays(-1)) with { HandleDueAt = dueAt };

    public static IndicatorValues Week(params IncidentFacts[] facts) => Indicators.Compute(facts, From, To, Now);
}
