using Zhifa.Core.Incidents;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

/// <summary>Each row of the table, run through the incident's own method, does what the row says.</summary>
public class TableRowTests
{
    /// <summary>Each row by its place in the table, named by its state, action and target.</summary>
    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        for (var index = 0; index < IncidentLifecycle.Table.Count; index++)
            if (IncidentLifecycle.Table[index] is { From: { } from } row)
                data.Add(index, $"{from} {row.Action} → {row.To}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Action_WhenInTable_MovesToRowTargetWithOneTimelineEntry(int index, string name)
    {
        var row = IncidentLifecycle.Table[index];
        var (from, action) = (row.From!.Value, row.Action);
        var incident = ReadyFor(row);
        var before = Before.Of(incident);

        IncidentActions.Invoke(incident, action, Later);

        Assert.True(incident.Status == row.To, $"{name} ended in {incident.Status}");
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

    [Theory]
    [MemberData(nameof(Rows))]
    public void RowsSharingAStateAndAction_ApplyOneAtATime(int index, string name)
    {
        // The incident that one row was made for: of the rows with its state and action, that row alone applies.
        var row = IncidentLifecycle.Table[index];
        var incident = ReadyFor(row);
        var applying = IncidentLifecycle.Table.Where(t => t.From == row.From && t.Action == row.Action && t.Guard?.Invoke(incident) is null).ToList();
        Assert.True(applying is [var only] && ReferenceEquals(only, row), $"{name}: {applying.Count} rows apply");
    }

    [Fact]
    public void Table_WhenRead_HasTheSixteenRowsOfTheDesign()
    {
        // The design's fifteen, and the second return that opens a dispute.
        Assert.Equal(16, IncidentLifecycle.Table.Count);
    }
}
