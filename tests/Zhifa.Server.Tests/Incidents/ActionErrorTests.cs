using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Incidents;

/// <summary>
/// What every action answers to bad requests: unknown ids, missing or mistyped fields, unknown
/// codes, bad merges and stale If-Match. None of them changes the incident, none answers 500.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ActionErrorTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private static readonly string[] ActionNames =
        ["dispatch", "reject", "merge", "escalate", "dispute", "rule", "accept", "return", "resolve", "suspend", "resume", "verify", "reopen"];

    public static TheoryData<string> Actions() => new(ActionNames);

    /// <summary>The actions whose body is required (accept and resume take an optional note).</summary>
    public static TheoryData<string> ActionsWithBody() => new(ActionNames.Except(["accept", "resume"]));

    public static TheoryData<string, string> RequiredFields() => new()
    {
        { "reject", "reason" }, { "escalate", "reason" }, { "dispute", "reason" }, { "suspend", "reason" },
        { "reopen", "reason" }, { "return", "reason" }, { "resolve", "result" }, { "verify", "passed" },
        { "dispatch", "departmentCode" }, { "rule", "departmentCode" }, { "rule", "reason" }, { "merge", "intoIncidentId" },
    };

    public static TheoryData<string, string, string> UnknownCodes() => new()
    {
        { "dispatch", """{"departmentCode":"330503-NOPE"}""", "departmentCode" },
        { "dispatch", """{"departmentCode":"330503-NYNC","coDepartmentCodes":["330503-SL","330503-NOPE"]}""", "coDepartmentCodes[1]" },
        { "dispatch", """{"departmentCode":"330503-NYNC","matterCode":"ZZ99"}""", "matterCode" },
        { "rule", """{"departmentCode":"330503-NOPE","reason":"裁定"}""", "departmentCode" },
        { "rule", """{"departmentCode":"330503-NYNC","coDepartmentCodes":["330503-SL","330503-NOPE"],"reason":"裁定"}""", "coDepartmentCodes[1]" },
        { "return", """{"reason":"不属于本部门","suggestedDepartmentCode":"330503-NOPE"}""", "suggestedDepartmentCode" },
        { "reject", $$"""{"reason":"{{new string('长', 1001)}}"}""", "reason" },
    };

    public static TheoryData<string, string, string> WrongTypes() => new()
    {
        { "verify", """{"passed":"yes"}""", "passed" }, { "verify", """{"passed":1}""", "passed" },
        { "reject", """{"reason":5}""", "reason" }, { "escalate", """{"reason":false}""", "reason" },
        { "dispute", """{"reason":{}}""", "reason" }, { "suspend", """{"reason":[]}""", "reason" },
        { "reopen", """{"reason":1.5}""", "reason" },
        { "return", """{"reason":"x","suggestedDepartmentCode":7}""", "suggestedDepartmentCode" },
        { "resolve", """{"result":["已处置"]}""", "result" },
        { "dispatch", """{"departmentCode":"330503-NYNC","coDepartmentCodes":"330503-SL"}""", "coDepartmentCodes" },
        { "rule", """{"departmentCode":1,"reason":"裁定"}""", "departmentCode" },
        { "merge", """{"intoIncidentId":"not-a-guid"}""", "intoIncidentId" },
        { "accept", """{"note":true}""", "note" }, { "resume", """{"note":{}}""", "note" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_WhenIdIsUnknown_Answers404NotFound(string action)
    {
        var target = await _scenario.InStatusAsync(IncidentStatus.Reported);

        var response = await _scenario.ActAsync(Guid.CreateVersion7(), action, ValidBody(action, target.Id));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "incident.not_found");
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_WhenIdIsNotAGuid_Answers404(string action)
    {
        var response = await _scenario.Client.PostJsonAsync($"/api/v1/incidents/not-a-guid/{action}", ValidBody(action, Guid.CreateVersion7()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Action_WhenARequiredFieldIsMissing_Answers400NamingItAndChangesNothing(string action, string field)
    {
        var incident = await InAllowedStatusAsync(action);
        var body = Without(ValidBody(action, incident.Id), field);

        await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostRawJsonAsync(Url(incident, action), body), field);
        await AssertUnchangedAsync(incident);
    }

    [Theory]
    [MemberData(nameof(UnknownCodes))]
    public async Task Action_WhenACodeIsUnknownOrTooLong_Answers400NamingTheFieldAndChangesNothing(string action, string json, string field)
    {
        var incident = await InAllowedStatusAsync(action);

        await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostRawJsonAsync(Url(incident, action), json), field);
        await AssertUnchangedAsync(incident);
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task Action_WhenAFieldHasTheWrongType_Answers400NamingItAndChangesNothing(string action, string json, string field)
    {
        var incident = await InAllowedStatusAsync(action);

        await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostRawJsonAsync(Url(incident, action), json), field);
        await AssertUnchangedAsync(incident);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_WhenBodyIsMalformedJson_Answers400NamingTheBodyAndChangesNothing(string action)
    {
        var incident = await InAllowedStatusAsync(action);

        foreach (var json in new[] { "{not json", "[1,2]", "\"text\"" })
            await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostRawJsonAsync(Url(incident, action), json), "body");
        await AssertUnchangedAsync(incident);
    }

    [Theory]
    [MemberData(nameof(ActionsWithBody))]
    public async Task Action_WhenBodyIsAbsent_Answers400NamingTheBodyAndChangesNothing(string action)
    {
        var incident = await InAllowedStatusAsync(action);

        await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostAsync(Url(incident, action), null), "body");
        await ProblemAssert.NamesFieldAsync(await (await _scenario.ActorAsync(incident.Id, action)).PostRawJsonAsync(Url(incident, action), "null"), "body");
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task Merge_WhenTargetIsUnknown_Answers400NamingIntoIncidentIdAndChangesNothing()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Reported);

        var response = await _scenario.ActAsync(incident.Id, "merge", new { intoIncidentId = Guid.CreateVersion7() });

        await ProblemAssert.NamesFieldAsync(response, "intoIncidentId");
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task Merge_WhenTargetIsItself_Answers409MergeIntoSelfAndChangesNothing()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Reported);

        var response = await _scenario.ActAsync(incident.Id, "merge", new { intoIncidentId = incident.Id });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "incident.merge_into_self");
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task Merge_WhenTargetIsClosed_Answers409MergeTargetClosedAndChangesNeither()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Reported);
        var closed = await _scenario.GetAsync((await _scenario.InStatusAsync(IncidentStatus.Closed)).Id);

        var response = await _scenario.ActAsync(incident.Id, "merge", new { intoIncidentId = closed.Id });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "incident.merge_target_closed");
        await AssertUnchangedAsync(incident);
        await AssertUnchangedAsync(closed);
    }

    [Fact]
    public async Task Action_WhenIfMatchIsStale_Answers412StaleAndChangesNothing()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        Assert.True(incident.Version > 1);

        var response = await ActWithIfMatchAsync(incident, "accept", new { note = "已签收" }, "\"1\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "incident.stale");
        await AssertUnchangedAsync(incident);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Action_WhenIfMatchIsTheCurrentETagOrAWildcard_Succeeds(bool wildcard)
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var get = await _scenario.Client.GetAsync($"/api/v1/incidents/{incident.Id}");
        var etag = get.Headers.ETag!.Tag;
        Assert.Equal(($"\"{incident.Version}\"", false), (etag, get.Headers.ETag.IsWeak));

        var response = await ActWithIfMatchAsync(incident, "accept", new { note = "已签收" }, wildcard ? "*" : etag);

        var accepted = await response.ReadAsync<IncidentDetail>();
        Assert.Equal((IncidentStatus.InProgress, incident.Version + 1), (accepted.Status, accepted.Version));
        Assert.Equal($"\"{accepted.Version}\"", response.Headers.ETag?.Tag);
        var again = await ActWithIfMatchAsync(accepted, "resolve", new { result = "已处置" }, etag);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.PreconditionFailed, "incident.stale");
        await AssertUnchangedAsync(accepted);
    }

    /// <summary>Shows a server bug on PostgreSQL: the losers hit the unique (incidentId, seq) timeline index and answer 500.</summary>
    [Fact]
    public async Task Action_WhenSentConcurrently_OneSucceedsAndTheOthersAnswer409Or412()
    {
        // A race: a few rounds make the outcome of a bad ordering all but certain to show.
        for (var round = 0; round < 3; round++)
        {
            var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);

            var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _scenario.ActAsync(incident.Id, "accept", new { note = "已签收" })));

            var codes = responses.Select(r => (int)r.StatusCode).ToList();
            Assert.True(codes.All(c => c is 200 or 409 or 412), string.Join(", ", codes));
            Assert.Equal(1, codes.Count(c => c == 200));
            Assert.Equal(incident.Version + 1, (await _scenario.GetAsync(incident.Id)).Version);
        }
    }

    /// <summary>Shows a server bug on PostgreSQL: the default dispatch note lists every co code and outgrows its 2000-character column.</summary>
    [Fact]
    public async Task Dispatch_WhenTheCoListIsVeryLong_AnswersWithoutAServerError()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Reported);
        var co = Enumerable.Repeat("330503-SL", 200).ToArray();

        var response = await _scenario.ActAsync(incident.Id, "dispatch", new { departmentCode = "330503-NYNC", coDepartmentCodes = co });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
    }

    private async Task<IncidentDetail> InAllowedStatusAsync(string action)
    {
        var from = IncidentLifecycle.Table.First(t => t.From is not null && t.Action.ApiName() == action).From!.Value;
        return await _scenario.InStatusAsync(from);
    }

    private static string Url(IncidentDetail incident, string action) => $"/api/v1/incidents/{incident.Id}/{action}";

    private async Task<HttpResponseMessage> ActWithIfMatchAsync(IncidentDetail incident, string action, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url(incident, action)) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await (await _scenario.ActorAsync(incident.Id, action)).SendAsync(request);
    }

    private static object ValidBody(string action, Guid mergeTarget) => action switch
    {
        "dispatch" => new { departmentCode = "330503-NYNC", coDepartmentCodes = new[] { "330503-SL" } },
        "rule" => new { departmentCode = "330503-NYNC", reason = "职责裁定" },
        "merge" => new { intoIncidentId = mergeTarget },
        "resolve" => new { result = "已处置" },
        "verify" => new { passed = true },
        "accept" or "resume" => new { note = "测试" },
        "return" => new { reason = "不属于本部门职责" },
        _ => new { reason = "测试理由" },
    };

    /// <summary>The valid body as JSON without one property, so only that field is missing.</summary>
    private static string Without(object body, string field)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(body, Json.Options)!.AsObject();
        Assert.True(node.Remove(field), $"the valid body has no '{field}'");
        return node.ToJsonString();
    }

    private async Task AssertUnchangedAsync(IncidentDetail before)
    {
        var after = await _scenario.GetAsync(before.Id);
        Assert.Equal((before.Status, before.Version, before.Timeline.Count, before.UpdatedAt),
            (after.Status, after.Version, after.Timeline.Count, after.UpdatedAt));
    }
}
