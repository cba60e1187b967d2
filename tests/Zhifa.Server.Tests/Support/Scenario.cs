using System.Collections.Concurrent;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Tests.Support;

/// <summary>
/// Drives incidents through the HTTP API the way the platform's users do: clues come in through a
/// channel's key, and each action is taken by someone the life-cycle table names for it.
/// </summary>
public sealed class Scenario(ZhifaApp app)
{
    /// <summary>和孚镇, 南浔区: the township of the seed's river scenario.</summary>
    public const string Hefu = "330503106";
    public const string Nanxun = "330503";

    /// <summary>A report too vague for the classifier to name its matter with confidence.</summary>
    public const string UnplacedText = "群众反映这里有情况，请派人核实";

    private static readonly ConcurrentDictionary<string, RegionView> Regions = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<Point[]>>> Spots = new();
    private static readonly ConcurrentDictionary<string, int> NextSpot = new();

    /// <summary>The city centre's dispatcher, who sees every incident: the scenario reads as them.</summary>
    public HttpClient Client { get; } = app.Cast.As(Cast.CityDispatcher);

    public async Task<RegionView> RegionAsync(string code) =>
        Regions.TryGetValue(code, out var cached) ? cached
            : Regions[code] = await (await Client.GetAsync($"/api/v1/regions/{code}")).ReadAsync<RegionView>();

    /// <summary>Reports a clue at a spot of its own near the centre of a township and answers the incident it made.</summary>
    public async Task<IncidentDetail> ReportAsync(string? matterCode = "SY01", string township = Hefu, string channel = "grid", string? text = null, Point? at = null)
    {
        var point = at ?? await NextPointAsync(township);
        var accepted = await (await PostClueAsync(new
        {
            channel,
            // Without a matter, a text the classifier cannot place: the incident waits for a dispatcher.
            text = text ?? (matterCode is null ? UnplacedText : "河道内发现地笼，疑似非法捕捞"),
            matterCode,
            lat = point.Lat,
            lon = point.Lon,
        })).ReadAsync<ClueAccepted>();
        return await GetAsync(accepted.IncidentId);
    }

    /// <summary>An open incident (SR01, dispatched) that a sure repeat report joined: its second clue is the joined one.</summary>
    public async Task<IncidentDetail> WithJoinedReportAsync(string township = Hefu)
    {
        var at = await NextPointAsync(township);
        var first = await ReportAsync("SR01", township, text: "“阿强水果店”门口占道摆摊", at: at);
        var joined = await (await PostClueAsync(new { channel = "hotline12345", text = "阿强水果店又把水果摊摆到路上了", matterCode = "SR01", lat = at.Lat, lon = at.Lon }))
            .ReadAsync<ClueAccepted>();
        Assert.Equal(first.Id, joined.MergedInto);
        return await GetAsync(first.Id);
    }

    /// <summary>
    /// The next of a lattice of spots 110 m apart over the township: each report its own place, so that
    /// duplicate detection (100 m for the matters the tests report) keeps separate problems separate,
    /// while the township and its centre stay the same. 和孚镇's lattice leaves out grid.hefu's grids
    /// and a margin round them: those are <see cref="NextGridPointAsync"/>'s.
    /// </summary>
    public Task<Point> NextPointAsync(string township) => NextAsync(township, async () =>
    {
        var box = Box((await RegionAsync(township)).BoundaryWkt!);
        var reserved = township == Hefu ? await GridBoxesAsync(Features.Auth.DemoUsers.HefuCentreGrids) : [];
        const double margin = 120 / 111_320.0;
        return [.. Lattice(box).Where(p => !reserved.Any(r =>
            p.Lat > r.S - margin && p.Lat < r.N + margin && p.Lon > r.W - 2 * margin && p.Lon < r.E + 2 * margin))];
    });

    /// <summary>
    /// The next spot of the township's lattice at least <paramref name="marginMeters"/> inside its bounding
    /// box: for a test that also reports a point that far off, which must still lie on the platform's grids.
    /// </summary>
    public async Task<Point> NextInnerPointAsync(string township, double marginMeters)
    {
        var box = Box((await RegionAsync(township)).BoundaryWkt!);
        var (dLat, dLon) = (marginMeters / 111_320.0, marginMeters / 111_320.0 / Math.Cos(box.S * Math.PI / 180));
        while (true)
        {
            var point = await NextPointAsync(township);
            if (point.Lat > box.S + dLat && point.Lat < box.N - dLat && point.Lon > box.W + dLon && point.Lon < box.E - dLon)
                return point;
        }
    }

    /// <summary>The next spot of a lattice over grid.hefu's grids, where the grid worker may verify.</summary>
    public Task<Point> NextGridPointAsync() => NextAsync("grid.hefu", async () =>
        [.. (await GridBoxesAsync(Features.Auth.DemoUsers.HefuCentreGrids)).SelectMany(Lattice)]);

    /// <summary>The codes of every grid of a township.</summary>
    public async Task<string[]> GridCodesAsync(string township) =>
        [.. (await (await Client.GetAsync($"/api/v1/grids?regionCode={township}&pageSize=1000")).ReadAsync<PagedList<GridView>>()).Items.Select(g => g.Code)];

    private static async Task<Point> NextAsync(string lattice, Func<Task<Point[]>> build)
    {
        var spots = await Spots.GetOrAdd(lattice, _ => new Lazy<Task<Point[]>>(build)).Value;
        return spots[NextSpot.AddOrUpdate(lattice, 0, (_, n) => n + 1) % spots.Length];
    }

    private async Task<List<GridBox>> GridBoxesAsync(IEnumerable<string> codes)
    {
        var boxes = new List<GridBox>();
        foreach (var code in codes)
            boxes.Add(Box((await (await Client.GetAsync($"/api/v1/grids/{code}")).ReadAsync<GridView>()).BoundaryWkt!));
        return boxes;
    }

    private sealed record GridBox(double S, double W, double N, double E);

    private static IEnumerable<Point> Lattice(GridBox b)
    {
        const double stepLat = 110 / 111_320.0;
        var stepLon = stepLat / Math.Cos((b.S + b.N) / 2 * Math.PI / 180);
        for (var lat = b.S + stepLat / 2; lat < b.N - stepLat / 4; lat += stepLat)
            for (var lon = b.W + stepLon / 2; lon < b.E - stepLon / 4; lon += stepLon)
                yield return new Point(lat, lon);
    }

    private static GridBox Box(string wkt)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(wkt, @"-?\d+(\.\d+)?")
            .Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var lons = numbers.Where((_, i) => i % 2 == 0).ToList();
        var lats = numbers.Where((_, i) => i % 2 == 1).ToList();
        return new GridBox(lats.Min(), lons.Min(), lats.Max(), lons.Max());
    }

    /// <summary>How many incidents the city's dispatcher sees: every one.</summary>
    public async Task<int> TotalAsync() =>
        (await (await Client.GetAsync("/api/v1/incidents?pageSize=1")).ReadAsync<PagedList<IncidentSummary>>()).Total;

    /// <summary>Who reports through a channel: a dispatcher types manual entries, every other channel has its key.</summary>
    public async Task<HttpClient> ReporterAsync(string? channel) =>
        channel == Channels.Manual ? Client : await app.Cast.ChannelAsync(Channels.IsKnown(channel) ? channel! : Channels.Grid);

    /// <summary>POSTs a clue as its channel's reporter.</summary>
    public async Task<HttpResponseMessage> PostClueAsync(object clue)
    {
        var channel = System.Text.Json.JsonSerializer.SerializeToElement(clue, Json.Options).TryGetProperty("channel", out var c) ? c.GetString() : null;
        return await (await ReporterAsync(channel)).PostJsonAsync("/api/v1/clues", clue);
    }

    /// <summary>POSTs raw JSON as the reporter of the channel it names (the grid's, when it names none or is not JSON).</summary>
    public async Task<HttpResponseMessage> PostRawClueAsync(string json)
    {
        string? channel = null;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("channel", out var c)
                && c.ValueKind == System.Text.Json.JsonValueKind.String)
                channel = c.GetString();
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return await (await ReporterAsync(channel)).PostRawJsonAsync("/api/v1/clues", json);
    }

    public async Task<IncidentDetail> GetAsync(Guid id) =>
        await (await Client.GetAsync($"/api/v1/incidents/{id}")).ReadAsync<IncidentDetail>();

    /// <summary>
    /// Takes the action as someone the table names for the incident's current row. Before a resolve of
    /// work in progress, the co-departments finish their parts, which the lead's resolve waits for.
    /// </summary>
    public async Task<HttpResponseMessage> ActAsync(Guid id, string action, object? body = null)
    {
        if (action == "resolve")
            await FinishCoWorkAsync(id);
        return await (await ActorAsync(id, action)).PostJsonAsync($"/api/v1/incidents/{id}/{action}", body ?? new { });
    }

    /// <summary>Each co-department of work in progress accepts and resolves its part, as its own officer.</summary>
    public async Task FinishCoWorkAsync(Guid id)
    {
        var response = await Client.GetAsync($"/api/v1/incidents/{id}");
        if (!response.IsSuccessStatusCode || await response.ReadAsync<IncidentDetail>() is not { Status: IncidentStatus.InProgress } detail)
            return;
        foreach (var part in detail.Assignments.Where(a => a.Role == AssignmentRole.Co && a.Status is AssignmentStatus.Dispatched or AssignmentStatus.Accepted))
        {
            var officer = await app.Cast.OfficerOfAsync(part.DepartmentCode);
            var path = $"/api/v1/incidents/{id}/assignments/{part.DepartmentCode}";
            if (part.Status == AssignmentStatus.Dispatched)
                (await officer.PostJsonAsync($"{path}/accept", new { })).EnsureSuccessStatusCode();
            (await officer.PostJsonAsync($"{path}/resolve", new { result = "协办部分已完成" })).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// The person for the action: one of the roles its row names (any row of the action, when the
    /// incident's status has none, so the refusal is the state's), held over this incident. The city
    /// centre's dispatcher and duty commander cover every centre; department work goes to an officer of
    /// the lead department, or of the department that had the incident last.
    /// </summary>
    public async Task<HttpClient> ActorAsync(Guid id, string action)
    {
        var incident = await Client.GetAsync($"/api/v1/incidents/{id}");
        var detail = incident.IsSuccessStatusCode ? await incident.ReadAsync<IncidentDetail>() : null;
        var rows = IncidentLifecycle.Table.Where(t => t.Action.ApiName() == action).ToList();
        var who = (rows.FirstOrDefault(t => t.From == detail?.Status) is { } row ? row.Who : rows.SelectMany(t => t.Who)).ToHashSet();
        var department = detail?.Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned)?.DepartmentCode
            ?? detail?.Assignments.LastOrDefault()?.DepartmentCode ?? "330503-NYNC";
        if (who.Contains(Role.Dispatcher))
            return Client;
        if (who.Contains(Role.DutyCommander))
            return app.Cast.As(Cast.CityCommander);
        if (who.Contains(Role.DepartmentOfficer))
            return await app.Cast.OfficerOfAsync(department);
        return who.Contains(Role.Supervisor) ? app.Cast.As("supervisor.city") : Client;
    }

    public async Task<IncidentDetail> DoAsync(Guid id, string action, object? body = null) =>
        await (await ActAsync(id, action, body)).ReadAsync<IncidentDetail>();

    /// <summary>
    /// An incident in <paramref name="status"/> that a department has held, so its staff see it: for
    /// Reported, Rejected and Merged, it was dispatched and returned first. Department staff asked to act
    /// on it are refused by its state, not by not seeing it.
    /// </summary>
    public async Task<IncidentDetail> HeldByADepartmentAsync(IncidentStatus status, string township = Hefu)
    {
        if (status is not (IncidentStatus.Reported or IncidentStatus.Rejected or IncidentStatus.Merged))
            return await InStatusAsync(status, township);
        var returned = await DoAsync((await ReportAsync(township: township)).Id, "return", new { reason = "不属于本部门职责" });
        return status switch
        {
            IncidentStatus.Rejected => await DoAsync(returned.Id, "reject", new { reason = "非执法事项" }),
            IncidentStatus.Merged => await DoAsync(returned.Id, "merge", new { intoIncidentId = (await ReportAsync(matterCode: null, township: township)).Id }),
            _ => returned,
        };
    }

    /// <summary>A new incident brought into <paramref name="status"/> through the API.</summary>
    public async Task<IncidentDetail> InStatusAsync(IncidentStatus status, string township = Hefu)
    {
        switch (status)
        {
            case IncidentStatus.Reported:
                return await ReportAsync(matterCode: null, township: township);
            case IncidentStatus.Dispatched:
                return await ReportAsync(township: township);
            case IncidentStatus.InProgress:
                return await DoAsync((await ReportAsync(township: township)).Id, "accept");
            case IncidentStatus.Suspended:
                return await DoAsync((await InStatusAsync(IncidentStatus.InProgress, township)).Id, "suspend", new { reason = "等待检测报告" });
            case IncidentStatus.Resolved:
                return await DoAsync((await InStatusAsync(IncidentStatus.InProgress, township)).Id, "resolve", new { result = "已清理" });
            case IncidentStatus.Closed:
                return await DoAsync((await InStatusAsync(IncidentStatus.Resolved, township)).Id, "verify", new { passed = true });
            case IncidentStatus.Rejected:
                return await DoAsync((await InStatusAsync(IncidentStatus.Reported, township)).Id, "reject", new { reason = "非执法事项" });
            case IncidentStatus.Merged:
                var target = await ReportAsync(matterCode: null, township: township);
                return await DoAsync((await ReportAsync(matterCode: null, township: township)).Id, "merge", new { intoIncidentId = target.Id });
            case IncidentStatus.Disputed:
                var returned = await DoAsync((await ReportAsync(township: township)).Id, "return", new { reason = "不属于本部门职责" });
                return await DoAsync(returned.Id, "dispute", new { reason = "职责不清" });
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }
}
