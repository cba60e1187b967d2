using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Matters;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Reference;

/// <summary>The editable part of a responsibility-list line: who handles the matter, how fast, and what counts as a duplicate.</summary>
public sealed record MatterEdit(
    string? LeadDepartmentType, string[]? CoDepartmentTypes, bool? DelegatedToTownship, string? AcceptLimit, string? HandleLimit,
    string? Priority, string? LegalBasis, int? DuplicateRadiusMeters, int? DuplicateWindowHours);

/// <summary>
/// The admin edits the responsibility list. The snapshot every router and new clock reads is reloaded
/// after the save, so the next report and the next dispatch follow the edit; clocks already running
/// keep the limits they were started with.
/// </summary>
public static class MatterEditing
{
    public const int MinDuplicateRadiusMeters = 10, MaxDuplicateRadiusMeters = 5_000;
    public const int MinDuplicateWindowHours = 1, MaxDuplicateWindowHours = 2_160;
    public const int MaxLegalBasisLength = 128;

    /// <summary>About a year in each unit: a longer limit is a typing slip, and would run clocks past the calendar's years.</summary>
    private static readonly Dictionary<TimeLimitUnit, int> MaxAmounts = new()
    {
        [TimeLimitUnit.WorkingDays] = 250,
        [TimeLimitUnit.WorkingHours] = 250 * 8,
        [TimeLimitUnit.NaturalHours] = 366 * 24,
        [TimeLimitUnit.NaturalMinutes] = 366 * 24 * 60,
    };

    public static IEndpointRouteBuilder MapMatterEditing(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/matters/{code}", PutAsync).RequireAuthorization(AccessPolicies.Admin)
            .WithTags("Reference data").WithSummary("Change a matter's lead and co-departments, time limits, priority and duplicate rules");
        return app;
    }

    private static async Task<Results<Ok<MatterView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string code, MatterEdit body, ReferenceData reference, ZhifaDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!reference.Matters.ContainsKey(code))
            return Problems.NotFound("matter.not_found", $"No matter has code '{code}'.");
        var (errors, accept, handle, priority) = Validate(body, reference);
        if (errors.Any)
            return errors.ToProblem();

        var matter = await db.Matters.SingleAsync(m => m.Code == code, ct);
        var before = MatterView.From(matter);
        matter.LeadDepartmentType = body.LeadDepartmentType!;
        matter.CoDepartmentTypes = body.CoDepartmentTypes ?? [];
        matter.DelegatedToTownship = body.DelegatedToTownship!.Value;
        (matter.AcceptLimit, matter.HandleLimit, matter.Priority) = (accept, handle, priority);
        matter.LegalBasis = string.IsNullOrWhiteSpace(body.LegalBasis) ? null : body.LegalBasis.Trim();
        (matter.DuplicateRadiusMeters, matter.DuplicateWindowHours) = (body.DuplicateRadiusMeters!.Value, body.DuplicateWindowHours!.Value);
        await db.SaveChangesAsync(ct);
        // Not the request's token: once the edit is saved, routing must follow it whether or not the client waits.
        await reference.LoadAsync(db, CancellationToken.None);

        var after = MatterView.From(matter);
        http.Audit().Target = code;
        http.Audit().Summary = Changes(before, after);
        return TypedResults.Ok(after);
    }

    private static (FieldErrors Errors, TimeLimit Accept, TimeLimit Handle, Priority Priority) Validate(MatterEdit body, ReferenceData reference)
    {
        var errors = new FieldErrors();
        if (errors.Required("leadDepartmentType", body.LeadDepartmentType, 8))
        {
            if (!reference.DepartmentTypes.TryGetValue(body.LeadDepartmentType!, out var lead))
                errors.Add("leadDepartmentType", $"Unknown department type '{body.LeadDepartmentType}'.");
            // The router looks for the lead in the county (or the township, for the team): a city-only type would route nowhere.
            else if (lead.Code != DepartmentType.TownshipTeam && !lead.Levels.Contains(RegionLevel.County))
                errors.Add("leadDepartmentType", $"'{lead.Code}' has no department in the counties, so no incident could be routed to it.");
        }
        var co = body.CoDepartmentTypes ?? [];
        for (var i = 0; i < co.Length; i++)
        {
            if (co[i] is null || !reference.DepartmentTypes.ContainsKey(co[i]))
                errors.Add($"coDepartmentTypes[{i}]", $"Unknown department type '{co[i]}'.");
            else if (co[i] == body.LeadDepartmentType || Array.IndexOf(co, co[i]) < i)
                errors.Add($"coDepartmentTypes[{i}]", $"'{co[i]}' is the lead or is listed twice.");
        }
        if (body.DelegatedToTownship is null)
            errors.Add("delegatedToTownship", "delegatedToTownship is true when the township team handles the matter, false otherwise.");
        var accept = Limit("acceptLimit", body.AcceptLimit, errors);
        var handle = Limit("handleLimit", body.HandleLimit, errors);
        var priority = Priority.Normal;
        if (errors.Required("priority", body.Priority, 16) && !StrictEnum.TryParse(body.Priority!, out priority))
            errors.Add("priority", "priority is low, normal or urgent.");
        errors.MaxLength("legalBasis", body.LegalBasis, MaxLegalBasisLength);
        if (body.DuplicateRadiusMeters is not (>= MinDuplicateRadiusMeters and <= MaxDuplicateRadiusMeters))
            errors.Add("duplicateRadiusMeters", $"duplicateRadiusMeters is between {MinDuplicateRadiusMeters} and {MaxDuplicateRadiusMeters}.");
        if (body.DuplicateWindowHours is not (>= MinDuplicateWindowHours and <= MaxDuplicateWindowHours))
            errors.Add("duplicateWindowHours", $"duplicateWindowHours is between {MinDuplicateWindowHours} and {MaxDuplicateWindowHours}.");
        return (errors, accept, handle, priority);
    }

    private static TimeLimit Limit(string field, string? text, FieldErrors errors)
    {
        if (!errors.Required(field, text, 8))
            return default;
        if (!TimeLimit.TryParse(text, out var limit))
            errors.Add(field, $"{field} is a time limit such as 2wh (working hours), 1wd (working days), 30nm or 4nh (natural minutes or hours).");
        else if (limit.Amount > MaxAmounts[limit.Unit])
            errors.Add(field, $"{field} is at most about a year: {new TimeLimit(MaxAmounts[limit.Unit], limit.Unit)}.");
        return limit;
    }

    /// <summary>What the edit changed, field by field, for the audit trail.</summary>
    private static string Changes(MatterView before, MatterView after)
    {
        var pairs = new (string Field, object? Before, object? After)[]
        {
            ("leadDepartmentType", before.LeadDepartmentType, after.LeadDepartmentType),
            ("coDepartmentTypes", string.Join('/', before.CoDepartmentTypes), string.Join('/', after.CoDepartmentTypes)),
            ("delegatedToTownship", before.DelegatedToTownship, after.DelegatedToTownship),
            ("acceptLimit", before.AcceptLimit, after.AcceptLimit),
            ("handleLimit", before.HandleLimit, after.HandleLimit),
            ("priority", before.Priority, after.Priority),
            ("legalBasis", before.LegalBasis, after.LegalBasis),
            ("duplicateRadiusMeters", before.DuplicateRadiusMeters, after.DuplicateRadiusMeters),
            ("duplicateWindowHours", before.DuplicateWindowHours, after.DuplicateWindowHours),
        };
        var changed = pairs.Where(p => !Equals(p.Before, p.After)).Select(p => $"{p.Field}: {p.Before} → {p.After}").ToList();
        return changed.Count == 0 ? "no change" : string.Join("; ", changed);
    }
}
