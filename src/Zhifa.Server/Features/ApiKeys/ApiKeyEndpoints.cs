using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.ApiKeys;

public sealed record ApiKeyRequest(string? Channel, string? Name);

/// <summary>A key as listed: never the key itself, nor its hash.</summary>
public sealed record ApiKeyView(Guid Id, string Channel, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKey k) => new(k.Id, k.Channel, k.Name, k.Prefix, k.CreatedAt, k.RevokedAt);
}

/// <summary>The answer to a new key: the one time the key is shown.</summary>
public sealed record IssuedApiKey(Guid Id, string Channel, string Name, string Key, DateTimeOffset CreatedAt);

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("Channel keys").RequireAuthorization(AccessPolicies.Admin);
        keys.MapPost("/", IssueAsync).WithSummary("Issue a key bound to one channel; the answer shows the key once");
        keys.MapGet("/", async (ApiKeyService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(ct)).Select(ApiKeyView.From).ToList())).WithSummary("The channel keys, without their secrets");
        keys.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ApiKeyService service, CancellationToken ct) =>
            await service.RevokeAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("api_key.not_found", $"No API key has id {id}."))
            .WithSummary("Revoke a key: it stops working at once");
        return app;
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem>> IssueAsync(ApiKeyRequest body, ApiKeyService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // Manual entry is a dispatcher's, not a system's.
        if (errors.Required("channel", body.Channel) && (!Channels.IsKnown(body.Channel) || body.Channel == Channels.Manual))
            errors.Add("channel", $"A key serves one of: {string.Join(", ", Channels.All.Where(c => c != Channels.Manual))}.");
        errors.Required("name", body.Name, ApiKey.MaxNameLength);
        if (errors.Any)
            return errors.ToProblem();
        var (record, key) = await service.IssueAsync(body.Channel!, body.Name!.Trim(), ct);
        return TypedResults.Created($"/api/v1/api-keys/{record.Id}", new IssuedApiKey(record.Id, record.Channel, record.Name, key, record.CreatedAt));
    }
}
