using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>合成作战: each co-department accepts and resolves its own part; the lead resolves only when none is owed.</summary>
public class JointHandlingTests
{
    private static readonly string Water = CoDepartments[0];
    private static readonly string Township = CoDepartments[1];

    [Fact]
    public void Dispatch_WithCoDepartments_OwesEachOfTheirParts()
    {
        var incident = In(IncidentStatus.Dispatched);

        Assert.Equal(CoDepartments, incident.PendingCoDepartments);
    }

    [Fact]
    public void Resolve_WhileACoDepartmentsPartIsOwed_IsRefusedAndChangesNothing()
    {
        var incident = In(IncidentStatus.InProgress);
        incident.AcceptCoAssignment(Water, Officer, Later);
        incident.ResolveCoAssignment(Water, "bank cleared", Officer, Later);
        var before = Before.Of(incident);

        var refused = Assert.Throws<InvalidTransitionException>(() => incident.Resolve("cages removed", Officer, Later));

        Assert.Contains(Township, refused.Message);
        Assert.DoesNotContain(Water, refused.Message);
        before.AssertUnchanged(incident);
        Assert.DoesNotContain("resolve", IncidentLifecycle.AllowedFor(incident));
    }

    [Fact]
    public void Resolve_WhenEveryPartIsResolvedOrReleased_Resolves()
    {
        var incident = In(IncidentStatus.InProgress);
        incident.AcceptCoAssignment(Water, Officer, Later);
        incident.ResolveCoAssignment(Water, "bank cleared", Officer, Later);
        incident.ReleaseCoAssignment(Township, "no township work needed", Dispatcher, Later);
        Assert.Contains("resolve", IncidentLifecycle.AllowedFor(incident));

        incident.Resolve("cages removed", Officer, Later);

        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.Equal([AssignmentStatus.Resolved, AssignmentStatus.Resolved, AssignmentStatus.Released], incident.Assignments.Select(a => a.Status));
    }

    [Fact]
    public void CoSteps_AreOnTheTimeline_WithoutChangingTheStatus()
    {
        var incident = In(IncidentStatus.Dispatched);
        var before = Before.Of(incident);

        incident.AcceptCoAssignment(Water, Officer, Later, "on our way");

        before.AssertOneEntry(incident, Incident.CoAcceptAction, IncidentStatus.Dispatched, Officer, Later, $"{Water}: on our way");
        incident.ResolveCoAssignment(Water, "bank cleared", Officer, Later);
        incident.ReleaseCoAssignment(Township, "not needed", Dispatcher, Later);
        Assert.Equal([Incident.CoAcceptAction, Incident.CoResolveAction, Incident.CoReleaseAction], incident.Timeline.TakeLast(3).Select(t => t.Action));
        Assert.Equal($"{Township}: not needed", incident.Timeline[^1].Note);
    }

    [Fact]
    public void ResolvingAPart_BeforeAcceptingIt_IsRefused()
    {
        var incident = In(IncidentStatus.InProgress);
        var before = Before.Of(incident);

        var refused = Assert.Throws<DomainException>(() => incident.ResolveCoAssignment(Water, "done", Officer, Later));

        Assert.Equal("assignment.invalid_step", refused.Code);
        before.AssertUnchanged(incident);
    }

    [Theory]
    [InlineData("330503-NYNC")] // the lead is not a co-department
    [InlineData("330522-NYNC")] // nor is a department the incident never went to
    public void CoSteps_ForADepartmentWithoutACoAssignment_AreRefused(string department)
    {
        var incident = In(IncidentStatus.Dispatched);

        var refused = Assert.Throws<DomainException>(() => incident.AcceptCoAssignment(department, Officer, Later));

        Assert.Equal("assignment.not_found", refused.Code);
    }

    [Fact]
    public void AReleasedPart_CannotBeTakenUpAgain_NorReleasedTwice()
    {
        var incident = In(IncidentStatus.Dispatched);
        incident.ReleaseCoAssignment(Water, "not needed", Dispatcher, Later);

        Assert.Equal("assignment.invalid_step", Assert.Throws<DomainException>(() => incident.AcceptCoAssignment(Water, Officer, Later)).Code);
        Assert.Equal("assignment.invalid_step", Assert.Throws<DomainException>(() => incident.ReleaseCoAssignment(Water, "again", Dispatcher, Later)).Code);
    }

    [Theory]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    [InlineData(IncidentStatus.Reported)]
    public void CoSteps_OutsideTheHandling_AreRefused(IncidentStatus status)
    {
        var incident = status == IncidentStatus.Reported ? Returned() : In(status);

        Assert.Equal("assignment.not_in_hand", Assert.Throws<DomainException>(() => incident.ReleaseCoAssignment(Water, "x", Dispatcher, Later)).Code);
    }

    [Fact]
    public void Reopen_OwesTheResolvedPartsAgain_ButNotTheReleasedOnes()
    {
        var incident = In(IncidentStatus.InProgress);
        incident.AcceptCoAssignment(Water, Officer, Later);
        incident.ResolveCoAssignment(Water, "bank cleared", Officer, Later);
        incident.ReleaseCoAssignment(Township, "not needed", Dispatcher, Later);
        incident.Resolve("cages removed", Officer, Later);
        incident.Verify(true, Dispatcher, Later);

        incident.Reopen("cages are back", Dispatcher, Later.AddDays(3));

        Assert.Equal([Water], incident.PendingCoDepartments);
    }
}
