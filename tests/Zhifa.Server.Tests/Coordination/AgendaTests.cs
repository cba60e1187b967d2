using System.Net;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>
/// The proposed agenda of a centre's weekly and monthly consultation: pending disputes, overdue incidents,
/// level-2 and level-3 supervision and chronic hotspots. On the clock collection's server: it moves the clock.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class AgendaTests(ZhifaApp app)
{
    private const string Nanxun = "330503-ZHZX";
    private readonly Scenario _scenario = new(app);

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");

    [Fact]
    public async Task Agenda_FindsADispute_AnOverdueIncident_ALevel2SupervisedOne_AndAPlantedHotspot()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var overdue = await _scenario.ReportAsync();
        var disputed = await _scenario.InStatusAsync(IncidentStatus.Disputed);
        var supervised = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        await (await app.Cast.As("supervisor.city").PostJsonAsync($"/api/v1/incidents/{supervised.Id}/notices", new { level = "priority", reason = "重点督办测试" }))
            .ReadAsync<Zhifa.Server.Features.Supervision.NoticeView>();
        var hotspot = await PlantHotspotAsync();
        var due = overdue.Open("accept").DueAt;
        app.MoveTo(due.AddMinutes(-30));
        var fresh = await _scenario.ReportAsync();
        // Past the first report's accept-by, well within the fresh one's.
        app.MoveTo(due.AddMinutes(1));

        var agenda = await (await Dispatcher.GetAsync($"/api/v1/command-centers/{Nanxun}/agenda?kind=weekly")).ReadAsync<ProposedAgenda>();

        Assert.Equal((Nanxun, ConsultationKind.Weekly), (agenda.CenterCode, agenda.Kind));
        Assert.Contains(agenda.Disputes, i => i.Id == disputed.Id && i.Number == disputed.Number && i.Href == $"/api/v1/incidents/{disputed.Id}");
        // The section keeps the 50 oldest: on a database shared with many open incidents the new one may be past
        // the cap, and is then found red by the incidents query, which is not capped.
        if (agenda.Overdue.Length < AgendaProposals.MaxPerSection)
            Assert.Contains(agenda.Overdue, i => i.Id == overdue.Id);
        else
            Assert.Contains((await (await Dispatcher.GetAsync($"/api/v1/incidents?light=red&q={overdue.Number}")).ReadAsync<PagedList<IncidentSummary>>()).Items,
                i => i.Id == overdue.Id);
        Assert.DoesNotContain(agenda.Overdue, i => i.Id == fresh.Id);
        Assert.Contains(agenda.Supervised, i => i.Id == supervised.Id);
        Assert.DoesNotContain(agenda.Supervised, i => i.Id == overdue.Id);
        var spot = Assert.Single(agenda.Hotspots, h => h.GridCode == hotspot.Grid && h.MatterCode == "SR01");
        Assert.True(spot.Count >= 3);
        Assert.Superset(spot.Incidents.Select(i => i.Id).ToHashSet(), hotspot.Ids.ToHashSet());
        Assert.InRange(agenda.Hotspots.Sum(h => h.Incidents.Length), 3, AgendaProposals.MaxPerSection);
    }

    [Fact]
    public void Fit_KeepsTheOrganisersIncidents_AndTruncatesTheProposalToTheAgendaCap()
    {
        var proposed = Enumerable.Range(0, Consultation.MaxAgenda).Select(n => Item(n, AgendaSection.Overdue)).ToList();
        var raised = new[] { Item(10_000, AgendaSection.Raised), Item(0, AgendaSection.Raised) };
        var holders = Enumerable.Range(0, Consultation.MaxInvited + 5).Select(n => $"330503-D{n:00}");

        var (agenda, invited) = AgendaProposals.Fit(proposed, raised, ["330503-NYNC"], holders);

        Assert.Equal(Consultation.MaxAgenda, agenda.Count);
        Assert.Equal(Consultation.MaxAgenda, agenda.DistinctBy(a => a.IncidentId).Count());
        Assert.Subset(agenda.ToHashSet(), raised.ToHashSet());
        Assert.Equal(proposed.Skip(1).Take(Consultation.MaxAgenda - 2), agenda.Take(Consultation.MaxAgenda - 2));
        Assert.Equal(Consultation.MaxInvited, invited.Length);
        Assert.Equal("330503-NYNC", invited[0]);
    }

    private static AgendaItem Item(int n, AgendaSection section) => new(new Guid(n, 0, 0, new byte[8]), $"N{n}", section);

    [Fact]
    public async Task Agenda_OfAnotherCounty_IsNotFound_AndAnUnknownKindNamesTheField()
    {
        await ProblemAssert.IsProblemAsync(await Dispatcher.GetAsync("/api/v1/command-centers/330522-ZHZX/agenda"), HttpStatusCode.NotFound, "center.not_found");
        await ProblemAssert.IsProblemAsync(await Dispatcher.GetAsync("/api/v1/command-centers/nowhere/agenda"), HttpStatusCode.NotFound, "center.not_found");
        await ProblemAssert.NamesFieldAsync(await Dispatcher.GetAsync($"/api/v1/command-centers/{Nanxun}/agenda?kind=daily"), "kind");
        await ProblemAssert.NamesFieldAsync(await Dispatcher.GetAsync($"/api/v1/command-centers/{Nanxun}/agenda?kind=adHoc"), "kind");
    }

    [Fact]
    public async Task FromAgenda_TheConsultationStartsWithTheAgendasIncidents_InvitesTheirDepartments_AndOnePerPeriod()
    {
        // A Monday no other test has reached: its week has no weekly consultation yet.
        app.NextMonday(new TimeOnly(9, 0));
        var disputed = await _scenario.InStatusAsync(IncidentStatus.Disputed);
        var agenda = await (await Dispatcher.GetAsync($"/api/v1/command-centers/{Nanxun}/agenda?kind=weekly")).ReadAsync<ProposedAgenda>();

        var created = await Dispatcher.PostJsonAsync("/api/v1/consultations", new { fromAgenda = true, kind = "weekly", scheduledAt = app.Time.GetUtcNow() });

        var consultation = await created.ReadAsync<ConsultationView>();
        Assert.Equal((ConsultationKind.Weekly, agenda.Period, agenda.Topic), (consultation.Kind, consultation.Period, consultation.Topic));
        Assert.Contains(consultation.Agenda, a => a.IncidentId == disputed.Id && a.Section == AgendaSection.Dispute);
        Assert.Equal(agenda.Items().Count(), consultation.Agenda.Length);
        Assert.Contains(disputed.Assignments[0].DepartmentCode, consultation.InvitedDepartmentCodes);
        var again = await Dispatcher.PostJsonAsync("/api/v1/consultations", new { fromAgenda = true, kind = "weekly", scheduledAt = app.Time.GetUtcNow() });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "consultation.period_taken");
    }

    /// <summary>Three reports of one matter (SR01) in one grid of 和孚镇, each at its own spot of the lattice.</summary>
    private async Task<(string Grid, Guid[] Ids)> PlantHotspotAsync()
    {
        var byGrid = new Dictionary<string, List<Guid>>();
        for (var i = 0; i < 40; i++)
        {
            var incident = await _scenario.ReportAsync("SR01", text: $"占道经营第{i}处，水果摊摆到路上");
            if (incident.GridCode is null)
                continue;
            var ids = byGrid.TryGetValue(incident.GridCode, out var known) ? known : byGrid[incident.GridCode] = [];
            ids.Add(incident.Id);
            if (ids.Count == 3)
                return (incident.GridCode, [.. ids]);
        }
        throw new InvalidOperationException("No grid of 和孚镇 took three reports.");
    }
}
