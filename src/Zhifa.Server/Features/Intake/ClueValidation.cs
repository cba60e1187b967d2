using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Intake;

internal static class ClueValidation
{
    public static FieldErrors Validate(ClueRequest r, ReferenceData reference)
    {
        var errors = new FieldErrors();
        if (errors.Required("channel", r.Channel) && !Channels.IsKnown(r.Channel))
            errors.Add("channel", $"Unknown channel '{r.Channel}'. Known: {string.Join(", ", Channels.All)}.");
        errors.Required("text", r.Text, Clue.MaxTextLength);
        errors.MaxLength("externalId", r.ExternalId, Clue.MaxExternalIdLength);
        errors.Known("matterCode", r.MatterCode, reference.Matters, "matter");
        if (r.Lat is null)
            errors.Add("lat", "The lat field is required.");
        else if (!GeoPoint.IsLatitude(r.Lat.Value))
            errors.Add("lat", "lat is a WGS-84 latitude between -90 and 90.");
        if (r.Lon is null)
            errors.Add("lon", "The lon field is required.");
        else if (!GeoPoint.IsLongitude(r.Lon.Value))
            errors.Add("lon", "lon is a WGS-84 longitude between -180 and 180.");
        // GCJ-02 (Chinese map apps' offset system) arrives with the intake work; until then only WGS-84.
        if (r.Crs is not null && !string.Equals(r.Crs, "wgs84", StringComparison.OrdinalIgnoreCase))
            errors.Add("crs", $"Unsupported crs '{r.Crs}'; send WGS-84 coordinates with crs \"wgs84\".");
        errors.MaxLength("address", r.Address, Clue.MaxAddressLength);
        errors.MaxLength("reporterName", r.ReporterName, Clue.MaxReporterNameLength);
        errors.MaxLength("reporterPhone", r.ReporterPhone, Clue.MaxReporterPhoneLength);
        return errors;
    }
}
