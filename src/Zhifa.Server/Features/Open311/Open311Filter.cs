using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// In front of every GeoReport endpoint: reads the format from the extension (an unknown one is a
/// 400, answered in XML), and turns any failure into the spec's "general service error" (400), so an
/// Open311 client never gets problem+json or an empty 500.
/// </summary>
internal sealed class Open311Filter(ILogger<Open311Filter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var extension = http.GetRouteValue("format") as string;
        if (!Open311Formats.TryParse(extension, out var format))
            return Open311Results.Error(Open311Format.Xml, StatusCodes.Status400BadRequest,
                $"Unknown format '{extension}': ask for .xml or .json.");
        http.SetRequestedFormat(format);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Open311 request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Open311Results.BadRequest(http, "General service error: the request could not be processed; try again later or tell the platform's operators.");
        }
    }
}

/// <summary>
/// The spec's jurisdiction_id: optional here, because the platform serves one city. Sent and not
/// empty, it must be that city's code.
/// </summary>
internal static class Open311Jurisdiction
{
    public const string Field = "jurisdiction_id";

    /// <summary>The spec's 404 when a jurisdiction other than the city's is asked for; else null.</summary>
    public static Open311Result? Check(HttpContext http, ReferenceData reference, string? sent = null)
    {
        var jurisdiction = sent ?? http.Request.Query[Field].ToString();
        if (string.IsNullOrWhiteSpace(jurisdiction) || jurisdiction.Trim() == reference.CityCode)
            return null;
        return Open311Results.NotFound(http, $"jurisdiction_id '{jurisdiction}' was not found: this endpoint serves {reference.CityCode} ({reference.Regions[reference.CityCode].Name}).");
    }
}
