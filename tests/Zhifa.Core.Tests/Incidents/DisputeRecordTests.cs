using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>争议处置: a dispute names both sides when it opens, and the ruling when it is settled.</summary>
public class DisputeRecordTests
{
    [Fact]
    public void SecondReturn_OpensAnAutomaticDispute_NamingBothSides()
    {
        var incident = ReturnedAndDispatchedAgain();

        incident.Return("the bank is 水利's", "330503-SL", Officer, Later);

        var dispute = Assert.Single(incident.Disputes);
        Assert.Equal((1, true, LeadDepartment, "330503-SL", "the bank is 水利's", "SY01", Center),
            (dispute.Seq, dispute.Automatic, dispute.ReturnedByDepartmentCode, dispute.SuggestedDepartmentCode, dispute.Reason, dispute.MatterCode, dispute.HandlingCenterCode));
        Assert.True(dispute.IsOpen);
    }

    [Fact]
    public void DispatcherDispute_AfterAReturn_IsOpenedByTheDispatcher_WithTheReturnsSuggestion()
    {
        var incident = In(IncidentStatus.Dispatched);
        incident.Return("not ours", "330503-SL", Officer, Later);

        incident.Dispute("the list is unclear", Dispatcher, Later.AddMinutes(1));

        var dispute = Assert.Single(incident.Disputes);
        Assert.Equal((false, Dispatcher, "the list is unclear", "330503-SL"), (dispute.Automatic, dispute.OpenedBy, dispute.Reason, dispute.SuggestedDepartmentCode));
    }

    [Fact]
    public void Ruling_SettlesTheOpenDispute_WithDepartmentReasonAndBasis()
    {
        var incident = In(IncidentStatus.Disputed);

        incident.Rule("330503-SL", [], "river banks are 水利's", "《河道管理条例》", "commander-1", Later);

        var dispute = Assert.Single(incident.Disputes);
        Assert.False(dispute.IsOpen);
        Assert.Equal(("330503-SL", "river banks are 水利's", "《河道管理条例》", "commander-1", Later),
            (dispute.RuledDepartmentCode, dispute.RulingReason, dispute.LegalBasis, dispute.RuledBy, dispute.RuledAt!.Value));
    }

    [Fact]
    public void ARefusedReturn_OpensNoDispute()
    {
        var incident = ReturnedAndDispatchedAgain();
        incident.Return("still not ours", null, Officer, Later);
        incident.Rule(LeadDepartment, [], "the list names it", null, "commander-1", Later);

        Assert.Throws<InvalidTransitionException>(() => incident.Return("not ours", null, Officer, Later));

        Assert.Single(incident.Disputes);
    }

    [Fact]
    public void Ruling_OnAnIncidentDisputedBeforeDisputesWereRecorded_RecordsTheDisputeAndSettlesIt()
    {
        var incident = In(IncidentStatus.Disputed);
        // As an incident disputed before the Disputes table existed loads: in Disputed, no record.
        var disputes = (List<IncidentDispute>)typeof(Incident).GetField("_disputes", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(incident)!;
        disputes.Clear();

        incident.Rule("330503-SL", [], "river banks are 水利's", null, "commander-1", Later);

        var dispute = Assert.Single(incident.Disputes);
        Assert.Equal((LeadDepartment, "330503-SL", false), (dispute.ReturnedByDepartmentCode, dispute.RuledDepartmentCode, dispute.IsOpen));
    }

    [Fact]
    public void SecondReturn_OfAnIncidentLoadedInAnyOrder_NamesTheLatestReturnsSuggestion()
    {
        var incident = ReturnedAndDispatchedAgain();
        // A loaded incident's assignments come in no particular order: the first return's may come last.
        var assignments = (List<Assignment>)typeof(Incident).GetField("_assignments", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(incident)!;
        assignments.Reverse();

        incident.Return("the intake is 水利's", "330503-SL", Officer, Later);

        var dispute = Assert.Single(incident.Disputes);
        Assert.Equal(("330503-SL", "the intake is 水利's"), (dispute.SuggestedDepartmentCode, dispute.Reason));
    }
}
