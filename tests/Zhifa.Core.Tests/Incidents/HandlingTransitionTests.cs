using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>The department's rows: accept, return, resolve, and the suspend/resume pair.</summary>
public class HandlingTransitionTests
{
    [Fact]
    public void Accept_WhenDispatched_MovesToInProgress()
    {
        var incident = In(IncidentStatus.Dispatched);
        var before = Before.Of(incident);

        incident.Accept(Officer, Later, "on my way");

        before.AssertOneEntry(incident, "accept", IncidentStatus.InProgress, Officer, Later, "on my way");
    }

    [Fact]
    public void Accept_WhenDispatched_MarksOnlyLeadAccepted()
    {
        var incident = In(IncidentStatus.Dispatched);

        incident.Accept(Officer, Later);

        Assert.Equal(AssignmentStatus.Accepted, incident.Lead?.Status);
        Assert.All(incident.Assignments.Where(a => a.Role == AssignmentRole.Co), a => Assert.Equal(AssignmentStatus.Dispatched, a.Status));
    }

    [Fact]
    public void Return_WhenDispatched_MovesToReported()
    {
        var incident = In(IncidentStatus.Dispatched);
        var before = Before.Of(incident);

        incident.Return("not a fishery case", "330503-SL", Officer, Later);

        before.AssertOneEntry(incident, "return", IncidentStatus.Reported, Officer, Later, "not a fishery case (suggests 330503-SL)");
    }

    [Fact]
    public void Return_WhenNoSuggestion_NoteIsTheReason()
    {
        var incident = In(IncidentStatus.Dispatched);

        incident.Return("not ours", null, Officer, Later);

        Assert.Equal("not ours", incident.Timeline[^1].Note);
    }

    [Fact]
    public void Return_WhenDispatched_IncrementsReturnCount()
    {
        var incident = In(IncidentStatus.Dispatched);

        incident.Return("not ours", null, Officer, Later);

        Assert.Equal(1, incident.ReturnCount);
    }

    [Fact]
    public void Return_WhenDispatched_MarksAllAssignmentsReturned()
    {
        var incident = In(IncidentStatus.Dispatched);

        incident.Return("not ours", null, Officer, Later);

        Assert.Equal(3, incident.Assignments.Count);
        Assert.All(incident.Assignments, a => Assert.Equal(AssignmentStatus.Returned, a.Status));
        Assert.Null(incident.Lead);
    }

    [Fact]
    public void Dispatch_WhenReturnedEarlier_ReplacesActiveAndKeepsReturnedAssignments()
    {
        var incident = Returned();

        incident.Dispatch("330503-SL", [], null, Dispatcher, Later);

        Assert.Equal("330503-SL", incident.Lead?.DepartmentCode);
        Assert.Equal(4, incident.Assignments.Count);
        Assert.Single(incident.Assignments, a => a.IsActive);
    }

    [Fact]
    public void Resolve_WhenInProgress_MovesToResolved()
    {
        var incident = In(IncidentStatus.InProgress);
        FinishCoWork(incident);
        var before = Before.Of(incident);

        incident.Resolve("cages removed", Officer, Later);

        before.AssertOneEntry(incident, "resolve", IncidentStatus.Resolved, Officer, Later, "cages removed");
    }

    [Fact]
    public void Resolve_WhenInProgress_MarksLeadResolved()
    {
        var incident = In(IncidentStatus.InProgress);

        FinishCoWork(incident);
        incident.Resolve("cages removed", Officer, Later);

        Assert.Equal(AssignmentStatus.Resolved, incident.Lead?.Status);
    }

    [Fact]
    public void Suspend_WhenInProgress_MovesToSuspended()
    {
        var incident = In(IncidentStatus.InProgress);
        var before = Before.Of(incident);

        incident.Suspend("flood season", Dispatcher, Later);

        before.AssertOneEntry(incident, "suspend", IncidentStatus.Suspended, Dispatcher, Later, "flood season");
    }

    [Fact]
    public void Resume_WhenSuspended_MovesToInProgress()
    {
        var incident = In(IncidentStatus.Suspended);
        var before = Before.Of(incident);

        incident.Resume(Dispatcher, Later, "water down");

        before.AssertOneEntry(incident, "resume", IncidentStatus.InProgress, Dispatcher, Later, "water down");
    }
}
