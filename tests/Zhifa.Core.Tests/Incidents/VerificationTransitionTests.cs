using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>The rows that close the loop: verify (passed, failed) and reopen.</summary>
public class VerificationTransitionTests
{
    [Fact]
    public void Verify_WhenResolvedAndPassed_MovesToClosed()
    {
        var incident = In(IncidentStatus.Resolved);
        var before = Before.Of(incident);

        incident.Verify(true, "grid-worker-1", Later);

        before.AssertOneEntry(incident, "verify", IncidentStatus.Closed, "grid-worker-1", Later, "passed");
    }

    [Fact]
    public void Verify_WhenResolvedAndPassed_SetsClosedAt()
    {
        var incident = In(IncidentStatus.Resolved);
        Assert.Null(incident.ClosedAt);

        incident.Verify(true, Dispatcher, Later);

        Assert.Equal(Later, incident.ClosedAt);
    }

    [Fact]
    public void Verify_WhenResolvedAndFailed_MovesToInProgress()
    {
        var incident = In(IncidentStatus.Resolved);
        var before = Before.Of(incident);

        incident.Verify(false, Dispatcher, Later, "cages still there");

        before.AssertOneEntry(incident, "verify", IncidentStatus.InProgress, Dispatcher, Later, "cages still there");
    }

    [Fact]
    public void Verify_WhenResolvedAndFailed_IncrementsReworkCount()
    {
        var incident = In(IncidentStatus.Resolved);

        incident.Verify(false, Dispatcher, Later);

        Assert.Equal(1, incident.ReworkCount);
        Assert.Equal("failed", incident.Timeline[^1].Note);
        Assert.Null(incident.ClosedAt);
    }

    [Fact]
    public void Verify_WhenResolvedAndFailed_PutsLeadBackToAccepted()
    {
        var incident = In(IncidentStatus.Resolved);

        incident.Verify(false, Dispatcher, Later);

        Assert.Equal(AssignmentStatus.Accepted, incident.Lead?.Status);
    }

    [Fact]
    public void Reopen_WhenClosed_MovesToDispatched()
    {
        var incident = In(IncidentStatus.Closed);
        var before = Before.Of(incident);

        incident.Reopen("complaint repeated", "supervisor-1", Later);

        before.AssertOneEntry(incident, "reopen", IncidentStatus.Dispatched, "supervisor-1", Later, "complaint repeated");
    }

    [Fact]
    public void Reopen_WhenClosed_IncrementsReworkCountAndClearsClosedAt()
    {
        var incident = In(IncidentStatus.Closed);

        incident.Reopen("complaint repeated", Dispatcher, Later);

        Assert.Equal(1, incident.ReworkCount);
        Assert.Null(incident.ClosedAt);
    }

    [Fact]
    public void Reopen_WhenClosed_PutsAssignmentsBackToDispatched()
    {
        var incident = In(IncidentStatus.Closed);

        incident.Reopen("complaint repeated", Dispatcher, Later);

        Assert.Equal(3, incident.Assignments.Count);
        Assert.All(incident.Assignments, a => Assert.Equal(AssignmentStatus.Dispatched, a.Status));
        Assert.Equal(LeadDepartment, incident.Lead?.DepartmentCode);
    }

    [Fact]
    public void Reopen_WhenClosedAndFailedBefore_CountsBothReworks()
    {
        var incident = In(IncidentStatus.Resolved);
        incident.Verify(false, Dispatcher, T0.AddMinutes(10));
        incident.Resolve("done again", Officer, T0.AddMinutes(11));
        incident.Verify(true, Dispatcher, T0.AddMinutes(12));

        incident.Reopen("complaint repeated", Dispatcher, Later);

        Assert.Equal(2, incident.ReworkCount);
    }
}
