namespace Zhifa.Server.Features.Open311;

/// <summary>The formats a GeoReport v2 resource is asked for by its extension: requests.json, services.xml.</summary>
public enum Open311Format
{
    Xml,
    Json,
}

internal static class Open311Formats
{
    public const string XmlMediaType = "text/xml";
    public const string JsonMediaType = "application/json";

    /// <summary>The media types discovery announces, XML first because the spec requires it.</summary>
    public static IReadOnlyList<string> MediaTypes { get; } = [XmlMediaType, JsonMediaType];

    public static bool TryParse(string? extension, out Open311Format format)
    {
        format = Open311Format.Xml;
        if (string.Equals(extension, "xml", StringComparison.OrdinalIgnoreCase))
            return true;
        format = Open311Format.Json;
        return string.Equals(extension, "json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The format of a path whose route did not parse it (unknown resources, throttled requests):
    /// JSON when it ends in .json, else XML, the format every GeoReport client reads.
    /// </summary>
    public static Open311Format OfPath(PathString path) =>
        path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Open311Format.Json : Open311Format.Xml;

    public static string ContentType(Open311Format format) =>
        (format == Open311Format.Json ? JsonMediaType : XmlMediaType) + "; charset=utf-8";

    private static readonly object Key = new();

    /// <summary>The format the endpoint filter read from the route (XML until it has).</summary>
    public static Open311Format RequestedFormat(this HttpContext http) =>
        http.Items.TryGetValue(Key, out var known) && known is Open311Format format ? format : Open311Format.Xml;

    public static void SetRequestedFormat(this HttpContext http, Open311Format format) => http.Items[Key] = format;
}
