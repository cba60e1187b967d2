using Microsoft.AspNetCore.Mvc;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// An Open311 GeoReport v2 server (wiki.open311.org/GeoReport_v2) over the platform: services are
/// the responsibility list's matters. Reads are public, as the spec and its clients expect.
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
}
