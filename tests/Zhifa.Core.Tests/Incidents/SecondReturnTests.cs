using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>争议处置: the first return goes back to the centre's queue; the second opens a dispute for the duty commander.</summary>
public class SecondReturnTests
{
    [Fact]
    public void FirstReturn_GoesBackToTheQueue()
    {
        var incident = In(IncidentStatus.Dispatched);

        incident.Return("not ours", "330503-SL", Officer, Later);

        Assert.Equal((IncidentStatus.Reported, 1), (incident.Status, incident.ReturnCount));
    }

    [Fact]
    public void SecondReturn_OpensADispute_WithTheReasonOnTheTimeline()
    {
        var incident = ReturnedAndDispatchedAgain();

        incident.Return("still not ours: the river bank belongs to 水利", "330503-SL", Officer, Later);

        Assert.Equal((IncidentStatus.Disputed, 2), (incident.Status, incident.ReturnCount));
        var entry = incident.Timeline[^1];
        Assert.Equal(("return", IncidentStatus.Dispatched, IncidentStatus.Disputed), (entry.Action, entry.FromStatus!.Value, entry.ToStatus));
        Assert.Contains("330503-SL", entry.Note);
        Assert.All(incident.Assignments, a => Assert.Equal(AssignmentStatus.Returned, a.Status));
        Assert.Equal(["rule"], IncidentLifecycle.AllowedFor(incident));
    }

    [Fact]
    public void AfterARulingOnASecondReturn_TheDepartmentCannotReturnAgain()
    {
        var incident = ReturnedAndDispatchedAgain();
        incident.Return("still not ours", null, Officer, Later);
        incident.Rule("330503-NYNC", [], "the list names 农业农村局 for fishing cages", "《渔业法》第三十条", "commander-1", Later.AddMinutes(5));
        var before = Before.Of(incident);

        var refused = Assert.Throws<InvalidTransitionException>(() => incident.Return("not ours", null, Officer, Later.AddMinutes(10)));

        Assert.Contains("ruling binds", refused.Message);
        before.AssertUnchanged(incident);
        Assert.DoesNotContain("return", IncidentLifecycle.AllowedFor(incident));
    }
}
