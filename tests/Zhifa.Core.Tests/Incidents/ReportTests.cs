using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Tests.Support;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Incidents;

public class ReportTests
{
    [Fact]
    public void Report_WhenNewClue_CreatesReportedIncident()
    {
        var incident = Reported();

        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal("330503-20250303-0001", incident.Number);
        Assert.Equal(Center, incident.HandlingCenterCode);
        Assert.Equal("SY01", incident.MatterCode);
        Assert.Equal(Priority.Normal, incident.Priority);
        Assert.Equal(("330503106-G01", "330503106", "330503"), (incident.GridCode, incident.TownshipCode, incident.CountyCode));
        Assert.Equal(T0, incident.ReportedAt);
    }

    [Fact]
    public void Report_WhenNewClue_WritesFirstTimelineEntry()
    {
        var incident = Reported();

        var entry = Assert.Single(incident.Timeline);
        Assert.Equal("report", entry.Action);
        Assert.Null(entry.FromStatus);
        Assert.Equal(IncidentStatus.Reported, entry.ToStatus);
        Assert.Equal("channel:grid", entry.Actor);
        Assert.Equal("grid: cages in the river", entry.Note);
        Assert.Equal(1, entry.Seq);
        Assert.Equal(1, incident.Version);
    }

    [Fact]
    public void Report_WhenNewClue_CountsOneReportAndAttachesTheClue()
    {
        var incident = Reported();

        Assert.Equal(1, incident.ReportCount);
        var clue = Assert.Single(incident.Clues);
        Assert.Equal(incident.Id, clue.IncidentId);
        Assert.Equal((0, 0), (incident.ReturnCount, incident.ReworkCount));
        Assert.Empty(incident.Assignments);
    }
}
