using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Features.Reference;
using ActionResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Zhifa.Server.Features.Incidents.IncidentDetail>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace Zhifa.Server.Features.Incidents;

/// <summary>One POST per action of the life-cycle table: validate the body, then let the workflow act.</summary>
internal static class IncidentActionEndpoints
{
    private const int MaxCoDepartments = 20;

    public static void MapIncidentActions(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/dispatch", Dispatch).RequireAuthorization(AccessPolicies.For(IncidentAction.Dispatch));
        group.MapPost("/{id:guid}/reject", (Guid id, ReasonRequest body, [AsParameters] Context c, CancellationToken ct) =>
            WithReason(body.Reason, c, id, IncidentAction.Reject, (i, now) => i.Reject(body.Reason!, c.Actor, now), ct))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Reject));
        group.MapPost("/{id:guid}/merge", Merge).RequireAuthorization(AccessPolicies.For(IncidentAction.Merge));
        group.MapPost("/{id:guid}/escalate", (Guid id, ReasonRequest body, [AsParameters] Context c, CancellationToken ct) =>
            WithReason(body.Reason, c, id, IncidentAction.Escalate, (i, now) => i.Escalate(c.Reference.CommandCenters.GetValueOrDefault(i.HandlingCenterCode)?.ParentCode, body.Reason!, c.Actor, now), ct))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Escalate));
        group.MapPost("/{id:guid}/dispute", (Guid id, ReasonRequest body, [AsParameters] Context c, CancellationToken ct) =>
            WithReason(body.Reason, c, id, IncidentAction.Dispute, (i, now) => i.Dispute(body.Reason!, c.Actor, now), ct))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Dispute));
        group.MapPost("/{id:guid}/rule", Rule).RequireAuthorization(AccessPolicies.For(IncidentAction.Rule));
        group.MapPost("/{id:guid}/accept", (Guid id, NoteRequest? body, [AsParameters] Context c, CancellationToken ct) =>
            Act(c, id, IncidentAction.Accept, (i, now) => i.Accept(c.Actor, now, body?.Note), ct, Note(body?.Note)))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Accept));
        group.MapPost("/{id:guid}/return", (Guid id, ReturnRequest body, [AsParameters] Context c, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Required("reason", body.Reason);
            errors.Known("suggestedDepartmentCode", body.SuggestedDepartmentCode, c.Reference.Departments, "department");
            return Act(c, id, IncidentAction.Return, (i, now) => i.Return(body.Reason!, body.SuggestedDepartmentCode, c.Actor, now), ct, errors);
        }).RequireAuthorization(AccessPolicies.For(IncidentAction.Return));
        group.MapPost("/{id:guid}/resolve", async (Guid id, ResolveRequest body, [AsParameters] Context c, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Required("result", body.Result);
            await c.Media.CheckAsync(body.MediaIds, c.Http.User, errors, ct);
            return await Act(c, id, IncidentAction.Resolve, (i, now) => i.Resolve(body.Result!, c.Actor, now), ct, errors, body.MediaIds);
        }).RequireAuthorization(AccessPolicies.For(IncidentAction.Resolve));
        group.MapPost("/{id:guid}/suspend", (Guid id, ReasonRequest body, [AsParameters] Context c, CancellationToken ct) =>
            WithReason(body.Reason, c, id, IncidentAction.Suspend, (i, now) => i.Suspend(body.Reason!, c.Actor, now), ct))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Suspend));
        group.MapPost("/{id:guid}/resume", (Guid id, NoteRequest? body, [AsParameters] Context c, CancellationToken ct) =>
            Act(c, id, IncidentAction.Resume, (i, now) => i.Resume(c.Actor, now, body?.Note), ct, Note(body?.Note)))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Resume));
        group.MapPost("/{id:guid}/verify", async (Guid id, VerifyRequest body, [AsParameters] Context c, CancellationToken ct) =>
        {
            var errors = Note(body.Note);
            if (body.Passed is null)
                errors.Add("passed", "The passed field is required (true or false).");
            await c.Media.CheckAsync(body.MediaIds, c.Http.User, errors, ct);
            var action = body.Passed == false ? IncidentAction.VerifyFailed : IncidentAction.VerifyPassed;
            return await Act(c, id, action, (i, now) => i.Verify(body.Passed!.Value, c.Actor, now, body.Note), ct, errors, body.MediaIds);
        }).RequireAuthorization(AccessPolicies.For(IncidentAction.VerifyPassed));
        group.MapPost("/{id:guid}/reopen", (Guid id, ReasonRequest body, [AsParameters] Context c, CancellationToken ct) =>
            WithReason(body.Reason, c, id, IncidentAction.Reopen, (i, now) => i.Reopen(body.Reason!, c.Actor, now), ct))
            .RequireAuthorization(AccessPolicies.For(IncidentAction.Reopen));
    }

    /// <summary>What every action handler needs, bound in one parameter.</summary>
    internal sealed record Context(IncidentWorkflow Workflow, ReferenceData Reference, ClueMediaLinks Media, HttpContext Http)
    {
        public string Actor => Http.ActorName();
        public Jurisdiction Caller => Http.Jurisdiction();
    }

    private static Task<ActionResult> Dispatch(Guid id, DispatchRequest body, [AsParameters] Context c, CancellationToken ct)
    {
        var errors = Departments(body.DepartmentCode, body.CoDepartmentCodes, c.Reference);
        errors.Known("matterCode", body.MatterCode, c.Reference.Matters, "matter");
        errors.MaxLength("note", body.Note, 1000);
        var matter = body.MatterCode is null ? null : c.Reference.Matters.GetValueOrDefault(body.MatterCode);
        return Act(c, id, IncidentAction.Dispatch, (i, now) => i.Dispatch(body.DepartmentCode!, body.CoDepartmentCodes ?? [], matter, c.Actor, now, body.Note), ct, errors);
    }

    private static Task<ActionResult> Rule(Guid id, RuleRequest body, [AsParameters] Context c, CancellationToken ct)
    {
        var errors = Departments(body.DepartmentCode, body.CoDepartmentCodes, c.Reference);
        errors.Required("reason", body.Reason);
        errors.MaxLength("legalBasis", body.LegalBasis, 200);
        return Act(c, id, IncidentAction.Rule, (i, now) => i.Rule(body.DepartmentCode!, body.CoDepartmentCodes ?? [], body.Reason!, body.LegalBasis, c.Actor, now), ct, errors);
    }

    private static async Task<ActionResult> Merge(Guid id, MergeRequest body, [AsParameters] Context c, CancellationToken ct)
    {
        if (body.IntoIncidentId is not { } intoId)
            return Problems.Field("intoIncidentId", "The intoIncidentId field is required.");
        // An incident the caller cannot see does not exist for them, whatever the body says.
        if (await c.Workflow.LoadAsync(id, ct) is not { } source || !IncidentAccess.IsVisible(source, c.Caller))
            return IncidentEndpoints.NotFound(id);
        c.Workflow.Forget();
        var target = await c.Workflow.LoadAsync(intoId, ct);
        // Merging changes the target too: it must be the caller's to act on, not only to see.
        if (target is null || !IncidentAccess.IsVisible(target, c.Caller) || !IncidentAccess.HandledWithin(target, c.Caller))
            return Problems.Field("intoIncidentId", $"No incident has id {intoId}.");
        return await Act(c, id, IncidentAction.Merge, (i, now) => i.MergeInto(target, c.Actor, now), ct);
    }

    private static FieldErrors Departments(string? lead, string[]? co, ReferenceData reference)
    {
        var errors = new FieldErrors();
        if (errors.Required("departmentCode", lead, Department.MaxCodeLength))
            errors.Known("departmentCode", lead, reference.Departments, "department");
        if (co?.Length > MaxCoDepartments)
            errors.Add("coDepartmentCodes", $"At most {MaxCoDepartments} co-departments.");
        for (var n = 0; n < Math.Min(co?.Length ?? 0, MaxCoDepartments); n++)
            errors.Known($"coDepartmentCodes[{n}]", co![n] ?? "", reference.Departments, "department");
        return errors;
    }

    private static FieldErrors Note(string? note)
    {
        var errors = new FieldErrors();
        errors.MaxLength("note", note, 1000);
        return errors;
    }

    private static Task<ActionResult> WithReason(string? text, Context c, Guid id, IncidentAction action,
        Action<Core.Incidents.Incident, DateTimeOffset> act, CancellationToken ct, string field = "reason")
    {
        var errors = new FieldErrors();
        errors.Required(field, text);
        return Act(c, id, action, act, ct, errors);
    }

    private static async Task<ActionResult> Act(Context c, Guid id, IncidentAction action,
        Action<Core.Incidents.Incident, DateTimeOffset> act, CancellationToken ct, FieldErrors? errors = null, Guid[]? media = null)
    {
        if (errors?.Any == true)
            return errors.ToProblem();
        var outcome = await c.Workflow.ActAsync(id, c.Http.IfMatch(), c.Caller, action, act, ct, media);
        return await outcome.ToResultAsync(c.Http, id, ct);
    }
}
