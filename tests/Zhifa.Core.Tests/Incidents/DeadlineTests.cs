using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Incidents.IncidentAction;
using static Zhifa.Core.Tests.Support.ClockedIncident;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>Which clocks the incident's actions start, end, pause and resume, and the lights they show.</summary>
public class DeadlineTests
{
    private static void AssertEnded(Deadline clock, DeadlineOutcome outcome, DateTimeOffset at)
    {
        Assert.False(clock.IsOpen);
        Assert.Equal(outcome, clock.Outcome);
        Assert.Equal(at, clock.EndedAt);
        Assert.Null(clock.NextEffectAt);
    }

    [Fact]
    public void Dispatch_WhenMatterKnown_StartsAcceptClockWithItsAcceptLimit()
    {
        var incident = Dispatched();

        var clock = Assert.Single(incident.Incident.Deadlines);
        Assert.Equal(DeadlineKind.Accept, clock.Kind);
        Assert.Equal(incident.Incident.Id, clock.IncidentId);
        Assert.Equal(TimeLimit.Parse("2wh"), clock.Limit);
        Assert.True(clock.WorkingTime);
        Assert.Equal(TimeSpan.FromHours(2), clock.Allowed);
        Assert.Equal(Mon(9), clock.StartedAt);
        Assert.Equal(Mon(10, 36), clock.YellowAt);
        Assert.Equal(Mon(11), clock.DueAt);
        Assert.True(clock.IsOpen);
        Assert.False(clock.IsPaused);
        Assert.Equal(0, clock.Stage);
        Assert.Equal(clock.YellowAt, clock.NextEffectAt);
    }

    [Fact]
    public void Dispatch_WhenMatterUnknown_UsesTheRulesDefaultAcceptLimit()
    {
        var incident = WithMatter(null).Do(Dispatch, Mon(9));

        var clock = incident.Open(DeadlineKind.Accept);
        Assert.Equal(incident.Rules.DefaultAcceptLimit, clock.Limit);
        Assert.Equal(Mon(14, 30), clock.DueAt);
    }

    [Fact]
    public void Dispatch_WhenLimitCountsNaturalTime_DueIgnoresTheCalendar()
    {
        var clock = WithAcceptLimit("30nm").Do(Dispatch, Fri(17, 20)).Open(DeadlineKind.Accept);

        Assert.False(clock.WorkingTime);
        Assert.Equal(Fri(17, 44), clock.YellowAt);
        Assert.Equal(Fri(17, 50), clock.DueAt);
    }

    [Fact]
    public void Accept_WhenDispatched_EndsAcceptClockAsMetAndStartsHandleClock()
    {
        var incident = InProgress();

        AssertEnded(incident.All(DeadlineKind.Accept).Single(), DeadlineOutcome.Met, Mon(10));
        var handle = incident.Open(DeadlineKind.Handle);
        Assert.Equal(TimeLimit.Parse("1wd"), handle.Limit);
        Assert.Equal(Mon(10), handle.StartedAt);
        Assert.Equal(Mon(17, 30), handle.YellowAt);
        Assert.Equal(Tue(10), handle.DueAt);
    }

    [Fact]
    public void Accept_WhenMatterUnknown_UsesTheRulesDefaultHandleLimit()
    {
        var incident = WithMatter(null).Do(Dispatch, Mon(9)).Do(Accept, Mon(10));

        var handle = incident.Open(DeadlineKind.Handle);
        Assert.Equal(incident.Rules.DefaultHandleLimit, handle.Limit);
        Assert.Equal(NextMon(10), handle.DueAt);
    }

    [Fact]
    public void Resolve_WhenInProgress_EndsHandleClockAsMetAndStartsVerifyClock()
    {
        var incident = Resolved();

        AssertEnded(incident.All(DeadlineKind.Handle).Single(), DeadlineOutcome.Met, Mon(15));
        var verify = incident.Open(DeadlineKind.Verify);
        Assert.Equal(incident.Rules.VerifyLimit, verify.Limit);
        Assert.Equal(Tue(15), verify.DueAt);
    }

    [Fact]
    public void VerifyPassed_WhenResolved_EndsVerifyClockAsMetAndStartsNone()
    {
        var incident = Resolved().Do(VerifyPassed, Tue(9));

        AssertEnded(incident.All(DeadlineKind.Verify).Single(), DeadlineOutcome.Met, Tue(9));
        Assert.DoesNotContain(incident.Incident.Deadlines, d => d.IsOpen);
    }

    [Fact]
    public void VerifyFailed_WhenReworkFull_EndsVerifyAndStartsHandleWithTheFullLimit()
    {
        var incident = Resolved(TestRules(ReworkClock.Full)).Do(VerifyFailed, Tue(9));

        AssertEnded(incident.All(DeadlineKind.Verify).Single(), DeadlineOutcome.Met, Tue(9));
        var rework = incident.Open(DeadlineKind.Handle);
        Assert.Equal(2, incident.All(DeadlineKind.Handle).Count);
        Assert.Equal(TimeSpan.FromHours(7.5), rework.Allowed);
        Assert.Equal(Tue(9), rework.StartedAt);
        Assert.Equal(Wed(9), rework.DueAt);
    }

    [Fact]
    public void VerifyFailed_WhenReworkRemaining_StartsHandleWithWhatWasLeftAtResolution()
    {
        // Handling ran Monday 10:00–15:00: 3.5 working hours of 7.5, so 4 were left.
        var incident = Resolved(TestRules(ReworkClock.Remaining)).Do(VerifyFailed, Tue(9));

        var rework = incident.Open(DeadlineKind.Handle);
        Assert.Equal(TimeSpan.FromHours(4), rework.Allowed);
        Assert.Equal(TimeLimit.Parse("1wd"), rework.Limit);
        Assert.Equal(Tue(14, 30), rework.DueAt);
    }

    [Fact]
    public void VerifyFailed_WhenReworkRemainingAndResolvedLate_ReworkIsRedAtOnce()
    {
        var incident = InProgress(TestRules(ReworkClock.Remaining))
            .Do(Resolve, Tue(11))
            .Do(VerifyFailed, Tue(15));

        var rework = incident.Open(DeadlineKind.Handle);
        Assert.Equal(TimeSpan.Zero, rework.Allowed);
        Assert.Equal(Tue(15), rework.DueAt);
        Assert.Equal(TrafficLight.Red, rework.LightAt(Tue(15)));
    }

    [Fact]
    public void Reopen_WhenClosed_StartsAcceptClockAgain()
    {
        var incident = Resolved().Do(VerifyPassed, Tue(9)).Do(Reopen, Wed(9));

        var accept = incident.Open(DeadlineKind.Accept);
        Assert.Equal(2, incident.All(DeadlineKind.Accept).Count);
        Assert.Equal(Wed(11), accept.DueAt);
    }

    [Fact]
    public void Rule_WhenDisputed_StartsAcceptClockAgain()
    {
        var incident = Dispatched().Do(Return, Mon(9, 30)).Do(Dispute, Mon(10)).Do(Rule, Mon(10, 30));

        var accept = incident.Open(DeadlineKind.Accept);
        Assert.Equal(Mon(10, 30), accept.StartedAt);
        Assert.Equal(Mon(14), accept.DueAt);
    }

    [Fact]
    public void Return_WhenDispatched_DropsTheAcceptClock()
    {
        var incident = Dispatched().Do(Return, Mon(9, 30));

        AssertEnded(incident.All(DeadlineKind.Accept).Single(), DeadlineOutcome.Dropped, Mon(9, 30));
        Assert.Null(incident.Incident.LightAt(Mon(9, 30)));
    }

    // The life cycle takes these only from Reported or Disputed, where no clock runs any more;
    // the clock rule still drops whatever runs.
    [Theory]
    [InlineData(Reject)]
    [InlineData(Merge)]
    [InlineData(Escalate)]
    [InlineData(Dispute)]
    public void RunClocks_WhenLeavingTheStepAnotherWay_DropsOpenClocks(IncidentAction action)
    {
        var incident = InProgress().Do(Suspend, Mon(11)).RunClocks(action, Mon(12));

        AssertEnded(incident.All(DeadlineKind.Handle).Single(), DeadlineOutcome.Dropped, Mon(12));
        Assert.DoesNotContain(incident.Incident.Deadlines, d => d.IsOpen);
    }

    [Fact]
    public void RunClocks_WhenDispatchedAnew_DropsTheOpenClockAndStartsAnother()
    {
        var incident = Dispatched().RunClocks(Dispatch, Mon(9, 30));

        AssertEnded(incident.All(DeadlineKind.Accept)[0], DeadlineOutcome.Dropped, Mon(9, 30));
        Assert.Equal(Mon(9, 30), incident.Open(DeadlineKind.Accept).StartedAt);
    }

    [Fact]
    public void RunClocks_WhenReport_ChangesNoClock()
    {
        var incident = Dispatched().RunClocks(Report, Mon(9, 30));

        Assert.Same(incident.Incident.Deadlines.Single(), incident.Open(DeadlineKind.Accept));
    }

    [Fact]
    public void RunClocks_WhenActionUnknown_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dispatched().RunClocks((IncidentAction)99, Mon(10)));
    }

    [Fact]
    public void Suspend_WhenInProgress_PausesTheOpenClock()
    {
        var clock = InProgress().Do(Suspend, Mon(11)).Open(DeadlineKind.Handle);

        Assert.True(clock.IsPaused);
        Assert.Equal(Mon(11), clock.PausedAt);
        Assert.Equal(TimeSpan.FromHours(1), clock.Consumed);
        Assert.Null(clock.NextEffectAt);
    }

    [Theory]
    [InlineData("Mon 11:00", TrafficLight.Green)]
    [InlineData("Tue 09:00", TrafficLight.Yellow)]
    [InlineData("Tue 11:00", TrafficLight.Red)]
    public void Suspend_WhenPaused_LightStaysAsItWasWhenPaused(string pausedAt, TrafficLight light)
    {
        var clock = InProgress().Do(Suspend, When(pausedAt)).Open(DeadlineKind.Handle);

        Assert.Equal(light, clock.LightAt(When(pausedAt)));
        Assert.Equal(light, clock.LightAt(When(pausedAt).AddDays(30)));
    }

    [Fact]
    public void Suspend_WhenPaused_RemainingAtStaysHoweverFarNowMoves()
    {
        var incident = InProgress().Do(Suspend, Mon(11));
        var clock = incident.Open(DeadlineKind.Handle);

        Assert.All([Mon(11), Tue(11), NextMon(11), Mon(11).AddYears(1)],
            now => Assert.Equal(TimeSpan.FromHours(6.5), clock.RemainingAt(now, incident.Calendar)));
    }

    // Handling started Monday 10:00 with 1wd: yellow Monday 17:30, due Tuesday 10:00.
    [Theory]
    [InlineData("Mon 11:00", "Tue 11:00", "Tue 17:30", "Wed 10:00")]
    [InlineData("Mon 11:00", "Mon 11:45", "Tue 09:15", "Tue 10:45")]
    [InlineData("Mon 12:30", "Mon 13:00", "Mon 17:30", "Tue 10:00")] // paused over lunch only
    [InlineData("Mon 11:00", "NextMon 09:00", "NextMon 15:30", "NextMon 17:00")]
    public void Resume_WhenSuspended_MovesYellowAndDueLaterByThePausedWorkingTime(string pausedAt, string resumedAt, string yellowAt, string dueAt)
    {
        var incident = InProgress();
        var (yellowBefore, dueBefore) = (incident.Open(DeadlineKind.Handle).YellowAt, incident.Open(DeadlineKind.Handle).DueAt);

        var clock = incident.Do(Suspend, When(pausedAt)).Do(Resume, When(resumedAt)).Open(DeadlineKind.Handle);

        var paused = incident.Calendar.Between(When(pausedAt), When(resumedAt), working: true);
        Assert.Equal(paused, incident.Calendar.Between(yellowBefore, clock.YellowAt, working: true));
        Assert.Equal(paused, incident.Calendar.Between(dueBefore, clock.DueAt, working: true));
        Assert.Equal(When(yellowAt), clock.YellowAt);
        Assert.Equal(When(dueAt), clock.DueAt);
    }

    [Fact]
    public void Resume_WhenPausedAfterYellow_KeepsYellowAtAndMovesDueAt()
    {
        var clock = InProgress().Do(Suspend, Tue(9)).Do(Resume, Wed(9)).Open(DeadlineKind.Handle);

        Assert.Equal(Mon(17, 30), clock.YellowAt);
        Assert.Equal(Wed(10), clock.DueAt);
    }

    [Fact]
    public void Resume_WhenSuspended_RunsTheClockAndItsLadderAgain()
    {
        var incident = InProgress().Do(Suspend, Mon(11)).Do(Resume, Tue(11));
        var clock = incident.Open(DeadlineKind.Handle);

        Assert.False(clock.IsPaused);
        Assert.Equal(Tue(11), clock.RunningSince);
        Assert.Equal(clock.YellowAt, clock.NextEffectAt);
        Assert.Equal(TimeSpan.FromHours(5.5), clock.RemainingAt(Tue(12), incident.Calendar));
    }

    // Dispatched Monday 11:00 with 2wh: 96 minutes (80 %) run out at 14:06, across lunch; due 14:30.
    [Theory]
    [InlineData("Mon 11:00", TrafficLight.Green)]
    [InlineData("Mon 13:00", TrafficLight.Green)]
    [InlineData("Mon 14:05", TrafficLight.Green)]
    [InlineData("Mon 14:06", TrafficLight.Yellow)]
    [InlineData("Mon 14:29", TrafficLight.Yellow)]
    [InlineData("Mon 14:30", TrafficLight.Red)]
    [InlineData("Tue 09:00", TrafficLight.Red)]
    public void LightAt_WhenShareOfTheLimitUsed_GreenBelow80YellowFrom80RedFrom100Percent(string now, TrafficLight light)
    {
        var clock = Reported().Do(Dispatch, Mon(11)).Open(DeadlineKind.Accept);

        Assert.Equal(light, clock.LightAt(When(now)));
    }

    [Theory]
    [InlineData("Mon 10:00", TrafficLight.Green)]
    [InlineData("Mon 10:45", TrafficLight.Yellow)]
    [InlineData("Mon 11:30", TrafficLight.Red)]
    public void LightAt_WhenClockEnded_ShowsTheLightItEndedWith(string acceptedAt, TrafficLight light)
    {
        var accept = Dispatched().Do(Accept, When(acceptedAt)).All(DeadlineKind.Accept).Single();

        Assert.Equal(light, accept.LightAt(NextMon(9)));
    }

    [Theory]
    [InlineData("Mon 09:00", 120)]
    [InlineData("Mon 10:00", 60)]
    [InlineData("Mon 12:45", 0)]
    [InlineData("Tue 09:00", 0)]
    public void RemainingAt_WhenRunning_IsTheLimitLessTheWorkingTimeUsed(string now, int minutes)
    {
        var incident = Dispatched();

        Assert.Equal(TimeSpan.FromMinutes(minutes), incident.Open(DeadlineKind.Accept).RemainingAt(When(now), incident.Calendar));
    }

    [Fact]
    public void IncidentLightAt_WhenNoClockRuns_IsNull()
    {
        Assert.Null(Reported().Incident.LightAt(Mon(9)));
        Assert.Null(Resolved().Do(VerifyPassed, Tue(9)).Incident.LightAt(Tue(9)));
    }

    [Fact]
    public void IncidentLightAt_WhenAnEndedClockWasRed_ShowsTheOpenClocksOnly()
    {
        // Accepted after its 11:00 deadline; handling then runs from 11:30, due Tuesday 11:30.
        var incident = Dispatched().Do(Accept, Mon(11, 30));

        Assert.Equal(TrafficLight.Red, incident.All(DeadlineKind.Accept).Single().LightAt(Mon(11, 30)));
        Assert.Equal(TrafficLight.Green, incident.Incident.LightAt(Mon(11, 30)));
        Assert.Equal(TrafficLight.Red, incident.Incident.LightAt(Tue(11, 30)));
    }
}
