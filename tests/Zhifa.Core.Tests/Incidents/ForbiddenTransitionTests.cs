using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>Every (state, action) pair the table does not list must be refused without any change.</summary>
public class ForbiddenTransitionTests
{
    /// <summary>Report only creates an incident, so it is no action on an existing one.</summary>
    private static IEnumerable<(IncidentStatus From, IncidentAction Action)> AllPairs() =>
        from status in Enum.GetValues<IncidentStatus>()
        from action in Enum.GetValues<IncidentAction>()
        where action != IncidentAction.Report
        select (status, action);

    private static HashSet<(IncidentStatus, IncidentAction)> TablePairs() =>
        IncidentLifecycle.Table
            .Where(t => t.From is not null)
            .Select(t => (t.From!.Value, t.Action))
            .ToHashSet();

    private static List<(IncidentStatus From, IncidentAction Action)> ForbiddenPairs()
    {
        var allowed = TablePairs();
        return AllPairs().Where(p => !allowed.Contains(p)).ToList();
    }

    public static TheoryData<IncidentStatus, IncidentAction> Forbidden()
    {
        var data = new TheoryData<IncidentStatus, IncidentAction>();
        foreach (var (from, action) in ForbiddenPairs())
            data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Action_WhenNotInTable_ThrowsInvalidTransitionAndChangesNothing(IncidentStatus from, IncidentAction action)
    {
        var incident = In(from);
        Assert.Equal(from, incident.Status);
        var before = Before.Of(incident);

        var ex = Assert.Throws<InvalidTransitionException>(() => IncidentActions.Invoke(incident, action, Later));

        Assert.Equal("incident.invalid_transition", ex.Code);
        Assert.Equal((from, action), (ex.From, ex.Action));
        before.AssertUnchanged(incident);
    }

    [Fact]
    public void ForbiddenPairs_WhenGenerated_AreNotEmpty()
    {
        Assert.NotEmpty(ForbiddenPairs());
    }

    [Fact]
    public void ForbiddenPairs_WhenAddedToTableRows_MakeEveryPair()
    {
        var all = AllPairs().ToHashSet();
        var table = TablePairs();
        var forbidden = ForbiddenPairs().ToHashSet();

        Assert.Empty(table.Intersect(forbidden));
        Assert.True(all.SetEquals(table.Union(forbidden)));
        Assert.Equal(all.Count, table.Count + forbidden.Count);
        Assert.Equal(Enum.GetValues<IncidentStatus>().Length * (Enum.GetValues<IncidentAction>().Length - 1), all.Count);
    }

    [Fact]
    public void ForbiddenTheory_WhenEnumerated_HasOneCasePerForbiddenPair()
    {
        Assert.Equal(ForbiddenPairs().Count, Forbidden().Count());
    }

    [Fact]
    public void Builder_WhenAskedForEachStatus_ReachesIt()
    {
        foreach (var status in Enum.GetValues<IncidentStatus>())
            Assert.Equal(status, In(status).Status);
    }
}
