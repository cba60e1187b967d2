using Zhifa.Core.Coordination;

namespace Zhifa.Core.Tests.Coordination;

public sealed class DutyRosterTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(8));

    private static DutyRoster Roster(int shiftDays = 1, params string[] rotation)
    {
        var roster = new DutyRoster { CenterCode = "330503-ZHZX" };
        roster.Plan("standing", rotation.Length == 0 ? ["a", "b", "c"] : rotation, Monday, shiftDays, DutyRoster.DefaultHandOver, "admin", Now);
        return roster;
    }

    private static DateTimeOffset Beijing(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    [Fact]
    public void CommanderOn_RotatesDayByDayFromTheStartAndWrapsAround()
    {
        var roster = Roster();

        Assert.Equal(["a", "b", "c", "a", "b"], Enumerable.Range(0, 5).Select(d => roster.CommanderOn(Monday.AddDays(d))));
    }

    [Fact]
    public void CommanderOn_WithShiftsOfTwoDays_KeepsEachCommanderForTwoDutyDays()
    {
        var roster = Roster(2, "a", "b");

        Assert.Equal(["a", "a", "b", "b", "a"], Enumerable.Range(0, 5).Select(d => roster.CommanderOn(Monday.AddDays(d))));
    }

    [Fact]
    public void OnDutyAt_BeforeTheHandOverTimeOfDay_IsStillTheEveningBeforesCommander()
    {
        var roster = Roster();
        var tuesday = Monday.AddDays(1);

        Assert.Equal("a", roster.OnDutyAt(Beijing(tuesday, 3)));
        Assert.Equal("a", roster.OnDutyAt(Beijing(tuesday, 8, 29)));
        Assert.Equal("b", roster.OnDutyAt(Beijing(tuesday, 8, 30)));
        Assert.Equal("b", roster.OnDutyAt(Beijing(tuesday, 23, 59)));
        Assert.Equal(Monday, roster.DutyDate(Beijing(tuesday, 8, 29)));
    }

    [Fact]
    public void OnDutyAt_ReadsTheInstantInBeijingTime_WhateverItsOffset()
    {
        var roster = Roster();

        // 00:45 UTC on Tuesday is 08:45 in Beijing: Tuesday's shift has begun.
        Assert.Equal("b", roster.OnDutyAt(new DateTimeOffset(Monday.AddDays(1).ToDateTime(new TimeOnly(0, 45)), TimeSpan.Zero)));
        Assert.Equal("a", roster.OnDutyAt(new DateTimeOffset(Monday.AddDays(1).ToDateTime(new TimeOnly(0, 15)), TimeSpan.Zero)));
    }

    [Fact]
    public void OnDutyAt_BeforeTheFirstShiftOrWithAnEmptyRotation_IsNobody()
    {
        Assert.Null(Roster().OnDutyAt(Beijing(Monday, 8, 29)));
        var empty = new DutyRoster { CenterCode = "330503-ZHZX" };
        empty.Plan("standing", [], Monday, 1, DutyRoster.DefaultHandOver, "admin", Now);
        Assert.Null(empty.OnDutyAt(Beijing(Monday.AddDays(3), 12)));
        Assert.Null(new DutyRoster { CenterCode = "x" }.OnDutyAt(Now));
    }

    [Fact]
    public void Swap_GivesThatDayOnlyToAnotherCommander()
    {
        var roster = Roster();

        roster.Swap(Monday.AddDays(1), "d", "b", "家中有事", Now);

        Assert.Equal(["a", "d", "c"], Enumerable.Range(0, 3).Select(d => roster.CommanderOn(Monday.AddDays(d))));
        Assert.Equal("d", roster.OnDutyAt(Beijing(Monday.AddDays(2), 8, 0)));
        Assert.Equal("c", roster.OnDutyAt(Beijing(Monday.AddDays(2), 8, 30)));
    }

    [Fact]
    public void Swap_OfADaySwappedBefore_ReplacesTheEarlierSwap()
    {
        var roster = Roster();

        roster.Swap(Monday, "d", "a", "出差", Now);
        roster.Swap(Monday, "e", "a", "改派", Now);

        Assert.Equal("e", roster.CommanderOn(Monday));
        Assert.Single(roster.Swaps);
    }

    [Fact]
    public void HandOver_ByTheOutgoingCommander_IsForTheNextOneOnDuty()
    {
        var roster = Roster();
        var beforeHandOver = Beijing(Monday.AddDays(1), 8, 20);

        var note = roster.HandOver("a", "河道排污案待复核", beforeHandOver);

        Assert.Equal(("a", "b", Monday, Monday.AddDays(1)), (note.From, note.To, note.DutyDate, note.ForDate));
        Assert.Equal("b", roster.OnDutyAt(beforeHandOver.AddMinutes(10)));
    }

    [Fact]
    public void HandOver_DuringAShiftOfSeveralDays_IsForWhoeverTakesOverAtItsEnd()
    {
        var roster = Roster(3, "a", "b");
        roster.Swap(Monday.AddDays(3), "d", "b", "调休", Now);

        var note = roster.HandOver("a", "交班", Beijing(Monday, 20));

        Assert.Equal(("d", Monday.AddDays(3)), (note.To, note.ForDate));
    }

    [Fact]
    public void HandOver_BySomeoneNotOnDuty_IsRefused()
    {
        var roster = Roster();

        var refused = Assert.Throws<DomainException>(() => roster.HandOver("b", "交班", Beijing(Monday.AddDays(1), 8, 29)));

        Assert.Equal("handover.not_on_duty", refused.Code);
    }

    [Fact]
    public void NextHandOver_WithASingleCommander_IsNobody()
    {
        var roster = Roster(1, "a");

        Assert.Null(roster.NextHandOver(Beijing(Monday, 12)).UserName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Plan_WithAShiftOutsideOneToThirtyOneDays_IsRefused(int days)
    {
        var roster = new DutyRoster { CenterCode = "x" };

        Assert.Equal("roster.shift_days", Assert.Throws<DomainException>(() => roster.Plan(null, ["a"], Monday, days, DutyRoster.DefaultHandOver, "admin", Now)).Code);
    }
}
