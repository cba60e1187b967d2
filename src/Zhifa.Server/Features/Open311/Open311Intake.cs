using Zhifa.Core;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// POST requests: a GeoReport service request becomes a clue through the platform's one intake, so
/// routing, numbering, sealing of the reporter's data and the timeline are the same as for any
/// channel. The client authenticates with a channel key in api_key and reports for that key's channel.
/// </summary>
internal static class Open311Intake
{
    public static async Task<IResult> PostAsync(HttpContext http, ZhifaDbContext db, IntakeService intake, ReferenceData reference, CancellationToken ct)
    {
        var (form, unreadable) = await Open311Form.ReadAsync(http);
        if (form is null)
            return unreadable!;
        // The key first: nothing about the platform's rules is told to a caller without one.
        var sentKey = form.One("api_key", 200);
        if (await ApiKeyLookup.FindActiveAsync(db, sentKey, ct) is not { } key)
            return Open311Results.Error(http, StatusCodes.Status403Forbidden, sentKey is null
                ? "api_key was not provided: every service request needs a channel key issued by the platform."
                : "Invalid api_key: the key is unknown or has been revoked.");
        var actor = ApiKeyLookup.ActorName(key);
        http.Audit().Actor = actor;
        if (Open311Jurisdiction.Check(http, reference, form.One(Open311Jurisdiction.Field) ?? "") is { } elsewhere)
            return elsewhere;
        if (form.One("service_code") is { } code && !reference.Matters.ContainsKey(code))
            return Open311Results.NotFound(http, $"service_code '{code}' was not found: services.xml or services.json lists the services.");
        var valid = form.ToClue(key.Channel, reference);
        // A retry with the same Idempotency-Key answers the first result, as the platform's own intake does.
        var keyErrors = new FieldErrors();
        var idempotencyKey = ClueEndpoints.IdempotencyKeyOf(http.Request, keyErrors);
        foreach (var (field, message) in keyErrors.All)
            form.Refuse(field, message);
        if (valid is null || form.Errors.Count > 0)
            return Open311Results.BadRequest(http, form.Errors);

        ClueAccepted accepted;
        bool created;
        try
        {
            (accepted, created) = await intake.ReportAsync(valid, new Reporter(actor, UserId: null), idempotencyKey, ct);
        }
        catch (DomainException refused)
        {
            // A key reused for another request: the spec answers 400 for whatever cannot be done.
            return Open311Results.BadRequest(http, refused.Message);
        }
        // A clue joined to another incident is followed under that incident's number.
        var number = await Open311Queries.FollowedNumberAsync(db, accepted.IncidentId, ct) ?? accepted.IncidentNumber;
        var row = await Open311Queries.FindAsync(db, number, ct);
        http.Audit().Target = accepted.IncidentId.ToString();
        http.Audit().Summary = created
            ? $"open311: clue {accepted.ClueId} {(accepted.MergedInto is null ? "made" : "joined")} incident {accepted.IncidentNumber} ({accepted.Status})"
            : $"open311: repeat of clue {accepted.ClueId}";
        return Open311Results.Ok(http, List("service_requests",
        [
            Object("request",
                Value("service_request_id", number),
                Value("service_notice", row is null ? null : Open311RequestView.Notice(row, reference)),
                // Echoed, as the spec shows; the platform keeps no Open311 accounts.
                Value("account_id", form.One("account_id", 100))),
        ]));
    }
}
