using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Notifications;

public sealed record UnreadCount(int Unread);

public sealed record MarkedRead(int Marked);

public static class InboxEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        // People only: a channel key has no inbox.
        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Notifications").RequireAuthorization(AccessPolicies.People);
        inbox.MapGet("/", ListAsync)
            .WithSummary("The caller's notifications, their department's and their home centre's, newest first; unread=true|false filters by read state");
        inbox.MapGet("/unread-count", async (Inbox box, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new UnreadCount(await box.UnreadCountAsync(http.Jurisdiction(), ct))))
            .WithSummary("How many notifications in the caller's inbox they have not read");
        inbox.MapPost("/{id:guid}/read", MarkReadAsync).WithSummary("Mark one notification read for the caller; marking again changes nothing");
        inbox.MapPost("/read-all", async (Inbox box, HttpContext http, CancellationToken ct) =>
        {
            var marked = await box.MarkAllReadAsync(http.Jurisdiction(), ct);
            http.Audit().Summary = $"{marked} notifications marked read";
            return TypedResults.Ok(new MarkedRead(marked));
        }).WithSummary("Mark every unread notification in the caller's inbox read");
        return app;
    }

    private static async Task<Results<Ok<InboxPage>, ValidationProblem>> ListAsync(
        bool? unread, int? page, int? pageSize, Inbox box, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Paging(page, pageSize, MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        // unread=true lists what is unread, unread=false what is read; without it, everything.
        bool? read = unread is { } u ? !u : null;
        return TypedResults.Ok(await box.ListAsync(http.Jurisdiction(), read, page ?? 1, pageSize ?? DefaultPageSize, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(Guid id, Inbox box, HttpContext http, CancellationToken ct) =>
        await box.MarkReadAsync(http.Jurisdiction(), id, ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("notification.not_found", $"No notification with id {id} is in your inbox.");
}
