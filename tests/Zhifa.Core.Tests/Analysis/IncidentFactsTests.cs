using Zhifa.Core.Analysis;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Tests.Support;
using Zhifa.Core.Time;
using static Zhifa.Core.Incidents.IncidentAction;
using static Zhifa.Core.Tests.Support.ClockedIncident;

namespace Zhifa.Core.Tests.Analysis;

/// <summary>
/// The facts of real incidents, driven through their own methods on the Monday–Friday calendar
/// (08:30–12:00, 13:30–17:30). Accepted on Monday 10:00 with SY01's 1wd, handling falls due on Tuesday 10:00.
/// </summary>
public class IncidentFactsTests
{
    private static readonly DateTimeOffset Later = NextMon(12);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Weekdays;

    private static IncidentFacts FactsOf(ClockedIncident incident, DateTimeOffset? now = null) =>
        IncidentFacts.Of(incident.Incident, now ?? Later, incident.Calendar);

    [Fact]
    public void HandlingTime_ExcludesTheSuspendedStretch()
    {
        // One working hour on Monday, suspended overnight, one working hour on Tuesday.
        var incident = InProgress()
            .Do(Suspend, Mon(11))
            .Do(Resume, Tue(9))
            .Do(Resolve, Tue(10))
            .Do(VerifyPassed, Tue(11));

        var facts = FactsOf(incident);

        Assert.Equal(120, facts.HandlingMinutes);
        // Without the suspension it would be Mon 10:00–12:00, 13:30–17:30 and Tue 08:30–10:00.
        Assert.Equal(450, Calendar.Between(Mon(10), Tue(10), working: true).TotalMinutes);
        // The same as the handle clock used: what it had consumed before the suspension, and its last stretch.
        var clock = Assert.Single(incident.All(DeadlineKind.Handle));
        Assert.Equal((clock.Consumed + Calendar.Between(clock.RunningSince, clock.EndedAt!.Value, working: true)).TotalMinutes, facts.HandlingMinutes);
        // The suspension moved the due from Tuesday 10:00 by its working hours, so the resolution was on time.
        Assert.Equal(Tue(17), facts.HandleDueAt);
        Assert.Equal(Tue(10), facts.HandleMetAt);
        Assert.True(facts.ClosedOnTime);
    }

    [Fact]
    public void HandlingTime_IsWorkingTime_AlsoWhenTheLimitCountsNaturalTime()
    {
        var matter = TestMatters.Sy01();
        matter.HandleLimit = TimeLimit.Parse("8nh");
        var incident = WithMatter(matter).Do(Dispatch, Mon(9)).Do(Accept, Mon(10)).Do(Resolve, Mon(15));

        var facts = FactsOf(incident);

        // Five natural hours on the clock, of which the lunch break is not working time.
        Assert.Equal(TimeSpan.FromHours(5), Calendar.Between(Mon(10), Mon(15), working: false));
        Assert.Equal(210, facts.HandlingMinutes);
        Assert.Equal(Mon(18), facts.HandleDueAt);
    }

    [Fact]
    public void FactsOfRealIncidents_FeedTheFormulas()
    {
        var suspended = InProgress().Do(Suspend, Mon(11)).Do(Resume, Tue(9)).Do(Resolve, Tue(10)).Do(VerifyPassed, Tue(11));
        var late = InProgress().Do(Resolve, Tue(11)).Do(VerifyPassed, Tue(12));
        var overdue = InProgress();
        var week = (From: TestCalendars.Local(2025, 3, 3, 0), To: TestCalendars.Local(2025, 3, 10, 0));

        var values = Indicators.Compute(
            [.. new[] { suspended, late, overdue }.Select(i => FactsOf(i))], week.From, week.To, Later);

        Assert.Equal((3, 3, 2, 1, 1), (values.Received, values.Dispatched, values.Closed, values.ClosedOnTime, values.OpenOverdue));
        Assert.Equal(1.0 / 3, values.OnTimeRate);
        Assert.Equal((120 + 510) / 2.0, values.MeanHandlingMinutes);
        Assert.Equal(510, values.P90HandlingMinutes);
    }

    [Fact]
    public void ClosedIncident_GivesItsDatesPlaceAndDepartment()
    {
        var incident = Resolved().Do(VerifyPassed, Tue(9));

        var facts = FactsOf(incident);

        Assert.Equal(incident.Incident.Id, facts.IncidentId);
        Assert.Equal(IncidentBuilder.T0, facts.ReportedAt);
        Assert.Equal(Mon(9), facts.DispatchedAt);
        Assert.Equal(Tue(9), facts.ClosedAt);
        Assert.False(facts.IsOpen);
        Assert.Equal(Channels.Grid, facts.Channel);
        Assert.Equal("330503", facts.CountyCode);
        Assert.Equal("330503106", facts.TownshipCode);
        Assert.Equal(IncidentBuilder.LeadDepartment, facts.LeadDepartmentCode);
        Assert.Equal("SY01", facts.MatterCode);
        Assert.Equal(Tue(10), facts.HandleDueAt);
        Assert.Equal(Mon(15), facts.HandleMetAt);
        Assert.True(facts.ClosedOnTime);
        Assert.Equal(210, facts.HandlingMinutes); // Mon 10:00–12:00 and 13:30–15:00
        Assert.Equal((0, 0, 0, 1, 0), (facts.ReworkCount, facts.ReturnCount, facts.ExtensionCount, facts.Reports, facts.JoinedReports));
    }

    [Fact]
    public void ResolvedAfterTheDue_IsNotClosedOnTime()
    {
        var incident = InProgress().Do(Resolve, Tue(11)).Do(VerifyPassed, Tue(12));

        var facts = FactsOf(incident);

        Assert.False(facts.ClosedOnTime);
        Assert.Equal(Tue(10), facts.HandleDueAt);
        Assert.Equal(Tue(11), facts.HandleMetAt);
        Assert.Equal(360 + 150, facts.HandlingMinutes);
    }

    [Fact]
    public void ResolvedExactlyAtTheDue_IsOnTime()
    {
        var facts = FactsOf(InProgress().Do(Resolve, Tue(10)).Do(VerifyPassed, Tue(11)));

        Assert.True(facts.ClosedOnTime);
    }

    [Fact]
    public void ResolvedButNotVerified_IsOpenAndNotClosedOnTime()
    {
        var facts = FactsOf(Resolved());

        Assert.True(facts.IsOpen);
        Assert.Null(facts.ClosedAt);
        Assert.False(facts.ClosedOnTime);
        Assert.Equal(Mon(15), facts.HandleMetAt);
        Assert.False(Indicators.IsOpenOverdueAt(facts, Later));
    }

    [Fact]
    public void Rework_CountsBothRoundsOfHandling_ButNotTheWaitForVerification()
    {
        var incident = Resolved()
            .Do(VerifyFailed, Mon(16))
            .Do(Resolve, Tue(9))
            .Do(VerifyPassed, Tue(10));

        var facts = FactsOf(incident);

        Assert.Equal(1, facts.ReworkCount);
        Assert.Equal(210 + 90 + 30, facts.HandlingMinutes); // Mon 10:00–15:00, then Mon 16:00–17:30 and Tue 08:30–09:00
        Assert.Equal(Tue(9), facts.HandleMetAt);
        Assert.True(facts.ClosedOnTime);
    }

    [Fact]
    public void InProgress_CountsHandlingUpToNow_AndIsOverdueOncePastItsDue()
    {
        var incident = InProgress();

        var facts = FactsOf(incident, Tue(9));

        Assert.Equal(360 + 30, facts.HandlingMinutes);
        Assert.Equal(Tue(10), facts.HandleDueAt);
        Assert.Null(facts.HandleMetAt);
        Assert.False(Indicators.IsOpenOverdueAt(facts, Tue(10)));
        Assert.True(Indicators.IsOpenOverdueAt(facts, Tue(10, 1)));
    }

    [Fact]
    public void SuspendedBeforeItsDue_HasNoDueWhileSuspended()
    {
        var facts = FactsOf(InProgress().Do(Suspend, Mon(11)));

        Assert.Null(facts.HandleDueAt);
        Assert.Equal(60, facts.HandlingMinutes);
        Assert.False(Indicators.IsOpenOverdueAt(facts, Later));
    }

    [Fact]
    public void SuspendedAfterItsDue_StaysOverdue()
    {
        var facts = FactsOf(InProgress().Do(Suspend, Tue(11)));

        Assert.Equal(Tue(10), facts.HandleDueAt);
        Assert.True(Indicators.IsOpenOverdueAt(facts, Later));
    }

    [Fact]
    public void NeverAccepted_HasNoHandlingTimeNorHandleDue()
    {
        var facts = FactsOf(Dispatched());

        Assert.Null(facts.HandlingMinutes);
        Assert.Null(facts.HandleDueAt);
        Assert.Equal(Mon(9), facts.DispatchedAt);
        Assert.Null(IncidentFacts.Of(IncidentBuilder.Reported(), Later, Calendar).DispatchedAt);
    }

    [Fact]
    public void ApprovedExtensions_AreCounted_AndMoveTheDue()
    {
        var incident = InProgress();
        incident.Extend(DeadlineKind.Handle, "2wd", Mon(11));

        var facts = FactsOf(incident, Mon(12));

        Assert.Equal(1, facts.ExtensionCount);
        Assert.Equal(Wed(10), facts.HandleDueAt);
    }

    [Fact]
    public void DispatchedAt_IsTheFirstDispatch_AfterAReturn()
    {
        var incident = IncidentBuilder.Returned();
        incident.Dispatch(IncidentBuilder.LeadDepartment, [], TestMatters.Sy01(), IncidentBuilder.Dispatcher, IncidentBuilder.T0.AddMinutes(30));

        var facts = IncidentFacts.Of(incident, Later, Calendar);

        Assert.Equal(IncidentBuilder.T0.AddMinutes(1), facts.DispatchedAt);
        Assert.Equal(1, facts.ReturnCount);
    }

    [Fact]
    public void JoinedRepeatReports_AreTheDuplicates_AndTheFirstReportGivesTheChannel()
    {
        var incident = IncidentBuilder.Reported();
        incident.Join(RepeatReport(2), "channel:hotline12345", IncidentBuilder.Later, "same cages");
        incident.Join(RepeatReport(3), "channel:hotline12345", IncidentBuilder.Later, "same cages");

        var facts = IncidentFacts.Of(incident, Later, Calendar);

        Assert.Equal(3, facts.Reports);
        Assert.Equal(2, facts.JoinedReports);
        Assert.Equal(Channels.Grid, facts.Channel);
    }

    [Fact]
    public void MergedIncident_IsADuplicateWithAllItsReports()
    {
        var facts = IncidentFacts.Of(IncidentBuilder.In(IncidentStatus.Merged), Later, Calendar);

        Assert.False(facts.IsOpen);
        Assert.Null(facts.ClosedAt);
        Assert.Equal(1, facts.Reports);
        Assert.Equal(1, facts.JoinedReports);
    }

    private static Clue RepeatReport(int seq) => new()
    {
        Id = new Guid($"00000000-0000-0000-0001-{seq:000000000000}"),
        Channel = Channels.Hotline12345,
        Text = "cages in the river again",
        ReceivedAt = IncidentBuilder.Later,
    };
}
