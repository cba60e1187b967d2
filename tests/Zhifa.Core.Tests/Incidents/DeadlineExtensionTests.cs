using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Supervision;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Incidents.IncidentAction;
using static Zhifa.Core.Tests.Support.ClockedIncident;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>
/// Extensions (延期) of a running clock, and the supervision ladder (督办) that climbs on it. The
/// accept clock dispatched on Monday 09:00 has 2wh: yellow at 10:36, due at 11:00.
/// </summary>
public class DeadlineExtensionTests
{
    private static ExtensionRequest Request(ClockedIncident incident, string newLimit) => new()
    {
        IncidentId = incident.Incident.Id,
        Kind = DeadlineKind.Accept,
        CurrentLimit = incident.Open(DeadlineKind.Accept).Limit,
        NewLimit = TimeLimit.Parse(newLimit),
        Reason = "the boat is out of service",
        DepartmentCode = IncidentBuilder.LeadDepartment,
        RequestedBy = IncidentBuilder.Officer,
        RequestedAt = Mon(9, 30),
    };

    /// <summary>The accept clock, red at Monday 11:30 or later, with the supervision worker having climbed to <paramref name="stage"/>.</summary>
    private static (ClockedIncident Incident, Deadline Clock) Climbed(int stage)
    {
        var incident = Dispatched();
        var clock = incident.Open(DeadlineKind.Accept);
        clock.Climb(stage, incident.Rules);
        return (incident, clock);
    }

    /// <summary>Handling (1wd from Monday 10:00) paused at 17:00 with 5.5 of 7.5 hours used (green), then extended to 8wh.</summary>
    private static ClockedIncident PausedThenExtended()
    {
        var incident = InProgress().Do(Suspend, Mon(17));
        incident.Extend(DeadlineKind.Handle, "8wh", Mon(17, 15));
        return incident;
    }

    [Theory]
    [InlineData("3wh", "Mon 11:24", "Mon 12:00")]
    [InlineData("1wd", "Mon 16:30", "Tue 09:00")]
    public void Extend_WhenLongerLimit_MovesDueAtAsIfCountedFromTheSameStart(string limit, string yellowAt, string dueAt)
    {
        var incident = Dispatched();

        incident.Extend(DeadlineKind.Accept, limit, Mon(10));

        var clock = incident.Open(DeadlineKind.Accept);
        Assert.Equal(TimeLimit.Parse(limit), clock.Limit);
        Assert.Equal(Mon(9), clock.StartedAt);
        Assert.Equal(incident.Calendar.DueAt(Mon(9), TimeLimit.Parse(limit)), clock.DueAt);
        Assert.Equal(When(dueAt), clock.DueAt);
        Assert.Equal(When(yellowAt), clock.YellowAt);
    }

    [Fact]
    public void Extend_WhenLongerLimit_WritesOneTimelineEntry()
    {
        var incident = Dispatched();
        var before = Before.Of(incident.Incident);

        incident.Extend(DeadlineKind.Accept, "3wh", Mon(10));

        before.AssertOneEntry(incident.Incident, "extend", IncidentStatus.Dispatched, Actor, Mon(10), "accept limit 2wh → 3wh: waiting for the boat");
    }

    [Theory]
    [InlineData("1wh", "deadline.extension_shorter")]
    [InlineData("2wh", "deadline.extension_shorter")]
    [InlineData("4nh", "deadline.extension_unit")]
    [InlineData("300nm", "deadline.extension_unit")]
    public void Extend_WhenNotALongerLimitOfTheSameKindOfTime_ThrowsAndChangesNothing(string limit, string code)
    {
        var incident = Dispatched();
        var before = Before.Of(incident.Incident);

        var error = Assert.Throws<DomainException>(() => incident.Extend(DeadlineKind.Accept, limit, Mon(10)));

        Assert.Equal(code, error.Code);
        var clock = incident.Open(DeadlineKind.Accept);
        Assert.Equal((TimeLimit.Parse("2wh"), Mon(11)), (clock.Limit, clock.DueAt));
        before.AssertUnchanged(incident.Incident);
    }

    [Fact]
    public void Extend_WhenNaturalClockGivenWorkingLimit_ThrowsExtensionUnit()
    {
        var incident = WithAcceptLimit("30nm").Do(Dispatch, Mon(9));

        var error = Assert.Throws<DomainException>(() => incident.Extend(DeadlineKind.Accept, "1wd", Mon(9, 10)));

        Assert.Equal("deadline.extension_unit", error.Code);
    }

    [Fact]
    public void Extend_WhenNoClockOfThatKindRuns_ThrowsNotRunning()
    {
        var error = Assert.Throws<DomainException>(() => Dispatched().Extend(DeadlineKind.Handle, "2wd", Mon(10)));

        Assert.Equal("deadline.not_running", error.Code);
    }

    [Fact]
    public void Extend_WhenPaused_KeepsTheLightItHadWhenPaused()
    {
        var clock = PausedThenExtended().Open(DeadlineKind.Handle);

        Assert.Equal(TrafficLight.Green, clock.LightAt(Tue(12)));
        Assert.Null(clock.NextEffectAt);
    }

    [Fact]
    public void Extend_WhenPaused_MomentsAreWhereTheLongerLimitRunsOutFromThePause()
    {
        var clock = PausedThenExtended().Open(DeadlineKind.Handle);

        // 0.9 h to yellow (6.4 − 5.5) and 2.5 h to due from Monday 17:00: half an hour that day, the rest on Tuesday.
        Assert.Equal(Tue(8, 54), clock.YellowAt);
        Assert.Equal(Tue(10, 30), clock.DueAt);
    }

    [Fact]
    public void Extend_WhenPausedThenResumed_DueAtIsTheRestCountedFromTheResumption()
    {
        var clock = PausedThenExtended().Do(Resume, Tue(9)).Open(DeadlineKind.Handle);

        Assert.Equal(Tue(11, 30), clock.DueAt);
    }

    // Red at 11:30 after the reminder and the notice: 1wd turns it green (next step the new yellow,
    // 16:30), 3wh yellow (the reminder stays issued; the notice waits for the new due, 12:00).
    [Theory]
    [InlineData("1wd", TrafficLight.Green, 0, "Mon 16:30")]
    [InlineData("3wh", TrafficLight.Yellow, 1, "Mon 12:00")]
    public void Extend_WhenRedClockLightensUp_LowersStageSoTheLadderFiresAgain(string limit, TrafficLight light, int stage, string nextEffectAt)
    {
        var (incident, clock) = Climbed(stage: 2);

        incident.Extend(DeadlineKind.Accept, limit, Mon(11, 30));

        Assert.Equal(light, clock.LightAt(Mon(11, 30)));
        Assert.Equal(stage, clock.Stage);
        Assert.Equal(When(nextEffectAt), clock.NextEffectAt);
        Assert.Equal(SupervisionLadder.Default.EffectAt(clock, stage + 1, incident.Calendar), clock.NextEffectAt);
    }

    // Stage 1 (reminder) with yellow still past; stage 2 (notice) with the clock still red, its level-2 step due Tuesday 11:00.
    [Theory]
    [InlineData(1, "Mon 11:30", "Mon 12:00")]
    [InlineData(2, "Tue 10:00", "Tue 11:00")]
    public void Extend_WhenStageMomentsStillPast_KeepsTheStage(int stage, string extendedAt, string nextEffectAt)
    {
        var (incident, clock) = Climbed(stage);

        incident.Extend(DeadlineKind.Accept, "3wh", When(extendedAt));

        Assert.Equal(stage, clock.Stage);
        Assert.Equal(When(nextEffectAt), clock.NextEffectAt);
    }

    [Fact]
    public void Approve_WhenPending_ExtendsTheClockAndRecordsTheDecision()
    {
        var incident = Dispatched();
        var request = Request(incident, "3wh");

        request.Approve(incident.Incident, incident.Rules, Actor, Mon(10), "granted");

        Assert.Equal(Mon(12), incident.Open(DeadlineKind.Accept).DueAt);
        Assert.Equal((ExtensionStatus.Approved, Actor, Mon(10), "granted"), (request.Status, request.DecidedBy, request.DecidedAt, request.DecisionNote));
        Assert.Equal("accept limit 2wh → 3wh: the boat is out of service", incident.Incident.Timeline[^1].Note);
    }

    [Theory]
    [InlineData("1wh", "deadline.extension_shorter")]
    [InlineData("4nh", "deadline.extension_unit")]
    public void Approve_WhenNewLimitRefused_ThrowsAndStaysPending(string newLimit, string code)
    {
        var incident = Dispatched();
        var request = Request(incident, newLimit);

        var error = Assert.Throws<DomainException>(() => request.Approve(incident.Incident, incident.Rules, Actor, Mon(10), null));

        Assert.Equal(code, error.Code);
        Assert.Equal(ExtensionStatus.Pending, request.Status);
        Assert.Null(request.DecidedAt);
        Assert.Equal(Mon(11), incident.Open(DeadlineKind.Accept).DueAt);
    }

    [Fact]
    public void Refuse_WhenPending_LeavesTheClockAsItWas()
    {
        var incident = Dispatched();
        var request = Request(incident, "3wh");

        request.Refuse(Actor, Mon(10), "do it today");

        Assert.Equal((ExtensionStatus.Refused, Actor, Mon(10), "do it today"), (request.Status, request.DecidedBy, request.DecidedAt, request.DecisionNote));
        Assert.Equal(Mon(11), incident.Open(DeadlineKind.Accept).DueAt);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Decide_WhenAlreadyDecided_ThrowsExtensionDecided(bool approvedFirst, bool approveAgain)
    {
        var incident = Dispatched();
        var request = Request(incident, "3wh");
        Decide(request, incident, approvedFirst, Mon(10));

        var error = Assert.Throws<DomainException>(() => Decide(request, incident, approveAgain, Mon(10, 5)));

        Assert.Equal("extension.decided", error.Code);
        Assert.Equal(Mon(10), request.DecidedAt);
    }

    private static void Decide(ExtensionRequest request, ClockedIncident incident, bool approve, DateTimeOffset at)
    {
        if (approve)
            request.Approve(incident.Incident, incident.Rules, Actor, at, null);
        else
            request.Refuse(Actor, at, null);
    }

    [Theory]
    [InlineData("Mon 09:00", 1, "Mon 10:36")] // reminder at yellow
    [InlineData("Mon 09:00", 2, "Mon 11:00")] // notice at due
    [InlineData("Mon 09:00", 3, "Tue 11:00")] // level 2: due + 1wd
    [InlineData("Mon 09:00", 4, "Thu 11:00")] // level 3: due + 3wd
    [InlineData("Fri 14:00", 2, "Fri 16:00")]
    [InlineData("Fri 14:00", 3, "NextMon 16:00")] // over the weekend
    public void EffectAt_WhenDefaultLadder_FallsAtYellowDueAndItsLimitsAfterDue(string dispatchedAt, int stage, string effectAt)
    {
        var incident = Reported().Do(Dispatch, When(dispatchedAt));

        Assert.Equal(When(effectAt), SupervisionLadder.Default.EffectAt(incident.Open(DeadlineKind.Accept), stage, incident.Calendar));
    }

    [Theory]
    [InlineData(3, "Mon 14:30")] // due + 2wh, across lunch
    [InlineData(4, "Mon 15:00")] // due + 4nh
    public void EffectAt_WhenLadderConfigured_CountsItsLimitsFromDue(int stage, string effectAt)
    {
        var ladder = new SupervisionLadder(TimeLimit.Parse("2wh"), TimeLimit.Parse("4nh"));
        var incident = Dispatched();

        Assert.Equal(When(effectAt), ladder.EffectAt(incident.Open(DeadlineKind.Accept), stage, incident.Calendar));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void EffectAt_WhenNoSuchStage_Throws(int stage)
    {
        var incident = Dispatched();

        Assert.Throws<ArgumentOutOfRangeException>(() => SupervisionLadder.Default.EffectAt(incident.Open(DeadlineKind.Accept), stage, incident.Calendar));
    }

    [Theory]
    [InlineData("Mon 10:35", 0)]
    [InlineData("Mon 10:36", 1)]
    [InlineData("Mon 11:00", 2)]
    [InlineData("Tue 10:59", 2)]
    [InlineData("Tue 11:00", 3)]
    [InlineData("Thu 10:59", 3)]
    [InlineData("Thu 11:00", 4)]
    [InlineData("NextMon 11:00", 4)]
    public void StageReachedAt_WhenNow_IsTheHighestStageWhoseMomentHasCome(string now, int stage)
    {
        var incident = Dispatched();

        Assert.Equal(stage, SupervisionLadder.Default.StageReachedAt(incident.Open(DeadlineKind.Accept), When(now), incident.Calendar));
    }

    [Theory]
    [InlineData(1, SupervisionLevel.Reminder)]
    [InlineData(2, SupervisionLevel.Notice)]
    [InlineData(3, SupervisionLevel.Priority)]
    [InlineData(4, SupervisionLevel.Listed)]
    public void LevelOf_WhenStage_IsTheLevelIssuedLast(int stage, SupervisionLevel level)
    {
        Assert.Equal(level, SupervisionLadder.LevelOf(stage));
    }

    [Theory]
    [InlineData(1, "Mon 11:00")]
    [InlineData(2, "Tue 11:00")]
    [InlineData(3, "Thu 11:00")]
    public void Climb_WhenBelowTheTop_NextEffectAtIsTheNextStep(int stage, string nextEffectAt)
    {
        var (_, clock) = Climbed(stage);

        Assert.Equal(stage, clock.Stage);
        Assert.Equal(When(nextEffectAt), clock.NextEffectAt);
    }

    [Fact]
    public void Climb_WhenAtTheTop_HasNoNextEffect()
    {
        var (_, clock) = Climbed(SupervisionLadder.TopStage);

        Assert.Null(clock.NextEffectAt);
    }
}
