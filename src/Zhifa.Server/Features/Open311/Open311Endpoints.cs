using Microsoft.AspNetCore.Mvc;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;
using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// An Open311 GeoReport v2 server (wiki.open311.org/GeoReport_v2) over the platform: services are
/// the responsibility list's matters, service requests are incidents numbered as the platform numbers
/// them. Reads are public, as the spec and its clients expect; POST authenticates by api_key.
/// </summary>
public static class Open311Endpoints
{
    public const string Base = "/open311/v2";

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(Base).WithTags("Open311 GeoReport v2").AllowAnonymous().AddEndpointFilter<Open311Filter>();
        v2.MapGet("/discovery.{format}", (HttpContext http, IConfiguration configuration, IHostEnvironment environment) =>
            Open311Results.Ok(http, Open311Discovery.Document(http, configuration, environment)))
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("Service discovery: the endpoint, its formats, how to get a key");
        v2.MapGet("/services.{format}", (HttpContext http, ReferenceData reference) =>
            Open311Jurisdiction.Check(http, reference) ?? Open311Results.Ok(http, Open311Services.List(reference)))
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("The services: one per matter of the responsibility list");
        v2.MapGet("/services/{service_code}.{format}", Definition)
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("A service's definition and its attributes");
        v2.MapPost("/requests.{format}", Open311Intake.PostAsync)
            .RequireRateLimiting(RateLimits.Open311Write).WithSummary("Report a service request (a clue) with a channel key in api_key");
        v2.MapGet("/requests.{format}", RequestsAsync)
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("Service requests by id, service, date and status: at most 1,000, the latest 90 days by default");
        v2.MapGet("/requests/{service_request_id}.{format}", RequestAsync)
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("One service request by its id (the incident's number)");
        v2.MapGet("/tokens/{token}.{format}", TokenAsync)
            .RequireRateLimiting(RateLimits.Open311Read).WithSummary("The service request id of a token (a clue's id)");
        // Anything else under /open311 is answered in the spec's error format too, never as problem+json.
        app.Map("/open311/{**path}", (HttpContext http) => Open311Results.Error(Open311Formats.OfPath(http.Request.Path),
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsPost(http.Request.Method) ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed,
                $"{http.Request.Method} {http.Request.Path} is not a resource of this GeoReport v2 endpoint; /open311/v2/discovery.xml lists the endpoint."))
            .AllowAnonymous().RequireRateLimiting(RateLimits.Open311Read).ExcludeFromDescription();
        return app;
    }

    private static IResult Definition([FromRoute(Name = "service_code")] string code, HttpContext http, ReferenceData reference) =>
        Open311Jurisdiction.Check(http, reference)
        ?? (reference.Matters.TryGetValue(code, out var matter)
            ? Open311Results.Ok(http, Open311Services.Definition(matter))
            : Open311Results.NotFound(http, $"service_code '{code}' was not found."));

    private static async Task<IResult> RequestsAsync(HttpContext http, ReferenceData reference, ZhifaDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (Open311Jurisdiction.Check(http, reference) is { } elsewhere)
            return elsewhere;
        var (query, errors) = Open311Query.Parse(http.Request.Query, reference, time.GetUtcNow());
        if (query is null)
            return Open311Results.BadRequest(http, errors);
        return await AnswerAsync(http, reference, db, await Open311Queries.FindAsync(db, query, ct), ct);
    }

    private static async Task<IResult> RequestAsync([FromRoute(Name = "service_request_id")] string number, HttpContext http,
        ReferenceData reference, ZhifaDbContext db, CancellationToken ct)
    {
        if (Open311Jurisdiction.Check(http, reference) is { } elsewhere)
            return elsewhere;
        return await Open311Queries.FindAsync(db, number, ct) is { } row
            ? await AnswerAsync(http, reference, db, [row], ct)
            : Open311Results.NotFound(http, $"service_request_id '{number}' was not found.");
    }

    /// <summary>The requests, each with its first file's public copy as media_url.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, ReferenceData reference, ZhifaDbContext db, IReadOnlyList<Open311Row> rows, CancellationToken ct)
    {
        var media = await Open311Queries.PublicMediaAsync(db, rows, ct);
        var origin = Open311Discovery.Origin(http);
        return Open311Results.Ok(http, Open311RequestView.Requests(rows, reference, id => media.TryGetValue(id, out var url) ? origin + url : null));
    }

    /// <summary>
    /// Intake is synchronous, so POST always answers service_request_id and never a token. A token is
    /// the id of the clue the request made; it resolves to the number its reporter follows.
    /// </summary>
    private static async Task<IResult> TokenAsync(string token, HttpContext http, ReferenceData reference, ZhifaDbContext db, CancellationToken ct)
    {
        if (Open311Jurisdiction.Check(http, reference) is { } elsewhere)
            return elsewhere;
        var number = Guid.TryParse(token, out var clueId)
            ? await Open311Queries.FollowedNumberAsync(db, await Open311Queries.IncidentOfClueAsync(db, clueId, ct), ct)
            : null;
        return number is null
            ? Open311Results.NotFound(http, $"token '{token}' was not found.")
            : Open311Results.Ok(http, List("service_requests", [Object("request", Value("service_request_id", number), Value("token", token))]));
    }
}
