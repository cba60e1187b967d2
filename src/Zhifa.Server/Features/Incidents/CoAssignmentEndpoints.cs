using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using ActionResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Zhifa.Server.Features.Incidents.IncidentDetail>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Zhifa.Server.Features.Incidents;

/// <summary>
/// 合成作战: POST /incidents/{id}/assignments/{departmentCode}/accept|resolve|release. A co-department's
/// staff accept and resolve its own part; the handling centre's dispatchers or the lead department
/// release a part no longer needed. The lead's resolve waits for all of them.
/// </summary>
internal static class CoAssignmentEndpoints
{
    private const string Route = "/{id:guid}/assignments/{departmentCode}";

    public static void MapCoAssignments(this RouteGroupBuilder incidents)
    {
        incidents.MapPost(Route + "/accept", (Guid id, string departmentCode, NoteRequest? body, [AsParameters] IncidentActionEndpoints.Context c, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.MaxLength("note", body?.Note, 1000);
            return ActAsync(c, id, errors, OwnPart("accept", departmentCode, c.Caller), (i, now) => i.AcceptCoAssignment(departmentCode, c.Actor, now, body?.Note), ct);
        }).RequireAuthorization(AccessPolicies.CoDepartmentWork).WithSummary("A co-department accepts its part");

        incidents.MapPost(Route + "/resolve", async (Guid id, string departmentCode, ResolveRequest body, [AsParameters] IncidentActionEndpoints.Context c, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Required("result", body.Result);
            await c.Media.CheckAsync(body.MediaIds, c.Http.User, errors, ct);
            return await ActAsync(c, id, errors, OwnPart("resolve", departmentCode, c.Caller),
                (i, now) => i.ResolveCoAssignment(departmentCode, body.Result!.Trim(), c.Actor, now), ct, body.MediaIds);
        }).RequireAuthorization(AccessPolicies.CoDepartmentWork).WithSummary("A co-department reports its part done");

        incidents.MapPost(Route + "/release", (Guid id, string departmentCode, ReasonRequest body, [AsParameters] IncidentActionEndpoints.Context c, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Required("reason", body.Reason);
            return ActAsync(c, id, errors, Releaser(c.Caller), (i, now) => i.ReleaseCoAssignment(departmentCode, body.Reason!.Trim(), c.Actor, now), ct);
        }).RequireAuthorization(AccessPolicies.ReleaseCoDepartments).WithSummary("Release a co-department from its part (the centre or the lead)");
    }

    private static readonly Role[] Staff = [Role.DepartmentOfficer, Role.DepartmentLeader];

    /// <summary>Only the co-department's own staff work its part.</summary>
    private static Func<Incident, ActionOutcome.Forbidden?> OwnPart(string step, string departmentCode, Jurisdiction caller) => _ =>
        caller.DepartmentCode == departmentCode ? null : new ActionOutcome.Forbidden(step, Staff, $"of {departmentCode}");

    private static Func<Incident, ActionOutcome.Forbidden?> Releaser(Jurisdiction caller) => incident =>
        (caller.Roles.Contains(Role.Dispatcher) && IncidentAccess.HandledWithin(incident, caller)) || IncidentAccess.LedBy(incident, caller)
            ? null
            : new ActionOutcome.Forbidden("release", [Role.Dispatcher, .. Staff], "of the handling centre or the lead department");

    private static async Task<ActionResult> ActAsync(
        IncidentActionEndpoints.Context c, Guid id, FieldErrors errors, Func<Incident, ActionOutcome.Forbidden?> forbid,
        Action<Incident, DateTimeOffset> act, CancellationToken ct, Guid[]? media = null)
    {
        if (errors.Any)
            return errors.ToProblem();
        var outcome = await c.Workflow.ActBesideTableAsync(id, c.Http.IfMatch(), c.Caller, forbid, act, ct, media);
        return await outcome.ToResultAsync(c.Http, id, ct);
    }
}
