using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core;
using Zhifa.Core.Access;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Coordination;

/// <summary>The pattern of a roster; a missing shift length is one day, a missing hand-over time 08:30.</summary>
public sealed record RosterBody(string? StandingCommander, string?[]? Rotation, string? StartDate, int? ShiftDays, string? HandOverTime);

public sealed record SwapBody(string? Date, string? UserName, string? Reason);

public sealed record HandoverBody(string? Note);

/// <summary>
/// Writing a roster: its pattern and its swaps by the admin anywhere, or by a duty commander for their
/// own centre and those below it; hand-over notes by the commander on duty, for whoever comes next.
/// Everyone named must be a duty commander whose scope takes in the centre.
/// </summary>
internal static class RosterEditing
{
    public static void Map(RouteGroupBuilder centers)
    {
        centers.MapPut("/roster", PlanAsync).RequireAuthorization(AccessPolicies.EditRosters)
            .WithSummary("Set the standing commander and the duty rotation: commanders in order, start date, shift length, hand-over time");
        centers.MapPost("/roster/swaps", SwapAsync).RequireAuthorization(AccessPolicies.EditRosters)
            .WithSummary("Give one duty day to another commander, with why");
        centers.MapPost("/handovers", HandOverAsync).RequireAuthorization(AccessPolicies.HandOver)
            .WithSummary("Leave a hand-over note for the next duty commander (by the commander on duty)");
    }

    /// <summary>The admin edits every roster; a duty commander those of their centre's scope.</summary>
    public static bool MayEdit(Jurisdiction caller, string centerCode) =>
        caller.Roles.Contains(Role.Admin) || (caller.Roles.Contains(Role.DutyCommander) && caller.CenterCodes.Contains(centerCode));

    /// <summary>Why the caller may not edit <paramref name="code"/>'s roster (no such centre, or not theirs), or null when they may.</summary>
    private static ProblemHttpResult? Refusal(string code, ReferenceData reference, HttpContext http)
    {
        http.Audit().Target = code;
        if (!reference.CommandCenters.ContainsKey(code))
            return DutyEndpoints.UnknownCenter(code);
        return MayEdit(http.Jurisdiction(), code) ? null : NotYours(code);
    }

    private static ProblemHttpResult NotYours(string code) =>
        Problems.Forbidden("roster.forbidden", $"The roster of {code} is edited by the admin or by a duty commander of {code} or of a centre above it.");

    private static async Task<Results<Ok<RosterView>, ProblemHttpResult, ValidationProblem>> PlanAsync(
        string code, RosterBody body, ReferenceData reference, DutyRosters rosters, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Refusal(code, reference, http) is { } refused)
            return refused;
        var errors = new FieldErrors();
        var standing = body.StandingCommander is null ? null : await CommanderAsync(errors, "standingCommander", body.StandingCommander, code, rosters, ct);
        var rotation = new List<string>();
        if (body.Rotation is null)
            errors.Add("rotation", "rotation lists the duty commanders' user names in order; it may be empty.");
        else if (body.Rotation.Length > DutyRoster.MaxRotation)
            errors.Add("rotation", $"A rotation has at most {DutyRoster.MaxRotation} commanders.");
        else
            for (var i = 0; i < body.Rotation.Length; i++)
                if (await CommanderAsync(errors, $"rotation[{i}]", body.Rotation[i], code, rosters, ct) is { } name)
                    rotation.Add(name);
        var startDate = errors.Date("startDate", body.StartDate);
        if (body.StartDate is null)
            errors.Add("startDate", "startDate is the duty date of the rotation's first shift, such as 2026-11-30.");
        if (body.ShiftDays is < 1 or > DutyRoster.MaxShiftDays)
            errors.Add("shiftDays", $"shiftDays is between 1 and {DutyRoster.MaxShiftDays}.");
        var handOver = DutyRoster.DefaultHandOver;
        if (body.HandOverTime is not null && !TimeOnly.TryParseExact(body.HandOverTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out handOver))
            errors.Add("handOverTime", "handOverTime is a time of day in Beijing time, such as 08:30.");
        if (errors.Any)
            return errors.ToProblem();
        var roster = await rosters.FindAsync(code, ct, tracked: true);
        if (roster is null)
            db.DutyRosters.Add(roster = new DutyRoster { CenterCode = code });
        var now = time.GetUtcNow();
        roster.Plan(standing, rotation, startDate!.Value, body.ShiftDays ?? 1, handOver, http.ActorName(), now);
        if (await SaveAsync(db, code, ct) is { } changed)
            return changed;
        http.Audit().Summary = $"duty roster set: standing {standing ?? "none"}; rotation {string.Join(", ", rotation)} from {startDate:yyyy-MM-dd}";
        var today = roster.DutyDate(now);
        return TypedResults.Ok(await DutyEndpoints.ViewAsync(roster, today, today.AddDays(DutyEndpoints.DefaultDays - 1), rosters, ct));
    }

    private static async Task<Results<Created<SwapView>, ProblemHttpResult, ValidationProblem>> SwapAsync(
        string code, SwapBody body, ReferenceData reference, DutyRosters rosters, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Refusal(code, reference, http) is { } refused)
            return refused;
        var roster = await rosters.FindAsync(code, ct, tracked: true);
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        var date = errors.Date("date", body.Date);
        if (body.Date is null)
            errors.Add("date", "date is the duty date to give to another commander, such as 2026-11-30.");
        else if (date is { } day && roster is not null && day < roster.DutyDate(now))
            errors.Add("date", "A duty day that is over cannot be swapped.");
        var userName = await CommanderAsync(errors, "userName", body.UserName, code, rosters, ct);
        errors.Required("reason", body.Reason, DutySwap.MaxReasonLength);
        if (errors.Any)
            return errors.ToProblem();
        if (roster is null)
            return Problems.Conflict("roster.not_planned", $"{code} has no roster yet; set its rotation first.");
        var swap = roster.Swap(date!.Value, userName!, http.ActorName(), body.Reason!.Trim(), now);
        if (await SaveAsync(db, code, ct) is { } changed)
            return changed;
        http.Audit().Summary = $"duty day {swap.Date:yyyy-MM-dd} given to {swap.UserName}";
        var names = await rosters.DisplayNamesAsync([swap.UserName], ct);
        return TypedResults.Created($"/api/v1/command-centers/{code}/roster?from={swap.Date:yyyy-MM-dd}&to={swap.Date:yyyy-MM-dd}",
            new SwapView(swap.Date, DutyRosters.View(swap.UserName, names)!, swap.RequestedBy, swap.Reason, swap.At));
    }

    private static async Task<Results<Created<HandoverView>, ProblemHttpResult, ValidationProblem>> HandOverAsync(
        string code, HandoverBody body, ReferenceData reference, DutyRosters rosters, ZhifaDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = code;
        if (!reference.CommandCenters.ContainsKey(code))
            return DutyEndpoints.UnknownCenter(code);
        var errors = new FieldErrors();
        errors.Required("note", body.Note, HandoverNote.MaxTextLength);
        if (errors.Any)
            return errors.ToProblem();
        var roster = await rosters.FindAsync(code, ct);
        HandoverNote note;
        try
        {
            note = (roster ?? new DutyRoster { CenterCode = code }).HandOver(http.ActorName(), body.Note!.Trim(), time.GetUtcNow());
        }
        catch (DomainException refused)
        {
            return Problems.Forbidden(refused.Code, refused.Message, title: "Not on duty.");
        }
        db.HandoverNotes.Add(note);
        await db.SaveChangesAsync(ct);
        http.Audit().Summary = $"hand-over from {note.From} to {note.To ?? "nobody"}";
        return TypedResults.Created($"/api/v1/command-centers/{code}/handovers", await rosters.ViewAsync(note, ct));
    }

    /// <summary>The commander's exact user name, or null after naming the field.</summary>
    private static async Task<string?> CommanderAsync(FieldErrors errors, string field, string? userName, string code, DutyRosters rosters, CancellationToken ct)
    {
        if (!errors.Required(field, userName, DutyRoster.MaxUserNameLength))
            return null;
        if (await rosters.CommanderForAsync(userName!.Trim(), code, ct) is { } name)
            return name;
        errors.Add(field, $"'{userName}' is not a duty commander of {code} or of a centre above it.");
        return null;
    }

    /// <summary>
    /// Saves the roster's change, or answers 409 when someone else's change to the same roster (its first
    /// planning, a swap of the same day) got in between: read it again and decide.
    /// </summary>
    private static async Task<ProblemHttpResult?> SaveAsync(ZhifaDbContext db, string code, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Problems.Conflict("roster.changed", $"{code}'s roster changed meanwhile; read it again.");
        }
    }
}
