using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>Rows that exist but refuse a particular incident, and the argument checks of the actions.</summary>
public class GuardTests
{
    [Fact]
    public void Return_WhenBindingRuling_ThrowsInvalidTransition()
    {
        var incident = In(IncidentStatus.Disputed);
        incident.Rule("330503-SL", [], "water body", null, "commander-1", T0.AddMinutes(10));
        var before = Before.Of(incident);

        var ex = Assert.Throws<InvalidTransitionException>(() => incident.Return("still not ours", null, Officer, Later));

        Assert.Equal(InvalidTransitionException.ErrorCode, ex.Code);
        before.AssertUnchanged(incident);
        Assert.Equal(AssignmentStatus.Dispatched, incident.Lead?.Status);
        Assert.Equal(1, incident.ReturnCount);
    }

    [Fact]
    public void Accept_WhenBindingRuling_MovesToInProgress()
    {
        var incident = In(IncidentStatus.Disputed);
        incident.Rule("330503-SL", [], "water body", null, "commander-1", T0.AddMinutes(10));

        incident.Accept(Officer, Later);

        Assert.Equal(IncidentStatus.InProgress, incident.Status);
    }

    [Fact]
    public void Dispute_WhenNeverReturned_ThrowsInvalidTransition()
    {
        var incident = Reported();
        Assert.Equal(0, incident.ReturnCount);
        var before = Before.Of(incident);

        var ex = Assert.Throws<InvalidTransitionException>(() => incident.Dispute("why not", Dispatcher, Later));

        Assert.Equal("incident.invalid_transition", ex.Code);
        before.AssertUnchanged(incident);
    }

    [Fact]
    public void Escalate_WhenNoParentCentre_ThrowsNoParentCenter()
    {
        var incident = Reported();
        var before = Before.Of(incident);

        var ex = Assert.Throws<DomainException>(() => incident.Escalate(null, "too big", Dispatcher, Later));

        Assert.Equal("incident.no_parent_center", ex.Code);
        before.AssertUnchanged(incident);
        Assert.Equal(Center, incident.HandlingCenterCode);
    }

    [Fact]
    public void MergeInto_WhenTargetIsItself_ThrowsMergeIntoSelf()
    {
        var incident = Reported();
        var before = Before.Of(incident);

        var ex = Assert.Throws<DomainException>(() => incident.MergeInto(incident, Dispatcher, Later));

        Assert.Equal("incident.merge_into_self", ex.Code);
        before.AssertUnchanged(incident);
        Assert.Equal(1, incident.ReportCount);
        Assert.Null(incident.MergedIntoId);
    }

    [Theory]
    [InlineData(IncidentStatus.Rejected)]
    [InlineData(IncidentStatus.Merged)]
    [InlineData(IncidentStatus.Closed)]
    public void MergeInto_WhenTargetRejectedMergedOrClosed_ThrowsMergeTargetClosed(IncidentStatus targetStatus)
    {
        var duplicate = Reported(2);
        var target = In(targetStatus, seq: 1);
        var before = Before.Of(duplicate);
        var targetBefore = Before.Of(target);

        var ex = Assert.Throws<DomainException>(() => duplicate.MergeInto(target, Dispatcher, Later));

        Assert.Equal("incident.merge_target_closed", ex.Code);
        before.AssertUnchanged(duplicate);
        targetBefore.AssertUnchanged(target);
        Assert.Equal(1, target.ReportCount);
    }
}
