using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Core.Privacy;
using Zhifa.Server.Features.Reference;
using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// An incident as a GeoReport service request. Free text written by people (the clue, a resolution,
/// a rejection, an address) has its phone-like digit runs masked, because these answers are public;
/// reporters' names and phones are not part of them at all.
/// </summary>
internal static class Open311RequestView
{
    /// <param name="mediaUrl">The absolute public URL of a file, when it has one.</param>
    public static Open311List Requests(IEnumerable<Open311Row> rows, ReferenceData reference, Func<Guid, string?> mediaUrl) =>
        List("service_requests", rows.Select(r => Request(r, reference, mediaUrl)));

    private static Open311Object Request(Open311Row r, ReferenceData reference, Func<Guid, string?> mediaUrl)
    {
        var matter = MatterOf(r, reference);
        var agency = Agency(r, reference);
        return Object("request",
            Value("service_request_id", r.Number),
            Value("status", IncidentLifecycle.IsOpen(r.Status) ? "open" : "closed"),
            Value("status_notes", StatusNotes(r)),
            Value("service_name", matter?.Name),
            Value("service_code", r.MatterCode),
            Value("description", Masked(r.FirstClueText ?? r.Summary)),
            Value("agency_responsible", agency),
            Value("service_notice", Notice(r, reference)),
            Value("requested_datetime", r.ReportedAt),
            Value("updated_datetime", r.UpdatedAt),
            // Deadlines are not kept yet; the spec lets this be empty, as it does the address id and postcode.
            Value("expected_datetime", null),
            Value("address", Masked(r.Address)),
            Value("address_id", null),
            Value("zipcode", null),
            Value("lat", r.Lat),
            Value("long", r.Lon),
            Value("media_url", r.FirstMediaId is { } media ? mediaUrl(media) : null));
    }

    /// <summary>The lead department's name; none until the incident is dispatched (or after it was returned).</summary>
    private static string? Agency(Open311Row r, ReferenceData reference) =>
        r.LeadDepartmentCode is null ? null : reference.Departments.GetValueOrDefault(r.LeadDepartmentCode)?.Name ?? r.LeadDepartmentCode;

    private static Matter? MatterOf(Open311Row r, ReferenceData reference) =>
        r.MatterCode is null ? null : reference.Matters.GetValueOrDefault(r.MatterCode);

    /// <summary>What the reporter may expect next: dispatch by the centre, or handling by the agency within the matter's limit.</summary>
    public static string? Notice(Open311Row r, ReferenceData reference) =>
        !IncidentLifecycle.IsOpen(r.Status) ? null
        : Agency(r, reference) is not { } agency ? "已受理，等待指挥中心分拨。"
        : MatterOf(r, reference) is not { } matter ? $"已派遣{agency}处置。"
        : $"已派遣{agency}处置，处置时限{Open311Services.Describe(matter.HandleLimit)}。";

    private static string? StatusNotes(Open311Row r) => r.Status switch
    {
        IncidentStatus.Merged when r.MergedIntoNumber is not null => $"并入 {r.MergedIntoNumber}",
        IncidentStatus.Closed or IncidentStatus.Rejected => Masked(r.ClosingNote),
        _ => null,
    };

    private static string? Masked(string? text) => string.IsNullOrWhiteSpace(text) ? null : PersonalDataMask.PhonesIn(text);
}
