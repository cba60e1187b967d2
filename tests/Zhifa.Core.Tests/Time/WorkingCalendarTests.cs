using Zhifa.Core.Matters;
using Zhifa.Core.Time;
using static Zhifa.Core.Tests.Support.TestCalendars;

namespace Zhifa.Core.Tests.Time;

/// <summary>
/// Working time on the default hours (08:30–12:00, 13:30–17:30, Asia/Shanghai). Ordinary weeks use
/// March 2026: Monday 03-02 to Friday 03-06, Saturday 03-07, Sunday 03-08, Monday 03-09.
/// </summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Weekdays = WorkingCalendar.Weekdays;

    private static DateTimeOffset AddMinutes(WorkingCalendar calendar, string start, int minutes) =>
        calendar.AddWorking(At(start), TimeSpan.FromMinutes(minutes));

    private static TimeSpan WorkingBetween(WorkingCalendar calendar, string from, string to) =>
        calendar.Between(At(from), At(to), working: true);

    [Theory]
    [InlineData("2026-03-02T11:00", 120, "2026-03-02T14:30")]
    [InlineData("2026-03-02T11:59", 2, "2026-03-02T13:31")]
    [InlineData("2026-03-02T08:30", 240, "2026-03-02T14:00")]
    public void AddWorking_WhenCrossingLunchBreak_SkipsIt(string start, int minutes, string due)
    {
        Assert.Equal(At(due), AddMinutes(Weekdays, start, minutes));
    }

    [Theory]
    [InlineData("2026-03-02T11:00", 60, "2026-03-02T12:00")]
    [InlineData("2026-03-02T08:30", 210, "2026-03-02T12:00")]
    [InlineData("2026-03-02T16:30", 60, "2026-03-02T17:30")]
    [InlineData("2026-03-02T11:00", 300, "2026-03-02T17:30")]
    public void AddWorking_WhenUsedUpAtTheEndOfAPeriod_FallsDueAtThatEnd(string start, int minutes, string due)
    {
        Assert.Equal(At(due), AddMinutes(Weekdays, start, minutes));
    }

    [Theory]
    [InlineData("2026-03-02T16:30", 120, "2026-03-03T09:30")]
    [InlineData("2026-03-02T17:00", 450, "2026-03-03T17:00")]
    [InlineData("2026-03-02T17:29", 1, "2026-03-02T17:30")]
    [InlineData("2026-03-02T17:29", 2, "2026-03-03T08:31")]
    public void AddWorking_WhenCrossingANight_ContinuesNextMorning(string start, int minutes, string due)
    {
        Assert.Equal(At(due), AddMinutes(Weekdays, start, minutes));
    }

    [Theory]
    [InlineData("2026-03-06T17:00", 60, "2026-03-09T09:00")] // half an hour on Friday, half on Monday
    [InlineData("2026-03-06T16:30", 120, "2026-03-09T09:30")]
    [InlineData("2026-03-06T16:00", 240, "2026-03-09T11:00")]
    public void AddWorking_WhenCrossingAWeekend_SkipsSaturdayAndSunday(string start, int minutes, string due)
    {
        Assert.Equal(At(due), AddMinutes(Weekdays, start, minutes));
    }

    [Theory]
    [InlineData("2026-03-07T10:00", 60, "2026-03-09T09:30")] // Saturday
    [InlineData("2026-03-08T23:00", 60, "2026-03-09T09:30")] // Sunday night
    [InlineData("2026-03-02T07:00", 60, "2026-03-02T09:30")] // before work
    [InlineData("2026-03-02T12:00", 60, "2026-03-02T14:30")] // lunch begins
    [InlineData("2026-03-02T12:30", 60, "2026-03-02T14:30")] // lunch
    [InlineData("2026-03-02T17:30", 60, "2026-03-03T09:30")] // work ends
    [InlineData("2026-03-02T18:00", 60, "2026-03-03T09:30")] // evening
    [InlineData("2026-03-06T18:00", 60, "2026-03-09T09:30")] // Friday evening
    public void AddWorking_WhenStartingOutsideWorkingHours_CountsFromTheNextPeriod(string start, int minutes, string due)
    {
        Assert.Equal(At(due), AddMinutes(Weekdays, start, minutes));
    }

    [Theory]
    [InlineData("2026-03-02T10:00")]
    [InlineData("2026-03-07T10:00")]
    public void AddWorking_WhenAmountIsZero_ReturnsTheStart(string start)
    {
        Assert.Equal(At(start), AddMinutes(Weekdays, start, 0));
    }

    [Fact]
    public void AddWorking_WhenAmountIsNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AddMinutes(Weekdays, "2026-03-02T10:00", -1));
    }

    [Theory]
    [InlineData("2026-03-02T11:00", "1wh", "2026-03-02T12:00")]
    [InlineData("2026-03-02T11:00", "2wh", "2026-03-02T14:30")]
    [InlineData("2026-03-06T17:00", "1wh", "2026-03-09T09:00")]
    public void DueAt_WhenWorkingHours_CountsWorkingTime(string start, string limit, string due)
    {
        Assert.Equal(At(due), Weekdays.DueAt(At(start), TimeLimit.Parse(limit)));
    }

    [Theory]
    [InlineData("2026-03-02T10:00", "1wd", "2026-03-03T10:00")] // Monday → Tuesday
    [InlineData("2026-03-02T14:00", "1wd", "2026-03-03T14:00")]
    [InlineData("2026-03-02T12:00", "1wd", "2026-03-03T12:00")]
    [InlineData("2026-03-06T10:00", "1wd", "2026-03-09T10:00")] // Friday → Monday
    [InlineData("2026-03-02T10:00", "5wd", "2026-03-09T10:00")]
    [InlineData("2026-03-02T07:00", "1wd", "2026-03-02T17:30")] // before work: that whole day
    public void DueAt_WhenWorkingDays_FallsAtTheSameMomentOfALaterWorkingDay(string start, string limit, string due)
    {
        Assert.Equal(At(due), Weekdays.DueAt(At(start), TimeLimit.Parse(limit)));
    }

    [Theory]
    [InlineData("2026-03-06T17:20", "30nm", "2026-03-06T17:50")]
    [InlineData("2026-03-07T22:00", "4nh", "2026-03-08T02:00")]
    [InlineData("2026-02-16T10:00", "4nh", "2026-02-16T14:00")] // a Spring Festival holiday
    [InlineData("2026-02-13T23:50", "30nm", "2026-02-14T00:20")]
    public void DueAt_WhenNaturalUnits_IgnoresTheCalendar(string start, string limit, string due)
    {
        Assert.Equal(At(due), SpringFestival2026.DueAt(At(start), TimeLimit.Parse(limit)));
    }

    [Theory]
    [InlineData("1wh", true)]
    [InlineData("1wd", true)]
    [InlineData("30nm", false)]
    [InlineData("4nh", false)]
    public void CountsWorkingTime_WhenUnit_IsTrueOnlyForWorkingUnits(string limit, bool working)
    {
        Assert.Equal(working, WorkingCalendar.CountsWorkingTime(TimeLimit.Parse(limit)));
    }

    [Theory]
    [InlineData("2wh", 120)]
    [InlineData("1wd", 450)]
    [InlineData("3wd", 1350)]
    [InlineData("30nm", 30)]
    [InlineData("4nh", 240)]
    public void Length_WhenLimit_IsTheAmountInItsOwnKindOfTime(string limit, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Weekdays.Length(TimeLimit.Parse(limit)));
    }

    [Fact]
    public void Length_WhenUnitUnknown_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Weekdays.Length(new TimeLimit(1, (TimeLimitUnit)99)));
    }

    [Fact]
    public void WorkingDay_WhenDefaultHours_IsSevenAndAHalfHours()
    {
        Assert.Equal(TimeSpan.FromHours(7.5), Weekdays.WorkingDay);
    }

    [Fact]
    public void DueAt_WhenOtherHours_OneWorkingDayIsTheirSum()
    {
        var calendar = new WorkingCalendar([new(new(9, 0), new(17, 0))], new Dictionary<DateOnly, bool>());

        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDay);
        Assert.Equal(At("2026-03-03T10:00"), calendar.DueAt(At("2026-03-02T10:00"), TimeLimit.Parse("1wd")));
    }

    [Theory]
    [InlineData("2026-02-13", true)]  // Friday before the festival
    [InlineData("2026-02-14", true)]  // Saturday, adjusted working day
    [InlineData("2026-02-15", false)] // Sunday, holiday
    [InlineData("2026-02-16", false)] // Monday, holiday
    [InlineData("2026-02-21", false)] // Saturday within the holiday
    [InlineData("2026-02-23", false)] // Monday, last holiday
    [InlineData("2026-02-24", true)]  // Tuesday, back to work
    [InlineData("2026-02-28", true)]  // Saturday, adjusted working day
    [InlineData("2026-03-01", false)] // ordinary Sunday
    [InlineData("2026-03-07", false)] // ordinary Saturday
    public void IsWorkingDay_WhenSpringFestival2026_FollowsTheExceptions(string date, bool working)
    {
        Assert.Equal(working, SpringFestival2026.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-02-13T10:00", "1wd", "2026-02-14T10:00")] // Friday → adjusted Saturday
    [InlineData("2026-02-13T10:00", "2wd", "2026-02-24T10:00")] // over Feb 15–23
    [InlineData("2026-02-12T10:00", "3wd", "2026-02-24T10:00")]
    [InlineData("2026-02-14T16:30", "2wh", "2026-02-24T09:30")]
    [InlineData("2026-02-18T10:00", "1wh", "2026-02-24T09:30")] // starting on a holiday
    [InlineData("2026-02-27T10:00", "1wd", "2026-02-28T10:00")] // Friday → adjusted Saturday
    [InlineData("2026-02-28T10:00", "1wd", "2026-03-02T10:00")] // adjusted Saturday → Monday
    public void DueAt_WhenSpringFestival2026_SkipsHolidaysAndWorksAdjustedSaturdays(string start, string limit, string due)
    {
        Assert.Equal(At(due), SpringFestival2026.DueAt(At(start), TimeLimit.Parse(limit)));
    }

    [Theory]
    [InlineData("2026-02-13T10:00", "2026-02-24T10:00", 900)]
    [InlineData("2026-02-14T08:30", "2026-02-24T08:30", 450)]
    [InlineData("2026-02-15T00:00", "2026-02-23T23:59", 0)]
    public void Between_WhenSpringFestival2026_CountsOnlyWorkingDays(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), WorkingBetween(SpringFestival2026, from, to));
    }

    [Theory]
    [InlineData("2026-03-02T11:00", "2026-03-02T14:30", 120)] // lunch
    [InlineData("2026-03-02T12:00", "2026-03-02T13:30", 0)]
    [InlineData("2026-03-02T16:30", "2026-03-03T09:30", 120)] // night
    [InlineData("2026-03-06T17:00", "2026-03-09T09:00", 60)]  // weekend
    [InlineData("2026-03-07T10:00", "2026-03-08T10:00", 0)]
    [InlineData("2026-03-02T07:00", "2026-03-02T18:00", 450)]
    [InlineData("2026-03-02T10:00", "2026-03-09T10:00", 2250)]
    public void Between_WhenWorkingTime_CountsOnlyWorkingPeriods(string from, string to, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), WorkingBetween(Weekdays, from, to));
    }

    [Fact]
    public void Between_WhenNaturalTime_IsTheDifference()
    {
        Assert.Equal(TimeSpan.FromHours(25.5), Weekdays.Between(At("2026-03-07T10:00"), At("2026-03-08T11:30"), working: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Between_WhenToIsNotAfterFrom_IsZero(bool working)
    {
        Assert.Equal(TimeSpan.Zero, Weekdays.Between(At("2026-03-02T10:00"), At("2026-03-02T10:00"), working));
        Assert.Equal(TimeSpan.Zero, Weekdays.Between(At("2026-03-03T10:00"), At("2026-03-02T10:00"), working));
    }

    private static readonly TimeSpan[] Amounts =
        [.. new[] { 0, 1, 30, 90, 210, 240, 450, 660, 1350, 4500 }.Select(m => TimeSpan.FromMinutes(m))];

    /// <summary>Every 37 minutes through Feb 12 – Mar 3 2026: inside and outside hours, weekends, the festival.</summary>
    private static IEnumerable<DateTimeOffset> GridOfStarts()
    {
        for (var start = At("2026-02-12T00:00"); start < At("2026-03-03T00:00"); start = start.AddMinutes(37))
            yield return start;
    }

    [Fact]
    public void Between_WhenToIsWhereAddWorkingFellDue_GivesTheAmountBack()
    {
        foreach (var start in GridOfStarts())
        {
            foreach (var amount in Amounts)
            {
                var due = SpringFestival2026.AddWorking(start, amount);
                Assert.True(amount == SpringFestival2026.Between(start, due, working: true), $"{start:O} + {amount} = {due:O}");
            }
        }
    }

    [Fact]
    public void AddWorking_WhenAmountSplitInTwo_FallsDueAtTheSameMoment()
    {
        foreach (var start in GridOfStarts())
        {
            foreach (var (first, second) in Amounts.Zip(Enumerable.Reverse(Amounts)))
            {
                var inOne = SpringFestival2026.AddWorking(start, first + second);
                var inTwo = SpringFestival2026.AddWorking(SpringFestival2026.AddWorking(start, first), second);
                Assert.True(inOne == inTwo, $"{start:O} + {first} + {second}: {inOne:O} vs {inTwo:O}");
            }
        }
    }

    [Theory]
    [InlineData("2026-03-02T07:00", "1wh")] // 2026-03-01T23:00Z: the UTC date is Sunday
    [InlineData("2026-03-02T11:00", "2wh")]
    [InlineData("2026-03-06T17:00", "1wh")]
    [InlineData("2026-03-07T06:00", "1wd")] // 2026-03-06T22:00Z: the UTC date is a working Friday
    [InlineData("2026-02-13T10:00", "2wd")]
    public void DueAt_WhenStartGivenInUtc_FallsDueAtTheSameInstant(string start, string limit)
    {
        var local = SpringFestival2026.DueAt(At(start), TimeLimit.Parse(limit));

        var utc = SpringFestival2026.DueAt(Utc(At(start)), TimeLimit.Parse(limit));

        Assert.Equal(local, utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2026-03-02T07:00", "2026-03-02T09:30")]
    [InlineData("2026-03-06T17:00", "2026-03-09T09:30")]
    [InlineData("2026-03-07T06:00", "2026-03-09T07:59")]
    [InlineData("2026-02-13T10:00", "2026-02-24T10:00")]
    public void Between_WhenInstantsGivenInUtc_CountsTheSameTime(string from, string to)
    {
        Assert.Equal(
            SpringFestival2026.Between(At(from), At(to), working: true),
            SpringFestival2026.Between(Utc(At(from)), Utc(At(to)), working: true));
    }

    [Fact]
    public void Constructor_WhenNoPeriods_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], new Dictionary<DateOnly, bool>()));
    }

    public static TheoryData<WorkPeriod[]> BadPeriods => new()
    {
        { [new(new(12, 0), new(8, 30))] },                                    // ends before it starts
        { [new(new(9, 0), new(9, 0))] },                                      // empty
        { [new(new(13, 30), new(17, 30)), new(new(8, 30), new(12, 0))] },     // out of order
        { [new(new(8, 30), new(12, 0)), new(new(11, 0), new(17, 30))] },      // overlapping
    };

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public void Constructor_WhenPeriodsInvalid_Throws(WorkPeriod[] periods)
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(periods, new Dictionary<DateOnly, bool>()));
    }

    [Fact]
    public void Constructor_WhenPeriodsTouch_AcceptsThem()
    {
        var calendar = new WorkingCalendar([new(new(8, 0), new(12, 0)), new(new(12, 0), new(16, 0))], new Dictionary<DateOnly, bool>());

        Assert.Equal(At("2026-03-02T13:00"), calendar.AddWorking(At("2026-03-02T11:00"), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("1wh")]
    [InlineData("1wd")]
    public void DueAt_WhenCalendarHasNoWorkingDays_Throws(string limit)
    {
        Assert.Throws<InvalidOperationException>(() => NoWorkingDays.DueAt(At("2026-03-02T10:00"), TimeLimit.Parse(limit)));
    }

    [Fact]
    public void Between_WhenCalendarHasNoWorkingDays_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, WorkingBetween(NoWorkingDays, "2026-03-02T10:00", "2026-04-02T10:00"));
    }

    [Fact]
    public void DueAt_WhenLimitSpansMoreDaysThanTheSearchBound_StillFallsDue()
    {
        // 2700 working days of Monday–Friday are 540 weeks, 3780 days: more than the 3660 days the
        // search allows for a calendar without working time, though every week has some.
        Assert.Equal(At("2026-03-02T10:00").AddDays(3780), Weekdays.DueAt(At("2026-03-02T10:00"), TimeLimit.Parse("2700wd")));
    }
}
