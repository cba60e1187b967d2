using Zhifa.Core.Analysis;
using static Zhifa.Core.Tests.Analysis.Facts;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>One formula each, on hand-built facts (docs/indicators.md).</summary>
public class IndicatorFormulaTests
{
    [Fact]
    public void Received_CountsIncidentsReportedInTheHalfOpenPeriod()
    {
        var values = Week(
            Reported(From),                         // the first instant: in
            Reported(To.AddTicks(-1)),              // the last instant: in
            Reported(To),                           // the next period's first instant: out
            Reported(From.AddTicks(-1)),            // the previous period's last instant: out
            Reported(Day(3)) with { IsOpen = false }); // rejected later: still received

        Assert.Equal(3, values.Received);
    }

    [Fact]
    public void Received_ReadsInstantsNotOffsets_SoUtcAndBeijingTimesAgree()
    {
        // Sunday 23:30 in Beijing is Sunday 15:30 UTC: inside the week however it is written.
        var lateSunday = To.AddMinutes(-30).ToOffset(TimeSpan.Zero);
        // Monday 00:30 in Beijing is Sunday 16:30 UTC: the next week, although its UTC date is Sunday.
        var earlyMonday = To.AddMinutes(30).ToOffset(TimeSpan.Zero);

        Assert.Equal(1, Week(Reported(lateSunday), Reported(earlyMonday)).Received);
    }

    [Fact]
    public void Dispatched_CountsFirstDispatchesInThePeriod_WheneverReported()
    {
        var values = Week(
            Reported(Day(-2)) with { DispatchedAt = Day(1) }, // reported the week before: counts by its dispatch
            Reported(Day(2)) with { DispatchedAt = Day(8) },  // dispatched the week after: out
            Reported(Day(3)));                                // never dispatched: out

        Assert.Equal(1, values.Dispatched);
    }

    [Fact]
    public void Closed_CountsClosuresInThePeriod_WheneverReported()
    {
        var values = Week(Closed(Day(1)), Closed(Day(7)), Closed(Day(8)), Closed(Day(0)), Reported(Day(2)));

        Assert.Equal(2, values.Closed);
    }

    [Fact]
    public void OnTimeRate_IsClosedOnTimeOverClosedPlusOpenOverdue()
    {
        var values = Week(
            Closed(Day(2)),
            Closed(Day(3)),
            Closed(Day(4), onTime: false),
            OpenOverdue(Day(5)),
            InProgress(Day(7, 12)));  // due next Sunday: not overdue at the week's end

        Assert.Equal(2, values.ClosedOnTime);
        Assert.Equal(1, values.OpenOverdue);
        Assert.Equal(2.0 / 4, values.OnTimeRate);
    }

    [Fact]
    public void OpenOverdue_IsJudgedAtThePeriodsEnd_NotNow()
    {
        var dueAfterTheWeek = OpenOverdue(To.AddHours(1));
        var dueAtTheEnd = OpenOverdue(To);              // overdue only after its due instant
        var closedAfterTheWeek = OpenOverdue(Day(5)) with { IsOpen = false, ClosedAt = Day(9) };
        var closedWithinTheWeek = OpenOverdue(Day(5)) with { IsOpen = false, ClosedAt = Day(6) };

        var values = Week(dueAfterTheWeek, dueAtTheEnd, closedAfterTheWeek, closedWithinTheWeek);

        Assert.Equal(1, values.OpenOverdue);
    }

    [Fact]
    public void OpenOverdue_IsJudgedNow_WhilePeriodRuns()
    {
        var thursday = Day(4, 12);
        var facts = new[] { OpenOverdue(Day(4, 10)), OpenOverdue(Day(4, 14)) };

        var values = Indicators.Compute(facts, From, To, thursday);

        Assert.Equal(1, values.OpenOverdue);
        Assert.Equal(0.0, values.OnTimeRate);
    }

    [Fact]
    public void OpenOverdue_LeavesOutResolutionsOnTimeAwaitingVerification_ButNotLateOnes()
    {
        var resolvedOnTime = OpenOverdue(Day(3)) with { HandleMetAt = Day(3).AddHours(-1) };
        var resolvedLate = OpenOverdue(Day(3)) with { HandleMetAt = Day(4) };

        var values = Week(resolvedOnTime, resolvedLate);

        Assert.Equal(1, values.OpenOverdue);
    }

    [Fact]
    public void OpenOverdue_CountsBacklogReportedBeforeThePeriod()
    {
        var values = Week(OpenOverdue(Day(-3)));

        Assert.Equal(0, values.Received);
        Assert.Equal(1, values.OpenOverdue);
    }

    [Fact]
    public void Overdue_IsClosedLatePlusOpenOverdue()
    {
        var values = Week(Closed(Day(2), onTime: false), Closed(Day(3), onTime: false), Closed(Day(4)), OpenOverdue(Day(5)));

        Assert.Equal(3, values.Overdue);
        Assert.Equal(values.Closed + values.OpenOverdue - values.ClosedOnTime, values.Overdue);
    }

    [Fact]
    public void ClosureRate_IsClosedInThePeriodOverReceivedInThePeriod_AndMayExceedOne()
    {
        var values = Week(
            Reported(Day(1)),
            Reported(Day(2)) with { IsOpen = false, ClosedAt = Day(3) },
            Reported(Day(-5)) with { IsOpen = false, ClosedAt = Day(4) },
            Reported(Day(-6)) with { IsOpen = false, ClosedAt = Day(5) });

        Assert.Equal(2, values.Received);
        Assert.Equal(3, values.Closed);
        Assert.Equal(1.5, values.ClosureRate);
    }

    [Fact]
    public void ReworkRate_IsClosedWithReworkOverClosed()
    {
        var values = Week(
            Closed(Day(1)) with { ReworkCount = 2 },
            Closed(Day(2)) with { ReworkCount = 1 },
            Closed(Day(3)),
            Closed(Day(4)),
            Closed(Day(9)) with { ReworkCount = 1 }); // closed the week after: out

        Assert.Equal(2.0 / 4, values.ReworkRate);
    }

    [Fact]
    public void ReturnRate_IsDispatchedAndEverReturnedOverDispatched()
    {
        var values = Week(
            InProgress(Day(1)) with { ReturnCount = 1 },
            InProgress(Day(2)) with { ReturnCount = 2 },
            InProgress(Day(3)),
            InProgress(Day(4)),
            InProgress(Day(5)),
            Reported(Day(5)) with { ReturnCount = 1, DispatchedAt = Day(-2) }); // first dispatched the week before: out

        Assert.Equal(5, values.Dispatched);
        Assert.Equal(2.0 / 5, values.ReturnRate);
    }

    [Fact]
    public void ExtensionRate_IsClosedWithAnApprovedExtensionOverClosed()
    {
        var values = Week(Closed(Day(1)) with { ExtensionCount = 2 }, Closed(Day(2)), Closed(Day(3)), Closed(Day(4)));

        Assert.Equal(1.0 / 4, values.ExtensionRate);
    }

    [Fact]
    public void MeanHandlingTime_IsOverClosedIncidentsWithAHandlingTime()
    {
        var values = Week(
            Closed(Day(1), handlingMinutes: 30),
            Closed(Day(2), handlingMinutes: 90),
            Closed(Day(3), handlingMinutes: null),  // never accepted: no handling time
            Closed(Day(9), handlingMinutes: 600),   // closed the week after: out
            InProgress(Day(4)) with { HandlingMinutes = 900 }); // still open: out

        Assert.Equal(60, values.MeanHandlingMinutes);
    }

    [Fact]
    public void P90HandlingTime_IsTheNearestRankOfClosedIncidents()
    {
        var minutes = new double[] { 50, 10, 40, 20, 30 };
        var values = Week([.. minutes.Select((m, i) => Closed(Day(i + 1), handlingMinutes: m))]);

        // ⌈0.9 × 5⌉ = 5: the largest of five.
        Assert.Equal(50, values.P90HandlingMinutes);
        Assert.Equal(30, values.MeanHandlingMinutes);
    }

    [Fact]
    public void DuplicateShare_IsJoinedReportsOverAllReportsOfTheIncidentsReceived()
    {
        var values = Week(
            Reported(Day(1)) with { Reports = 3, JoinedReports = 2 },
            Reported(Day(2)),
            Reported(Day(3)) with { IsOpen = false, Reports = 1, JoinedReports = 1 }, // merged into another
            Reported(Day(-1)) with { Reports = 5, JoinedReports = 4 });               // received the week before: out

        Assert.Equal(3.0 / 5, values.DuplicateShare);
    }
}
