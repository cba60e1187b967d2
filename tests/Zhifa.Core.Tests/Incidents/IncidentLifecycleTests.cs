using Zhifa.Core.Incidents;

namespace Zhifa.Core.Tests.Incidents;

public class IncidentLifecycleTests
{
    public static TheoryData<IncidentStatus> Statuses() => new(Enum.GetValues<IncidentStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public void IsFinal_ForEachStatus_IsTrueExactlyForRejectedAndMerged(IncidentStatus status)
    {
        var expected = status is IncidentStatus.Rejected or IncidentStatus.Merged;

        Assert.Equal(expected, IncidentLifecycle.IsFinal(status));
    }

    [Fact]
    public void AllowedFrom_WhenReported_ListsTriageApiNames()
    {
        Assert.Equal(["dispatch", "reject", "merge", "escalate", "dispute"], IncidentLifecycle.AllowedFrom(IncidentStatus.Reported));
    }

    [Fact]
    public void AllowedFrom_WhenResolved_ListsVerifyOnce()
    {
        Assert.Equal(["verify"], IncidentLifecycle.AllowedFrom(IncidentStatus.Resolved));
    }

    [Fact]
    public void AllowedFrom_WhenInProgress_ListsResolveAndSuspend()
    {
        Assert.Equal(["resolve", "suspend"], IncidentLifecycle.AllowedFrom(IncidentStatus.InProgress));
    }

    [Theory]
    [InlineData(IncidentStatus.Rejected)]
    [InlineData(IncidentStatus.Merged)]
    public void AllowedFrom_WhenFinal_IsEmpty(IncidentStatus status)
    {
        Assert.Empty(IncidentLifecycle.AllowedFrom(status));
    }

    [Fact]
    public void ApiName_WhenVerifyOutcome_IsVerify()
    {
        Assert.Equal(("verify", "verify"), (IncidentAction.VerifyPassed.ApiName(), IncidentAction.VerifyFailed.ApiName()));
        Assert.Equal("escalate", IncidentAction.Escalate.ApiName());
    }

    [Fact]
    public void Find_WhenNoRow_ReturnsNull()
    {
        Assert.Null(IncidentLifecycle.Find(IncidentStatus.Closed, IncidentAction.Accept));
        Assert.Equal(IncidentStatus.Closed, IncidentLifecycle.Find(IncidentStatus.Resolved, IncidentAction.VerifyPassed)?.To);
    }

    [Fact]
    public void InvalidTransition_WhenFinal_MessageSaysFinal()
    {
        var incident = Support.IncidentBuilder.In(IncidentStatus.Rejected);

        var ex = Assert.Throws<InvalidTransitionException>(() => incident.Accept("actor-1", Support.IncidentBuilder.Later));

        Assert.Contains("Rejected is final", ex.Message);
        Assert.Empty(ex.Allowed);
    }
}
