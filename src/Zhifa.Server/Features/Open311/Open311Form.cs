using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// The form of POST requests (application/x-www-form-urlencoded, or multipart), read field by field.
/// A field may also come in the query string, where some clients put api_key and jurisdiction_id.
/// </summary>
internal sealed class Open311Form(IFormCollection form, IQueryCollection query)
{
    private readonly List<string> _errors = [];
    // Fields already reported, so the platform's own rules do not report them again in other words.
    private readonly HashSet<string> _reported = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The body as a form; or the spec's error for a body that is not one (400) or too large (413).</summary>
    public static async Task<(Open311Form? Form, Open311Result? Error)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
            return (null, Open311Results.BadRequest(http, "Send the request as application/x-www-form-urlencoded (or multipart/form-data) in UTF-8."));
        // The spec's text is UTF-8; a form declared in another charset (GBK, say) would be read as garbled Chinese.
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue
            && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !type.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            return (null, Open311Results.BadRequest(http, $"The form's charset is {type.Charset}; send it in UTF-8."));
        try
        {
            return (new Open311Form(await http.Request.ReadFormAsync(http.RequestAborted), http.Request.Query), null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Open311Results.Error(http, tooLarge.StatusCode, "The request body is larger than this endpoint accepts."));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or InvalidOperationException or IOException or ArgumentException or DecoderFallbackException)
        {
            return (null, Open311Results.BadRequest(http, "The request body is not a readable form: " + e.Message));
        }
    }

    /// <summary>One value: null when absent or empty (the spec's optional arguments), an error when sent twice.</summary>
    public string? One(string field, int maxLength = 1000)
    {
        var values = form.TryGetValue(field, out var sent) ? sent : query[field];
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (present.Count > 1)
            Refuse(field, $"{field} was sent {present.Count} times; send it once.");
        else if (present.Count == 1 && present[0].Length > maxLength)
            Refuse(field, $"{field} must be at most {maxLength} characters.");
        return present.Count == 1 ? present[0] : null;
    }

    /// <summary>
    /// The clue the form describes, for channel <paramref name="channel"/>, validated and located as
    /// the platform's intake does; null, with every problem in <see cref="Errors"/>, when it is not valid.
    /// </summary>
    public ValidClue? ToClue(string channel, ReferenceData reference)
    {
        var serviceCode = One("service_code");
        if (serviceCode is null)
            Refuse("service_code", "service_code was not provided: choose one from services.xml or services.json.");
        var (lat, lon) = (Coordinate("lat"), Coordinate("long"));
        if (lat is null && lon is null && !_reported.Contains("lat") && !_reported.Contains("long"))
        {
            Refuse("lat", One("address_string") is not null || One("address_id") is not null
                ? "address_string and address_id cannot be located by this endpoint: send lat and long (WGS-84) as well."
                : "lat and long were not provided: send the location as WGS-84 lat and long.");
            _reported.Add("long");
        }
        var clue = new ClueRequest(channel, null, One("description", 10_000), serviceCode, lat, lon, null, One("address_string"),
            Name(One("first_name"), One("last_name")), One("phone"), null, OccurredAt());
        One("account_id", 100);
        One("email", 254);
        One("device_id", 200);
        MediaUrl();
        // The platform's own rules (lengths, ranges, known matter, the city's area) speak with Open311's field names.
        var (errors, valid) = ClueValidation.Validate(clue, reference, Names);
        foreach (var (field, message) in errors.All)
            Refuse(field, message);
        return _errors.Count == 0 ? valid : null;
    }

    /// <summary>Reports the first problem of each field, and each message once.</summary>
    public void Refuse(string field, string message)
    {
        if (_reported.Add(field) && !_errors.Contains(message))
            _errors.Add(message);
    }

    private static readonly ClueFieldNames Names = new(
        Text: "description", MatterCode: "service_code", Lat: "lat", Lon: "long", Address: "address_string",
        ReporterName: "first_name and last_name", ReporterPhone: "phone");

    private double? Coordinate(string field)
    {
        if (One(field) is not { } text)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        Refuse(field, $"{field} '{text}' is not a number: send WGS-84 decimal degrees, such as 30.805.");
        return null;
    }

    /// <summary>The one attribute every service defines; a multi-valued form of it (attribute[occurred_at][]) is refused.</summary>
    private DateTimeOffset? OccurredAt()
    {
        var field = $"attribute[{Open311Services.OccurredAt}]";
        var values = form[field].Concat(form[field + "[]"]).Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        if (values.Count > 1)
            Refuse(field, $"{field} takes one value.");
        if (values.Count != 1)
            return null;
        if (PlatformTime.TryParse(values[0]!.Trim(), out var at))
            return at;
        Refuse(field, $"{field} '{values[0]}' is not an ISO 8601 date-time, such as 2026-11-27T09:30:00+08:00.");
        return null;
    }

    private void MediaUrl()
    {
        if (One("media_url", 2000) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            Refuse("media_url", $"media_url '{url}' is not an http or https URL.");
    }

    /// <summary>A Chinese name is family name first (张 + 三 = 张三); others keep the form's order.</summary>
    private static string? Name(string? first, string? last)
    {
        if (first is null || last is null)
            return first ?? last;
        return $"{last}{first}".All(c => c >= '\u2E80') ? last + first : $"{first} {last}";
    }
}
