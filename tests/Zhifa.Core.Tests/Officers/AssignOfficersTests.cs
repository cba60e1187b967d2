using Zhifa.Core.Incidents;
using static Zhifa.Core.Tests.Support.IncidentBuilder;

namespace Zhifa.Core.Tests.Officers;

/// <summary>Naming officers goes on the timeline and leaves the status alone; only open work takes them.</summary>
public class AssignOfficersTests
{
    [Theory]
    [InlineData(IncidentStatus.Dispatched)]
    [InlineData(IncidentStatus.InProgress)]
    public void WhileOpen_RecordsTheNamesOnTheTimeline(IncidentStatus status)
    {
        var incident = In(status);
        var version = incident.Version;

        incident.AssignOfficers(["张三", "李四"], Officer, Later);

        var entry = incident.Timeline[^1];
        Assert.Equal((Incident.AssignOfficersAction, status, status, version + 1), (entry.Action, entry.FromStatus!.Value, entry.ToStatus, incident.Version));
        Assert.Contains("张三", entry.Note);
        Assert.Contains("李四", entry.Note);
    }

    [Theory]
    [InlineData(IncidentStatus.Reported)]
    [InlineData(IncidentStatus.Suspended)]
    [InlineData(IncidentStatus.Resolved)]
    [InlineData(IncidentStatus.Closed)]
    public void OtherwiseRefuses_AndChangesNothing(IncidentStatus status)
    {
        var incident = In(status);
        var version = incident.Version;

        var error = Assert.Throws<DomainException>(() => incident.AssignOfficers(["张三"], Officer, Later));

        Assert.Equal(("incident.officers_not_open", version), (error.Code, incident.Version));
    }
}
