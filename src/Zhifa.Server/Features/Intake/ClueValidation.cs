using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

/// <summary>
/// What each clue field is called where the clue came from, so that errors name the field the
/// client sent: the platform's JSON by default, Open311's form fields for that door.
/// </summary>
internal sealed record ClueFieldNames(
    string Text = "text", string MatterCode = "matterCode", string Lat = "lat", string Lon = "lon",
    string Address = "address", string ReporterName = "reporterName", string ReporterPhone = "reporterPhone")
{
    public static ClueFieldNames Json { get; } = new();
}

internal static class ClueValidation
{
    public static FieldErrors Validate(ClueRequest r, ReferenceData reference, ClueFieldNames? names = null)
    {
        var n = names ?? ClueFieldNames.Json;
        var errors = new FieldErrors();
        if (errors.Required("channel", r.Channel) && !Channels.IsKnown(r.Channel))
            errors.Add("channel", $"Unknown channel '{r.Channel}'. Known: {string.Join(", ", Channels.All)}.");
        errors.Required(n.Text, r.Text, Clue.MaxTextLength);
        errors.MaxLength("externalId", r.ExternalId, Clue.MaxExternalIdLength);
        errors.Known(n.MatterCode, r.MatterCode, reference.Matters, "matter");
        if (r.Lat is null)
            errors.Add(n.Lat, $"The {n.Lat} field is required.");
        else if (!GeoPoint.IsLatitude(r.Lat.Value))
            errors.Add(n.Lat, $"{n.Lat} is a WGS-84 latitude between -90 and 90.");
        if (r.Lon is null)
            errors.Add(n.Lon, $"The {n.Lon} field is required.");
        else if (!GeoPoint.IsLongitude(r.Lon.Value))
            errors.Add(n.Lon, $"{n.Lon} is a WGS-84 longitude between -180 and 180.");
        // GCJ-02 (Chinese map apps' offset system) arrives with the intake work; until then only WGS-84.
        if (r.Crs is not null && !string.Equals(r.Crs, "wgs84", StringComparison.OrdinalIgnoreCase))
            errors.Add("crs", $"Unsupported crs '{r.Crs}'; send WGS-84 coordinates with crs \"wgs84\".");
        errors.MaxLength(n.Address, r.Address, Clue.MaxAddressLength);
        errors.MaxLength(n.ReporterName, r.ReporterName, Clue.MaxReporterNameLength);
        errors.MaxLength(n.ReporterPhone, r.ReporterPhone, Clue.MaxReporterPhoneLength);
        return errors;
    }
}
