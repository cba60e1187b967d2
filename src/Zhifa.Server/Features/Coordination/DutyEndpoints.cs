using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Access;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Coordination;

public sealed record PatternView(IReadOnlyList<CommanderView> Rotation, DateOnly StartDate, int ShiftDays, TimeOnly HandOverTime,
    DateTimeOffset UpdatedAt, string UpdatedBy);

public sealed record SwapView(DateOnly Date, CommanderView Commander, string RequestedBy, string Reason, DateTimeOffset At);

public sealed record RosterDay(DateOnly Date, DateTimeOffset StartsAt, CommanderView? DutyCommander, SwapView? Swap);

/// <summary>A centre's roster over some days; <see cref="Pattern"/> is null until one is set.</summary>
public sealed record RosterView(string CenterCode, CommanderView? StandingCommander, PatternView? Pattern, IReadOnlyList<RosterDay> Days);

/// <summary>
/// The duty roster of each command centre (双指挥长): who commands it now, its days, and (in
/// <see cref="RosterEditing"/>) its pattern, swaps and hand-over notes. Every signed-in person reads them.
/// </summary>
public static class DutyEndpoints
{
    public const int DefaultDays = 14;
    public const int MaxDays = 92;
    public const int MaxHandovers = 100;

    public static void MapDutyApi(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/api/v1/command-centers/{code}").WithTags("Duty roster");
        centers.MapGet("/duty", DutyAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("Who commands the centre at an instant (now by default): its standing and its duty commander");
        centers.MapGet("/roster", RosterAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("The centre's duty commander day by day (swaps applied), its standing commander and its pattern");
        centers.MapGet("/handovers", HandoversAsync).RequireAuthorization(AccessPolicies.People)
            .WithSummary("Hand-over notes of the centre's duty commanders, newest first");
        RosterEditing.Map(centers);
    }

    internal static ProblemHttpResult UnknownCenter(string code) =>
        Problems.NotFound("command_center.not_found", $"No command centre has code '{code}'.");

    private static async Task<Results<Ok<DutyView>, ProblemHttpResult, ValidationProblem>> DutyAsync(
        string code, string? at, ReferenceData reference, DutyRosters rosters, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var instant = errors.Instant("at", at);
        if (errors.Any)
            return errors.ToProblem();
        if (!reference.CommandCenters.ContainsKey(code))
            return UnknownCenter(code);
        var duty = await rosters.DutyAsync(code, instant ?? time.GetUtcNow(), ct);
        return TypedResults.Ok(ReadsNotesOf(http.Jurisdiction(), code) ? duty : duty with { LatestHandover = null });
    }

    /// <summary>
    /// Who is on duty is public, like the centres; what the commanders hand over is the centre's business:
    /// its people's and those of the centres above it, and the admin's.
    /// </summary>
    internal static bool ReadsNotesOf(Jurisdiction caller, string centerCode) =>
        caller.Roles.Contains(Role.Admin) || (caller.ReadsRegion && (caller.WholeCity || caller.CenterCodes.Contains(centerCode)));

    private static async Task<Results<Ok<RosterView>, ProblemHttpResult, ValidationProblem>> RosterAsync(
        string code, string? from, string? to, ReferenceData reference, DutyRosters rosters, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (first, last) = (errors.Date("from", from), errors.Date("to", to));
        if (errors.Any)
            return errors.ToProblem();
        if (!reference.CommandCenters.ContainsKey(code))
            return UnknownCenter(code);
        var roster = await rosters.FindAsync(code, ct) ?? new DutyRoster { CenterCode = code };
        var start = first ?? roster.DutyDate(time.GetUtcNow());
        var end = last ?? start.AddDays(DefaultDays - 1);
        if (end < start)
            errors.Add("to", "to is on or after from.");
        else if (end.DayNumber - start.DayNumber >= MaxDays)
            errors.Add("to", $"A roster is read at most {MaxDays} days at a time.");
        if (errors.Any)
            return errors.ToProblem();
        return TypedResults.Ok(await ViewAsync(roster, start, end, rosters, ct));
    }

    internal static async Task<RosterView> ViewAsync(DutyRoster roster, DateOnly start, DateOnly end, DutyRosters rosters, CancellationToken ct)
    {
        var dates = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays).ToList();
        var swaps = roster.Swaps.Where(s => s.Date >= start && s.Date <= end).ToDictionary(s => s.Date);
        var names = await rosters.DisplayNamesAsync(
            [roster.StandingCommander, .. roster.Rotation, .. dates.Select(roster.CommanderOn), .. swaps.Values.Select(s => s.UserName)], ct);
        var pattern = roster.UpdatedBy == "" ? null
            : new PatternView([.. roster.Rotation.Select(n => DutyRosters.View(n, names)!)], roster.StartDate, roster.ShiftDays, roster.HandOverTime,
                roster.UpdatedAt, roster.UpdatedBy);
        var days = dates.Select(d => new RosterDay(d, roster.ShiftStart(d), DutyRosters.View(roster.CommanderOn(d), names),
            swaps.TryGetValue(d, out var s) ? new SwapView(s.Date, DutyRosters.View(s.UserName, names)!, s.RequestedBy, s.Reason, s.At) : null));
        return new RosterView(roster.CenterCode, DutyRosters.View(roster.StandingCommander, names), pattern, [.. days]);
    }

    private static async Task<Results<Ok<List<HandoverView>>, ProblemHttpResult, ValidationProblem>> HandoversAsync(
        string code, int? take, ReferenceData reference, DutyRosters rosters, HttpContext http, CancellationToken ct)
    {
        if (take is < 1 or > MaxHandovers)
            return Problems.Field("take", $"take is between 1 and {MaxHandovers}.");
        // Another county's notes are as if its centre did not exist for the caller.
        if (!reference.CommandCenters.ContainsKey(code) || !ReadsNotesOf(http.Jurisdiction(), code))
            return UnknownCenter(code);
        return TypedResults.Ok(await rosters.HandoversAsync(code, take ?? 20, ct));
    }
}
