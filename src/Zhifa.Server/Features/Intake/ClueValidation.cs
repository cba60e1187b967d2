using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

/// <summary>A clue that passed validation: its point in WGS-84, the grid it lies in, and its matter when given.</summary>
public sealed record ValidClue(ClueRequest Request, GeoPoint Point, GridLocation Location, Matter? Matter);

/// <summary>
/// What each clue field is called where the clue came from, so that errors name the field the
/// client sent: the platform's JSON by default, Open311's form fields for that door.
/// </summary>
public sealed record ClueFieldNames(
    string Text = "text", string MatterCode = "matterCode", string Lat = "lat", string Lon = "lon",
    string Address = "address", string ReporterName = "reporterName", string ReporterPhone = "reporterPhone")
{
    public static ClueFieldNames Json { get; } = new();
}

public static class ClueValidation
{
    public const string Wgs84 = "wgs84";
    public const string Gcj02Crs = "gcj02";

    /// <summary>Every field checked at once, so one answer names all that is wrong.</summary>
    public static (FieldErrors Errors, ValidClue? Clue) Validate(ClueRequest r, ReferenceData reference, ClueFieldNames? names = null)
    {
        var n = names ?? ClueFieldNames.Json;
        var errors = new FieldErrors();
        if (errors.Required("channel", r.Channel) && !Channels.IsKnown(r.Channel))
            errors.Add("channel", $"Unknown channel '{r.Channel}'. Known: {string.Join(", ", Channels.All)}.");
        errors.Required(n.Text, r.Text, Clue.MaxTextLength);
        errors.MaxLength("externalId", r.ExternalId, Clue.MaxExternalIdLength);
        errors.Known(n.MatterCode, r.MatterCode, reference.Matters, "matter");
        errors.MaxLength(n.Address, r.Address, Clue.MaxAddressLength);
        errors.MaxLength(n.ReporterName, r.ReporterName, Clue.MaxReporterNameLength);
        errors.MaxLength(n.ReporterPhone, r.ReporterPhone, Clue.MaxReporterPhoneLength);
        var location = Locate(r, reference, errors, n, out var point);
        if (errors.Any)
            return (errors, null);
        return (errors, new ValidClue(r, point, location!, r.MatterCode is null ? null : reference.Matters[r.MatterCode]));
    }

    /// <summary>
    /// The clue's point in WGS-84 and its grid. A point outside every grid is refused: it is either a
    /// mistake (swapped or zero coordinates) or outside the city, and no centre could act on it.
    /// </summary>
    private static GridLocation? Locate(ClueRequest r, ReferenceData reference, FieldErrors errors, ClueFieldNames n, out GeoPoint point)
    {
        point = default;
        var isGcj02 = string.Equals(r.Crs, Gcj02Crs, StringComparison.OrdinalIgnoreCase);
        if (r.Crs is not null && !isGcj02 && !string.Equals(r.Crs, Wgs84, StringComparison.OrdinalIgnoreCase))
            errors.Add("crs", $"Unsupported crs '{r.Crs}'; use \"{Wgs84}\" (GPS) or \"{Gcj02Crs}\" (Chinese map apps).");
        if (r.Lat is null)
            errors.Add(n.Lat, $"The {n.Lat} field is required.");
        else if (!GeoPoint.IsLatitude(r.Lat.Value))
            errors.Add(n.Lat, $"{n.Lat} is a latitude between -90 and 90.");
        if (r.Lon is null)
            errors.Add(n.Lon, $"The {n.Lon} field is required.");
        else if (!GeoPoint.IsLongitude(r.Lon.Value))
            errors.Add(n.Lon, $"{n.Lon} is a longitude between -180 and 180.");
        if (errors.Any)
            return null;

        var given = new GeoPoint(r.Lat!.Value, r.Lon!.Value);
        point = isGcj02 ? Gcj02.ToWgs84(given) : given;
        if (reference.Grids.Locate(point) is { } location)
            return location;
        var message = $"The point ({r.Lat}, {r.Lon}, {(isGcj02 ? Gcj02Crs : Wgs84)}) lies outside the platform's area; check the coordinates, their order and crs.";
        errors.Add(n.Lat, message);
        errors.Add(n.Lon, message);
        return null;
    }
}
