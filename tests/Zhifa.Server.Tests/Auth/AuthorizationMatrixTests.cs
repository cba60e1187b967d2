using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;
using Zhifa.Server.Tests.Triage;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// Every endpoint the app maps × every kind of caller × a resource in and out of the caller's
/// jurisdiction, each with the status this file expects. The endpoints come from the app's own
/// endpoint list: one without a rule here fails the test, so no endpoint goes unreviewed.
/// </summary>
/// <remarks>
/// In scope means the river scenario's place, 和孚镇 in 南浔区, where every caller of the matrix has
/// their home; out of scope is 长兴县, where none has.
/// </remarks>
[Collection(ApiCollection.Name)]
public sealed partial class AuthorizationMatrixTests(ZhifaApp app)
{
    /// <summary>雉城街道, 长兴县: outside every matrix caller's home.</summary>
    private const string Elsewhere = "330522001";

    /// <summary>The matrix's department staff's own department in scope, and 长兴县's like one out of scope.</summary>
    private static string Department(bool inScope) => inScope ? "330503-NYNC" : "330522-NYNC";

    private readonly Scenario _scenario = new(app);

    public enum Caller { Anonymous, ChannelKey, GridWorker, Dispatcher, Analyst, Supervisor, DutyCommander, DepartmentOfficer, DepartmentLeader, Admin }

    private static readonly Caller[] People = [.. Enum.GetValues<Caller>().Where(c => c is not (Caller.Anonymous or Caller.ChannelKey))];
    private static readonly Caller[] Readers = [Caller.GridWorker, Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander, Caller.DepartmentOfficer, Caller.DepartmentLeader];
    private static readonly Caller[] Signed = [Caller.ChannelKey, .. People];

    /// <summary>
    /// One endpoint's rule. <paramref name="Allowed"/>: the callers its role gate lets through (everyone
    /// else signed in gets 403, the anonymous 401, unless <paramref name="Public"/>). <paramref name="Send"/>
    /// makes the request for a caller against an in-scope (true) or out-of-scope (false) resource and answers
    /// the status; <paramref name="InScope"/> and <paramref name="OutOfScope"/> are what the allowed get.
    /// </summary>
    private sealed record Rule(
        Caller[] Allowed,
        Func<Caller, bool, Task<HttpStatusCode>> Send,
        Func<Caller, HttpStatusCode> InScope,
        Func<Caller, HttpStatusCode> OutOfScope,
        bool Public = false,
        int Order = 0);

    private Dictionary<Caller, HttpClient> _clients = [];

    [Fact]
    public async Task EveryEndpoint_ForEveryCallerInAndOutOfScope_AnswersItsExpectedStatus()
    {
        _clients = await CallersAsync();
        await TriageApi.ReadyAsync(app);
        var rules = Rules();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText)}"))
            .Distinct().ToList();
        AddUiRules(rules, mapped);

        var failures = mapped.Where(e => !rules.ContainsKey(e)).Select(e => $"{e}: no rule in the matrix").ToList();
        failures.AddRange(rules.Keys.Where(k => !mapped.Contains(k)).Select(k => $"{k}: a rule for an endpoint the app does not map"));
        var checks = 0;
        try
        {
            checks = await CheckAsync(rules, mapped, failures);
        }
        finally
        {
            // The admin's retrain rule swapped the shared server's model.
            app.RestoreShippedClassifier();
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
        Assert.True(checks >= 30 * 10 * 2, $"Only {checks} checks ran.");
    }

    private async Task<int> CheckAsync(Dictionary<string, Rule> rules, List<string> mapped, List<string> failures)
    {
        var checks = 0;
        foreach (var (endpoint, rule) in rules.Where(r => mapped.Contains(r.Key)).OrderBy(r => r.Value.Order).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                foreach (var inScope in new[] { true, false })
                {
                    var expected = Expected(rule, caller, inScope);
                    var actual = await rule.Send(caller, inScope);
                    checks++;
                    if (actual != expected)
                        failures.Add($"{endpoint} as {caller} ({(inScope ? "in" : "out of")} scope): expected {(int)expected}, got {(int)actual}");
                }
            }
        }
        return checks;
    }

    private static HttpStatusCode Expected(Rule rule, Caller caller, bool inScope) =>
        rule.Public || rule.Allowed.Contains(caller) ? (inScope ? rule.InScope : rule.OutOfScope)(caller)
        : caller == Caller.Anonymous ? HttpStatusCode.Unauthorized
        : HttpStatusCode.Forbidden;

    private static string Normalize(string? pattern) => "/" + (pattern ?? "").Trim('/');

    private Dictionary<string, Rule> Rules()
    {
        var ok = Always(HttpStatusCode.OK);
        var notFound = Always(HttpStatusCode.NotFound);
        // Enrolled people (the roles that must use two-factor) are not shown their key again.
        Func<Caller, HttpStatusCode> keyOrConflict = c => c is Caller.DutyCommander or Caller.Admin ? HttpStatusCode.Conflict : HttpStatusCode.OK;
        var rules = new Dictionary<string, Rule>
        {
            // Open to all: probes, the API's description, sign-in itself (a wrong password is 401 for anyone).
            ["ANY /health/live"] = Public(_ => Get("/health/live"), HttpStatusCode.OK),
            ["ANY /health/ready"] = Public(_ => Get("/health/ready"), HttpStatusCode.OK),
            // Open to this machine and the monitoring networks, without signing in (MetricsAccess; the tests call in-process).
            ["ANY /metrics"] = Public(_ => Get("/metrics"), HttpStatusCode.OK),
            ["GET /openapi/{documentName}.json"] = Public(_ => Get("/openapi/v1.json"), HttpStatusCode.OK),
            ["GET /scalar/{documentName?}"] = Public(_ => Get("/scalar/v1"), HttpStatusCode.OK),
            ["GET /scalar/scalar.js"] = Public(_ => Get("/scalar/scalar.js"), HttpStatusCode.OK),
            ["GET /scalar/scalar.aspnetcore.js"] = Public(_ => Get("/scalar/scalar.aspnetcore.js"), HttpStatusCode.OK),
            ["GET /scalar/favicon.svg"] = Public(_ => Get("/scalar/favicon.svg"), HttpStatusCode.OK),
            ["POST /api/v1/auth/login"] = Public(c => Post(c, AuthApi.Login, new { userName = "nobody", password = "Wrong-Passw0rd!" }), HttpStatusCode.Unauthorized),
            ["POST /api/v1/auth/refresh"] = Public(c => Post(c, AuthApi.Refresh, new { refreshToken = "not-a-token" }), HttpStatusCode.Unauthorized),

            // A person's own account: people, not channel keys. Revocation ends the caller's session (the
            // matrix's clients sign in again), and the key is not shown again once two-factor is on.
            ["GET /api/v1/auth/me"] = new(People, (c, _) => Send(c, HttpMethod.Get, AuthApi.Me), ok, ok, Order: 1),
            ["POST /api/v1/auth/2fa/enable"] = new(People, (c, _) => Post(c, AuthApi.TwoFactorEnable, new { code = "000000" }),
                Always(HttpStatusCode.BadRequest), Always(HttpStatusCode.BadRequest), Order: 1),
            ["POST /api/v1/auth/2fa/key"] = new(People, (c, _) => Post(c, AuthApi.TwoFactorKey, new { }), keyOrConflict, keyOrConflict, Order: 1),
            ["POST /api/v1/auth/revoke"] = new(People, (c, _) => Post(c, AuthApi.Revoke, new { }), Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NoContent), Order: 2),

            // Channel keys: the admin's.
            ["GET /api/v1/api-keys"] = new([Caller.Admin], (c, _) => Send(c, HttpMethod.Get, "/api/v1/api-keys"), ok, ok),
            ["POST /api/v1/api-keys"] = new([Caller.Admin], (c, _) => Post(c, "/api/v1/api-keys", new { channel = "app", name = "matrix" }),
                Always(HttpStatusCode.Created), Always(HttpStatusCode.Created)),
            ["DELETE /api/v1/api-keys/{id:guid}"] = new([Caller.Admin], async (c, _) => await Send(c, HttpMethod.Delete, $"/api/v1/api-keys/{await IssuedKeyAsync()}"),
                Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NoContent)),

            // The audit trail: the admin reads and checks it; nobody changes it.
            ["GET /api/v1/audit"] = new([Caller.Admin], (c, _) => Send(c, HttpMethod.Get, "/api/v1/audit?pageSize=5"), ok, ok),
            ["GET /api/v1/audit/verify"] = new([Caller.Admin], (c, _) => Send(c, HttpMethod.Get, "/api/v1/audit/verify"), ok, ok),

            // Feedback webhooks: the admin sets them (on a discard port here); delivery records are the admin's,
            // and each channel system's for its own channel.
            ["PUT /api/v1/channels/{channel}/webhook"] = new([Caller.Admin], (c, _) => SendJson(c, HttpMethod.Put, "/api/v1/channels/app/webhook", new { url = "http://127.0.0.1:9/hook" }),
                ok, ok, Order: 1),
            ["GET /api/v1/channels/{channel}/webhook"] = new([Caller.Admin], (c, _) => Send(c, HttpMethod.Get, "/api/v1/channels/app/webhook"), ok, ok, Order: 2),
            ["DELETE /api/v1/channels/{channel}/webhook"] = new([Caller.Admin], (c, _) => Send(c, HttpMethod.Delete, "/api/v1/channels/app/webhook"),
                Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NotFound), Order: 3),
            ["GET /api/v1/feedback/deliveries"] = new([Caller.Admin, Caller.ChannelKey], (c, _) => Send(c, HttpMethod.Get, "/api/v1/feedback/deliveries"), ok, ok),

            // Intake: through the caller's own channel (in scope) or another one (out of scope).
            ["POST /api/v1/clues"] = new([Caller.ChannelKey, Caller.GridWorker, Caller.Dispatcher], (c, inScope) => Post(c, "/api/v1/clues", new
            {
                channel = inScope ? (c == Caller.Dispatcher ? Channels.Manual : Channels.Grid) : Channels.Hotline12345,
                text = "矩阵测试线索", lat = 30.805, lon = 120.4375,
            }), Always(HttpStatusCode.Created), Always(HttpStatusCode.Forbidden)),

            // Photos and videos: brought by those who report, resolve or verify; read by the platform's people;
            // the public copy by anyone holding its URL. Files are not scoped: their ids come from scoped incidents.
            ["POST /api/v1/media"] = new([Caller.ChannelKey, Caller.GridWorker, Caller.Dispatcher, Caller.DepartmentOfficer, Caller.DepartmentLeader],
                (c, _) => UploadAsync(c), Always(HttpStatusCode.Created), Always(HttpStatusCode.Created)),
            ["GET /api/v1/media/{id:guid}"] = new(People, async (c, _) => await Send(c, HttpMethod.Get, (await UploadedAsync()).Url), ok, ok),
            ["GET /api/v1/media/{id:guid}/thumbnail"] = new(People, async (c, _) => await Send(c, HttpMethod.Get, (await UploadedAsync()).ThumbnailUrl!), ok, ok),
            ["GET /media/public/{id:guid}"] = Public(async _ => await Get((await UploadedAsync()).PublicUrl), HttpStatusCode.OK),

            // Triage: the classifier is the city's, not scoped. Whoever reports clues, and the dispatchers who
            // triage them, ask it; only the admin retrains it.
            ["POST /api/v1/triage/classify"] = new([Caller.ChannelKey, Caller.GridWorker, Caller.Dispatcher],
                (c, _) => Post(c, TriageApi.Classify, new { text = "矩阵测试：路口有人占道卖水果" }), ok, ok),
            ["POST /api/v1/triage/retrain"] = new([Caller.Admin], (c, _) => Post(c, TriageApi.Retrain, new { }), ok, ok),

            // Incidents: readers see their jurisdiction; a list leaves out what they may not see.
            ["GET /api/v1/incidents"] = new(Readers, ListedAsync, ok, notFound),
            ["GET /api/v1/incidents/{id:guid}"] = new(Readers, async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/incidents/{(await ReadableAsync(inScope)).Id}"),
                ok, notFound),
        };

        // Open311 GeoReport v2: public, whoever calls, as the spec and its clients expect. POST authenticates
        // by the api_key in its form, not by the caller: with the open311 channel's key every caller reports.
        foreach (var (path, url) in new[]
        {
            ("discovery.{format}", "discovery.json"), ("services.{format}", "services.xml"), ("services/{service_code}.{format}", "services/SY01.json"),
            ("requests.{format}", "requests.xml?status=open"),
        })
            rules[$"GET /open311/v2/{path}"] = Public(c => Send(c, HttpMethod.Get, "/open311/v2/" + url), HttpStatusCode.OK);
        rules["GET /open311/v2/requests/{service_request_id}.{format}"] = Public(async c =>
            await Send(c, HttpMethod.Get, $"/open311/v2/requests/{(await ReadableAsync(true)).Number}.json"), HttpStatusCode.OK);
        rules["GET /open311/v2/tokens/{token}.{format}"] = Public(async c =>
            await Send(c, HttpMethod.Get, $"/open311/v2/tokens/{(await ReadableAsync(true)).Clues[0].Id}.xml"), HttpStatusCode.OK);
        rules["POST /open311/v2/requests.{format}"] = Public(async c =>
        {
            var at = await _scenario.NextPointAsync(Scenario.Hefu);
            return await PostForm(c, "/open311/v2/requests.json", ("api_key", await app.Cast.KeyAsync(Channels.Open311)), ("service_code", "SY01"),
                ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)), ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", "矩阵测试"));
        }, HttpStatusCode.OK);
        rules["ANY /open311/{**path}"] = Public(c => Send(c, HttpMethod.Get, "/open311/v2/nothing.json"), HttpStatusCode.NotFound);

        // Reference data: anyone signed in, people and channel systems alike; it is not scoped.
        foreach (var path in new[] { "regions", "regions/{code}", "grids", "grids/{code}", "departments", "departments/{code}", "matters", "matters/{code}", "command-centers", "command-centers/{code}" })
        {
            var url = "/api/v1/" + path.Replace("{code}", path.Split('/')[0] switch
            {
                "regions" => Scenario.Hefu,
                "grids" => DemoUsers.HefuCentreGrids[0],
                "departments" => "330503-NYNC",
                "matters" => "SY01",
                _ => "330503-ZHZX",
            });
            rules[$"GET /api/v1/{path}"] = new(Signed, (c, _) => Send(c, HttpMethod.Get, url), ok, ok);
        }

        // The actions: who the table names, each on an incident in the state the action needs.
        AddAction(rules, "dispatch", [Caller.Dispatcher], IncidentStatus.Reported, _ => new { departmentCode = "330503-NYNC" });
        AddAction(rules, "reject", [Caller.Dispatcher], IncidentStatus.Reported, _ => new { reason = "非执法事项" });
        AddAction(rules, "escalate", [Caller.Dispatcher], IncidentStatus.Reported, _ => new { reason = "跨区事项" });
        AddAction(rules, "merge", [Caller.Dispatcher], IncidentStatus.Reported, t => new { intoIncidentId = t });
        AddAction(rules, "dispute", [Caller.Dispatcher], IncidentStatus.Reported, _ => new { reason = "职责不清" }, returnedFirst: true);
        AddAction(rules, "rule", [Caller.DutyCommander], IncidentStatus.Disputed, _ => new { departmentCode = "330503-NYNC", reason = "职责裁定" });
        AddAction(rules, "accept", [Caller.DepartmentOfficer, Caller.DepartmentLeader], IncidentStatus.Dispatched, _ => new { });
        AddAction(rules, "return", [Caller.DepartmentOfficer, Caller.DepartmentLeader], IncidentStatus.Dispatched, _ => new { reason = "不属于本部门职责" });
        AddAction(rules, "resolve", [Caller.DepartmentOfficer, Caller.DepartmentLeader], IncidentStatus.InProgress, _ => new { result = "已处置" });
        AddAction(rules, "suspend", [Caller.Dispatcher], IncidentStatus.InProgress, _ => new { reason = "等待检测报告" });
        AddAction(rules, "resume", [Caller.Dispatcher], IncidentStatus.Suspended, _ => new { });
        AddAction(rules, "verify", [Caller.Dispatcher, Caller.GridWorker], IncidentStatus.Resolved, _ => new { passed = true });
        AddAction(rules, "reopen", [Caller.Dispatcher, Caller.Supervisor], IncidentStatus.Closed, _ => new { reason = "群众再次反映" });

        // The triage queue: a dispatcher's own centre (another's is a bad centerCode), and one-call dispatch.
        rules["GET /api/v1/triage/queue"] = new([Caller.Dispatcher], (c, inScope) => Send(c, HttpMethod.Get,
            $"/api/v1/triage/queue?pageSize=1{(inScope ? "" : "&centerCode=330522-ZHZX")}"), ok, Always(HttpStatusCode.BadRequest));
        var waiting = new Dictionary<bool, Task<IncidentDetail>>();
        rules["POST /api/v1/triage/queue/{id:guid}/accept"] = new([Caller.Dispatcher], async (caller, inScope) =>
        {
            var township = inScope ? Scenario.Hefu : Elsewhere;
            var incident = inScope && caller == Caller.Dispatcher ? await _scenario.ReportAsync(matterCode: null, township)
                : await (waiting.TryGetValue(inScope, out var known) ? known : waiting[inScope] = _scenario.ReportAsync(matterCode: null, township));
            return await Post(caller, $"/api/v1/triage/queue/{incident.Id}/accept", new { matterCode = "SY01" });
        }, ok, Always(HttpStatusCode.NotFound));

        // Splitting a joined report out again: the dispatchers, as merging is theirs.
        var joined = new Dictionary<bool, Task<IncidentDetail>>();
        rules["POST /api/v1/incidents/{id:guid}/split"] = new([Caller.Dispatcher], async (caller, inScope) =>
        {
            var township = inScope ? Scenario.Hefu : Elsewhere;
            var incident = inScope && caller == Caller.Dispatcher ? await _scenario.WithJoinedReportAsync(township)
                : await (joined.TryGetValue(inScope, out var known) ? known : joined[inScope] = _scenario.WithJoinedReportAsync(township));
            return await Post(caller, $"/api/v1/incidents/{incident.Id}/split", new { clueId = incident.Clues[1].Id });
        }, Always(HttpStatusCode.Created), Always(HttpStatusCode.NotFound));
        AddSupervisionRules(rules);
        AddDashboardRules(rules);
        AddInboxRules(rules);
        AddAdminRules(rules);
        AddUsersRules(rules);
        AddCoordinationRules(rules);
        AddConsultationsRules(rules);
        AddOfficersRules(rules);
        AddDutyRules(rules);
        AddHotspotRules(rules);
        AddIndicatorRules(rules);
        AddAssessmentRules(rules);
        AddPackRules(rules);
        return rules;
    }

    private void AddAction(Dictionary<string, Rule> rules, string action, Caller[] allowed, IncidentStatus from, Func<Guid, object> body, bool returnedFirst = false)
    {
        // Refusals change nothing, so one incident serves them all; each success needs its own.
        var shared = new Dictionary<bool, Task<IncidentDetail>>();
        async Task<IncidentDetail> Prepare(bool inScope)
        {
            var incident = returnedFirst
                ? await _scenario.HeldByADepartmentAsync(from, inScope ? Scenario.Hefu : Elsewhere)
                : await _scenario.InStatusAsync(from, inScope ? Scenario.Hefu : Elsewhere);
            // The lead resolves once the co-departments have done their parts.
            if (action == "resolve")
                await _scenario.FinishCoWorkAsync(incident.Id);
            return incident;
        }
        rules[$"POST /api/v1/incidents/{{id:guid}}/{action}"] = new(allowed, async (caller, inScope) =>
        {
            var succeeds = inScope && allowed.Contains(caller);
            var incident = succeeds ? await Prepare(inScope) : await (shared.TryGetValue(inScope, out var known) ? known : shared[inScope] = Prepare(inScope));
            var target = action == "merge" ? (await _scenario.ReportAsync(matterCode: null, township: inScope ? Scenario.Hefu : Elsewhere)).Id : Guid.Empty;
            return await Post(caller, $"/api/v1/incidents/{incident.Id}/{action}", body(target));
        }, Always(HttpStatusCode.OK), Always(HttpStatusCode.NotFound));
    }

    private static Func<Caller, HttpStatusCode> Always(HttpStatusCode status) => _ => status;

    private static Rule Public(Func<Caller, Task<HttpStatusCode>> send, HttpStatusCode status) =>
        new([], (c, _) => send(c), Always(status), Always(status), Public: true);

    private Task<HttpStatusCode> Get(string url) => Send(Caller.Anonymous, HttpMethod.Get, url);

    private async Task<HttpStatusCode> Send(Caller caller, HttpMethod method, string url)
    {
        using var response = await _clients[caller].SendAsync(new HttpRequestMessage(method, url));
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> SendJson(Caller caller, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body, options: Json.Options) };
        using var response = await _clients[caller].SendAsync(request);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> Post(Caller caller, string url, object body)
    {
        using var response = await _clients[caller].PostJsonAsync(url, body);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> PostForm(Caller caller, string url, params (string Name, string Value)[] fields)
    {
        using var response = await _clients[caller].PostAsync(url, Open311.Open311Api.Form(fields));
        return response.StatusCode;
    }

    /// <summary>The list, searched for one incident's number: 404 stands for "not listed".</summary>
    private async Task<HttpStatusCode> ListedAsync(Caller caller, bool inScope)
    {
        var incident = await ReadableAsync(inScope);
        using var response = await _clients[caller].GetAsync($"/api/v1/incidents?q={incident.Number}");
        if (response.StatusCode != HttpStatusCode.OK)
            return response.StatusCode;
        var list = await response.ReadAsync<PagedList<IncidentSummary>>();
        return list.Items.Any(i => i.Id == incident.Id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
    }

    private readonly Dictionary<bool, IncidentDetail> _readable = [];

    /// <summary>
    /// In scope: SY01 at 和孚镇's centre, reported by the matrix's grid worker there, dispatched to
    /// 南浔区农业农村局 and handled by the 南浔区 centre. Out of scope: the same in 长兴县.
    /// </summary>
    private async Task<IncidentDetail> ReadableAsync(bool inScope)
    {
        if (_readable.TryGetValue(inScope, out var known))
            return known;
        if (!inScope)
            return _readable[false] = await _scenario.ReportAsync(township: Elsewhere);
        var at = await _scenario.NextPointAsync(Scenario.Hefu);
        var accepted = await (await _clients[Caller.GridWorker].PostJsonAsync("/api/v1/clues", new
        {
            channel = Channels.Grid, text = "河道内发现地笼", matterCode = "SY01", lat = at.Lat, lon = at.Lon,
        })).ReadAsync<Zhifa.Server.Features.Intake.ClueAccepted>();
        return _readable[true] = await _scenario.GetAsync(accepted.IncidentId);
    }

    private async Task<HttpStatusCode> UploadAsync(Caller caller)
    {
        using var response = await _clients[caller].PostAsync(Media.MediaApi.Upload, Media.MediaApi.Form(Media.TestImages.Halves(24, 16)));
        return response.StatusCode;
    }

    private Features.Media.MediaUploaded? _uploaded;

    /// <summary>One photo, uploaded by the matrix's grid worker, that every read rule fetches.</summary>
    private async Task<Features.Media.MediaUploaded> UploadedAsync() =>
        _uploaded ??= await Media.MediaApi.UploadedAsync(_clients[Caller.GridWorker], Media.TestImages.Halves(24, 18));

    private async Task<Guid> IssuedKeyAsync()
    {
        using var response = await _clients[Caller.Admin].PostJsonAsync("/api/v1/api-keys", new { channel = "app", name = "matrix, to revoke" });
        return (await response.ReadAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>One caller per kind, each homed in 南浔区 (the grid worker in every grid of 和孚镇, where the scenario reports).</summary>
    private async Task<Dictionary<Caller, HttpClient>> CallersAsync()
    {
        const string county = "330503-ZHZX";
        async Task<HttpClient> Make(Role role, string? center = null, string? department = null, string[]? grids = null, string? totp = null) =>
            app.Cast.As(await app.Cast.MakeAsync(role, center, department, grids, totp), AuthApi.TestPassword, totp);
        return new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.CreateClient(),
            [Caller.ChannelKey] = await app.Cast.ChannelAsync(Channels.Grid),
            [Caller.GridWorker] = await Make(Role.GridWorker, "330503106-ZHZX", grids: await _scenario.GridCodesAsync(Scenario.Hefu)),
            [Caller.Dispatcher] = await Make(Role.Dispatcher, county),
            [Caller.Analyst] = await Make(Role.Analyst, county),
            [Caller.Supervisor] = await Make(Role.Supervisor, county),
            [Caller.DutyCommander] = await Make(Role.DutyCommander, county, totp: AuthApi.DemoTotpKey),
            [Caller.DepartmentOfficer] = await Make(Role.DepartmentOfficer, department: "330503-NYNC"),
            [Caller.DepartmentLeader] = await Make(Role.DepartmentLeader, department: "330503-NYNC"),
            [Caller.Admin] = await Make(Role.Admin, "330500-ZHZX", totp: AuthApi.DemoTotpKey),
        };
    }
}
