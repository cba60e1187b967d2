using System.Net;
using System.Text.Json;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Incidents;

/// <summary>
/// Every (status, action) pair that the life-cycle table does not list answers 409
/// incident.invalid_transition and leaves the incident as it was. The pairs come from the table
/// itself, so a row added there is covered here without editing this file.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ForbiddenTransitionTests(ZhifaApp app)
{
    /// <summary>The actions of DESIGN.md §4, one POST each; report is the clue intake, not an action endpoint.</summary>
    private static readonly string[] ApiActions =
        ["dispatch", "reject", "merge", "escalate", "dispute", "rule", "accept", "return", "resolve", "suspend", "resume", "verify", "reopen"];

    private readonly Scenario _scenario = new(app);

    private static List<(IncidentStatus Status, string Action)> ForbiddenPairs()
    {
        var allowed = IncidentLifecycle.Table
            .Where(t => t.From is not null)
            .Select(t => (t.From!.Value, t.Action.ApiName()))
            .ToHashSet();
        return [.. from status in Enum.GetValues<IncidentStatus>()
                   from action in ApiActions
                   where !allowed.Contains((status, action))
                   select (status, action)];
    }

    public static TheoryData<IncidentStatus, string> Forbidden()
    {
        var data = new TheoryData<IncidentStatus, string>();
        foreach (var (status, action) in ForbiddenPairs())
            data.Add(status, action);
        return data;
    }

    [Fact]
    public void ForbiddenPairs_WhenGeneratedFromTheTable_AreEveryStatusTimesEveryActionMinusTheTableRows()
    {
        var pairs = ForbiddenPairs();

        Assert.NotEmpty(pairs);
        // The API names are exactly the table's actions (verify's two rows share one name), report aside.
        Assert.Equal(ApiActions.Order(), IncidentLifecycle.Table.Where(t => t.From is not null).Select(t => t.Action.ApiName()).Distinct().Order());
        // 9 statuses × 13 actions, minus the table's 13 distinct (from, action) pairs.
        Assert.Equal(9, Enum.GetValues<IncidentStatus>().Length);
        Assert.Equal(9 * 13 - 13, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        // Final states refuse every action.
        Assert.Equal(ApiActions.Length, pairs.Count(p => p.Status == IncidentStatus.Rejected));
        Assert.Equal(ApiActions.Length, pairs.Count(p => p.Status == IncidentStatus.Merged));
        Assert.DoesNotContain((IncidentStatus.Resolved, "verify"), pairs);
        Assert.Contains((IncidentStatus.Closed, "verify"), pairs);
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Action_WhenTheTableHasNoRowFromTheStatus_Answers409InvalidTransitionAndChangesNothing(IncidentStatus status, string action)
    {
        // Department staff see only what their department has held: give them one, so the state refuses.
        var departmentWork = IncidentLifecycle.Table.Where(t => t.Action.ApiName() == action).All(t => t.Who.All(Jurisdiction.DepartmentStaff.Contains));
        var incident = departmentWork ? await _scenario.HeldByADepartmentAsync(status) : await _scenario.InStatusAsync(status);
        Assert.Equal(status, incident.Status);
        var mergeTarget = action == "merge" ? await _scenario.InStatusAsync(IncidentStatus.Reported) : null;
        var before = await _scenario.GetAsync(incident.Id);

        var response = await _scenario.ActAsync(incident.Id, action, ValidBody(action, mergeTarget?.Id));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, InvalidTransitionException.ErrorCode);
        Assert.Equal(action, problem.GetProperty("action").GetString());
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(status.ToString()), problem.GetProperty("currentStatus").GetString());
        // The problem offers exactly what the incident itself offers: its status's rows whose guards pass.
        Assert.Equal(before.AllowedActions, problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!));
        Assert.All(before.AllowedActions, a => Assert.Contains(a, IncidentLifecycle.AllowedFrom(status)));
        await AssertUnchangedAsync(before);
        if (mergeTarget is not null)
            await AssertUnchangedAsync(mergeTarget);
    }

    [Fact]
    public async Task Dispute_WhenReportedWithoutAPriorReturn_Answers409InvalidTransitionAndChangesNothing()
    {
        var reported = await _scenario.InStatusAsync(IncidentStatus.Reported);
        Assert.Equal(0, reported.ReturnCount);

        var response = await _scenario.ActAsync(reported.Id, "dispute", new { reason = "职责不清" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, InvalidTransitionException.ErrorCode);
        Assert.Equal("dispute", problem.GetProperty("action").GetString());
        Assert.Contains("returned", problem.GetProperty("detail").GetString());
        await AssertUnchangedAsync(reported);
    }

    [Fact]
    public async Task Dispute_WhenReportedAfterAnEscalationButNoReturn_Answers409InvalidTransition()
    {
        // An escalation leaves the incident Reported, but it was never returned, so the guard still holds.
        var fresh = await _scenario.InStatusAsync(IncidentStatus.Reported);
        var escalated = await _scenario.DoAsync(fresh.Id, "escalate", new { reason = "跨区事项" });
        var response = await _scenario.ActAsync(escalated.Id, "dispute", new { reason = "职责不清" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, InvalidTransitionException.ErrorCode);
        await AssertUnchangedAsync(escalated);
    }

    /// <summary>A body that passes validation, so that only the state can refuse the action.</summary>
    private static object ValidBody(string action, Guid? mergeTarget) => action switch
    {
        "dispatch" => new { departmentCode = "330503-NYNC", coDepartmentCodes = new[] { "330503-SL" } },
        "rule" => new { departmentCode = "330503-NYNC", reason = "职责裁定" },
        "merge" => new { intoIncidentId = mergeTarget ?? throw new ArgumentNullException(nameof(mergeTarget)) },
        "resolve" => new { result = "已处置" },
        "verify" => new { passed = true },
        "accept" or "resume" => new { note = "测试" },
        "return" => new { reason = "不属于本部门职责", suggestedDepartmentCode = "330503-SL" },
        "reject" or "escalate" or "dispute" or "suspend" or "reopen" => new { reason = "测试理由" },
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private async Task AssertUnchangedAsync(IncidentDetail before)
    {
        var after = await _scenario.GetAsync(before.Id);
        Assert.Equal((before.Status, before.Version, before.Timeline.Count, before.UpdatedAt, before.HandlingCenterCode, before.ReportCount),
            (after.Status, after.Version, after.Timeline.Count, after.UpdatedAt, after.HandlingCenterCode, after.ReportCount));
        Assert.Equal(before.Timeline, after.Timeline);
    }
}
