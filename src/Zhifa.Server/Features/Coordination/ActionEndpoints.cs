using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core;
using Zhifa.Core.Coordination;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Coordination;

/// <summary>
/// Tracked actions (督办事项): listed for the department that owes them and the centres whose consultations
/// decided them; completed by the owner department's staff, once.
/// </summary>
public static class ActionEndpoints
{
    public static void MapActionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actions").WithTags("Consultations");
        group.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.ReadConsultations).WithSummary("Tracked actions, soonest deadline first");
        group.MapPost("/{id:guid}/complete", CompleteAsync).RequireAuthorization(AccessPolicies.CompleteActions)
            .WithSummary("Complete an action my department owes");
    }

    private static async Task<Results<Ok<PagedList<ActionView>>, ValidationProblem>> ListAsync(
        string? status, string? centerCode, string? departmentCode, Guid? consultationId, int? page, int? pageSize,
        ZhifaDbContext db, ReferenceData reference, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var parsed = default(TrackedActionStatus);
        if (status is not null && !StrictEnum.TryParse(status, out parsed))
            errors.Add("status", "status is open, done or overdue.");
        errors.Known("centerCode", centerCode, reference.CommandCenters, "command centre");
        errors.Known("departmentCode", departmentCode, reference.Departments, "department");
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var now = time.GetUtcNow();
        var query = db.TrackedActions.AsNoTracking().Readable(http.Jurisdiction());
        if (centerCode is not null)
            query = query.Where(a => a.CenterCode == centerCode);
        if (departmentCode is not null)
            query = query.Where(a => a.OwnerDepartmentCode == departmentCode);
        if (consultationId is { } consultation)
            query = query.Where(a => a.ConsultationId == consultation);
        // Open means not done and not yet late; overdue is worked out from the deadline, as the domain does.
        if (status is not null)
            query = parsed switch
            {
                TrackedActionStatus.Done => query.Where(a => a.CompletedAt != null),
                TrackedActionStatus.Overdue => query.Where(a => a.CompletedAt == null && a.Deadline < now),
                _ => query.Where(a => a.CompletedAt == null && a.Deadline >= now),
            };
        var (number, size) = (page ?? 1, pageSize ?? IncidentQuery.DefaultPageSize);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.CompletedAt != null).ThenBy(a => a.Deadline).ThenBy(a => a.Id).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<ActionView>([.. items.Select(a => ActionView.From(a, now))], total, number, size));
    }

    private static async Task<Results<Ok<ActionView>, ProblemHttpResult, ValidationProblem>> CompleteAsync(
        Guid id, CompleteBody? body, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("note", body?.Note, TrackedAction.MaxNoteLength);
        if (errors.Any)
            return errors.ToProblem();
        var caller = http.Jurisdiction();
        var action = await db.TrackedActions.Readable(caller).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null)
            return Problems.NotFound("action.not_found", $"No action of yours has id {id}.");
        var now = time.GetUtcNow();
        try
        {
            action.Complete(caller.IsDepartmentStaff ? caller.DepartmentCode! : "", body!.Note!, http.ActorName(), now);
        }
        catch (DomainException refused) when (refused.Code == "action.not_owner")
        {
            return Problems.Forbidden(refused.Code, refused.Message, title: "Not yours to complete.");
        }
        catch (DomainException refused)
        {
            return Problems.Conflict(refused.Code, refused.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Its version moved since it was read: someone of the department completed it a moment before.
            return Problems.Conflict("action.changed", $"The action {id} was changed by someone else at the same moment; reload it.");
        }
        http.Audit().Target = id.ToString();
        http.Audit().Summary = $"action of {action.OwnerDepartmentCode} completed";
        return TypedResults.Ok(ActionView.From(action, now));
    }
}
