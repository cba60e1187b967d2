using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// The spec's service discovery document: where the GeoReport v2 endpoint is, in which formats,
/// and whom to ask for a key. The <c>Open311</c> configuration section may override its texts.
/// </summary>
internal static class Open311Discovery
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When the services or their definitions last changed in code: clients refresh cached definitions when it moves.</summary>
    public const string Changeset = "2026-11-28 12:00";

    /// <summary>The platform's address as the client reached it, for the absolute URLs the spec's clients expect.</summary>
    public static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public static Open311Object Document(HttpContext http, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Open311");
        var changeset = section["Changeset"] ?? Changeset;
        var url = Origin(http) + Open311Endpoints.Base;
        return Object("discovery",
            Value("changeset", changeset),
            Value("contact", section["Contact"] ?? "湖州市综合行政执法指挥中心 (Huzhou enforcement command centre): ask the city centre's duty desk."),
            Value("key_service", section["KeyService"] ?? "Keys are channel keys issued by the platform's administrators (POST /api/v1/api-keys); ask the city centre for one."),
            List("endpoints",
            [
                Object("endpoint",
                    Value("specification", Specification),
                    Value("url", url),
                    Value("changeset", changeset),
                    // Only a production start acts on what it receives for real.
                    Value("type", environment.IsProduction() ? "production" : "test"),
                    List("formats", Open311Formats.MediaTypes.Select(t => Value("format", t)))),
            ]));
    }
}
