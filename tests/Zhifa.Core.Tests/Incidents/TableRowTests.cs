using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>Each row of the table, run through the incident's own method, does what the row says.</summary>
public class TableRowTests
{
    public static TheoryData<IncidentStatus, IncidentAction> Rows()
    {
        var data = new TheoryData<IncidentStatus, IncidentAction>();
        foreach (var row in IncidentLifecycle.Table.Where(t => t.From is not null))
            data.Add(row.From!.Value, row.Action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Action_WhenInTable_MovesToRowTargetWithOneTimelineEntry(IncidentStatus from, IncidentAction action)
    {
        var row = IncidentLifecycle.Find(from, action)!;
        var incident = ReadyFor(row);
        var before = Before.Of(incident);

        IncidentActions.Invoke(incident, action, Later);

        Assert.Equal(row.To, incident.Status);
        Assert.Equal(before.Version + 1, incident.Version);
        var entry = Assert.Single(incident.Timeline.Skip(before.TimelineCount));
        Assert.Equal((action.ApiName(), from, row.To, "actor-1"), (entry.Action, entry.FromStatus!.Value, entry.ToStatus, entry.Actor));
    }

    [Fact]
    public void Table_WhenRead_HasOneReportRowFromNothing()
    {
        var report = Assert.Single(IncidentLifecycle.Table, t => t.From is null);
        Assert.Equal((IncidentAction.Report, IncidentStatus.Reported), (report.Action, report.To));
    }

    [Fact]
    public void Table_WhenRead_HasAtMostOneRowPerStateAndAction()
    {
        var pairs = IncidentLifecycle.Table.Select(t => (t.From, t.Action)).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Table_WhenRead_HasTheFifteenRowsOfTheDesign()
    {
        Assert.Equal(15, IncidentLifecycle.Table.Count);
    }
}
