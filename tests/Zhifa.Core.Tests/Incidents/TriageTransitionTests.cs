using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>The rows that leave Reported and Disputed: dispatch, reject, merge, escalate, dispute, rule.</summary>
public class TriageTransitionTests
{
    [Fact]
    public void Dispatch_WhenReported_MovesToDispatched()
    {
        var incident = Reported();
        var before = Before.Of(incident);

        incident.Dispatch(LeadDepartment, CoDepartments, null, Dispatcher, Later);

        before.AssertOneEntry(incident, "dispatch", IncidentStatus.Dispatched, Dispatcher, Later,
            "lead 330503-NYNC, co 330503-SL, 330503106-ZFD");
    }

    [Fact]
    public void Dispatch_WhenReported_AssignsLeadAndCoDepartments()
    {
        var incident = Reported();

        incident.Dispatch(LeadDepartment, CoDepartments, null, Dispatcher, Later);

        Assert.Equal(LeadDepartment, incident.Lead?.DepartmentCode);
        Assert.Equal(
            [("330503-NYNC", AssignmentRole.Lead), ("330503-SL", AssignmentRole.Co), ("330503106-ZFD", AssignmentRole.Co)],
            incident.Assignments.Select(a => (a.DepartmentCode, a.Role)));
        Assert.All(incident.Assignments, a => Assert.Equal(AssignmentStatus.Dispatched, a.Status));
        Assert.All(incident.Assignments, a => Assert.Equal(Later, a.AssignedAt));
    }

    [Fact]
    public void Dispatch_WhenMatterGiven_TakesItsCodeAndPriority()
    {
        var incident = Reported();
        var urgent = TestMatters.Create("HB01", "STHJ", delegated: false, [], Priority.Urgent);

        incident.Dispatch("330503-STHJ", [], urgent, Dispatcher, Later, "by hand");

        Assert.Equal(("HB01", Priority.Urgent), (incident.MatterCode, incident.Priority));
        Assert.Equal("by hand", incident.Timeline[^1].Note);
    }

    [Fact]
    public void Reject_WhenReported_MovesToRejected()
    {
        var incident = Reported();
        var before = Before.Of(incident);

        incident.Reject("not an enforcement matter", Dispatcher, Later);

        before.AssertOneEntry(incident, "reject", IncidentStatus.Rejected, Dispatcher, Later, "not an enforcement matter");
    }

    [Fact]
    public void MergeInto_WhenReported_MovesToMerged()
    {
        var duplicate = Reported(2);
        var target = Reported(1);
        var before = Before.Of(duplicate);

        duplicate.MergeInto(target, Dispatcher, Later);

        before.AssertOneEntry(duplicate, "merge", IncidentStatus.Merged, Dispatcher, Later, "merged into 330503-20250303-0001");
        Assert.Equal(target.Id, duplicate.MergedIntoId);
    }

    [Fact]
    public void MergeInto_WhenReported_AddsReportsToTarget()
    {
        var duplicate = Reported(2);
        var target = Reported(1);
        var targetBefore = Before.Of(target);

        duplicate.MergeInto(target, Dispatcher, Later);

        Assert.Equal(2, target.ReportCount);
        targetBefore.AssertOneEntry(target, "merge-in", IncidentStatus.Reported, Dispatcher, Later, "330503-20250303-0002 merged in");
    }

    [Fact]
    public void Escalate_WhenReported_StaysReportedAtParentCentre()
    {
        var incident = Reported();
        var before = Before.Of(incident);

        incident.Escalate(ParentCenter, "crosses counties", Dispatcher, Later);

        before.AssertOneEntry(incident, "escalate", IncidentStatus.Reported, Dispatcher, Later, "to 330500-ZHZX: crosses counties");
        Assert.Equal(ParentCenter, incident.HandlingCenterCode);
    }

    [Fact]
    public void Dispute_WhenReturned_MovesToDisputed()
    {
        var incident = Returned();
        var before = Before.Of(incident);

        incident.Dispute("the list names NYNC", Dispatcher, Later);

        before.AssertOneEntry(incident, "dispute", IncidentStatus.Disputed, Dispatcher, Later, "the list names NYNC");
    }

    [Fact]
    public void Rule_WhenDisputed_MovesToDispatched()
    {
        var incident = In(IncidentStatus.Disputed);
        var before = Before.Of(incident);

        incident.Rule("330503-SL", ["330503106-ZFD"], "water body", "渔业法", "commander-1", Later);

        before.AssertOneEntry(incident, "rule", IncidentStatus.Dispatched, "commander-1", Later, "ruled to 330503-SL: water body (basis: 渔业法)");
    }

    [Fact]
    public void Rule_WhenDisputed_SetsBindingRuling()
    {
        var incident = In(IncidentStatus.Disputed);
        Assert.False(incident.BindingRuling);

        incident.Rule("330503-SL", [], "water body", null, "commander-1", Later);

        Assert.True(incident.BindingRuling);
        Assert.Equal("ruled to 330503-SL: water body", incident.Timeline[^1].Note);
    }

    [Fact]
    public void Rule_WhenDisputed_AssignsRuledDepartmentsAndKeepsReturnedHistory()
    {
        var incident = In(IncidentStatus.Disputed);

        incident.Rule("330503-SL", ["330503106-ZFD"], "water body", null, "commander-1", Later);

        Assert.Equal("330503-SL", incident.Lead?.DepartmentCode);
        var active = incident.Assignments.Where(a => a.IsActive).ToList();
        Assert.Equal([("330503-SL", AssignmentRole.Lead), ("330503106-ZFD", AssignmentRole.Co)], active.Select(a => (a.DepartmentCode, a.Role)));
        Assert.All(active, a => Assert.Equal(AssignmentStatus.Dispatched, a.Status));
        Assert.Equal(3, incident.Assignments.Count(a => a.Status == AssignmentStatus.Returned));
    }
}
