using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Analysis.Hotspots;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Hotspots;

/// <summary>
/// The risk-warning rules (风险预警规则): read by the region readers, kept by supervisors, analysts and the
/// admin. A keeper keeps the rules of their own jurisdiction: a county's keeper its county's and its
/// townships' rules; a rule for the whole city (no region) only a city keeper or the admin.
/// </summary>
public static class WarningRuleEndpoints
{
    public static IEndpointRouteBuilder MapWarningRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analysis/warning-rules").WithTags("Analysis");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.ReadAnalysisSettings).WithSummary("The risk-warning rules that apply within the caller's jurisdiction, by name");
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessPolicies.ManageAnalysis).WithSummary("Add a risk-warning rule");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(AccessPolicies.ManageAnalysis).WithSummary("Change a risk-warning rule");
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(AccessPolicies.ManageAnalysis).WithSummary("Remove a risk-warning rule");
        return app;
    }

    // The city's rules and those of regions within the caller's jurisdiction; another county's are not theirs to read.
    private static async Task<Ok<List<WarningRuleView>>> ListAsync(ZhifaDbContext db, HotspotReads reads, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok((await db.WarningRules.AsNoTracking().ToListAsync(ct))
            .Where(r => r.RegionCode is null || reads.Within(http.Jurisdiction(), r.RegionCode))
            .OrderBy(r => r.Name, StringComparer.Ordinal).Select(WarningRuleView.From).ToList());

    private static async Task<Results<Created<WarningRuleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WarningRuleBody body, ZhifaDbContext db, ReferenceData reference, HotspotReads reads, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var rule = new WarningRule { Id = Guid.CreateVersion7(time.GetUtcNow()) };
        if (!await ValidAsync(errors, body, rule, db, reference, ct))
            return errors.ToProblem();
        if (!Keeps(http.Jurisdiction(), rule.RegionCode, reads))
            return NotYours(rule.RegionCode);
        rule.UpdatedAt = time.GetUtcNow();
        db.WarningRules.Add(rule);
        await db.SaveChangesAsync(ct);
        http.Audit().Target = rule.Id.ToString();
        http.Audit().Summary = $"warning rule {rule.Name} added";
        return TypedResults.Created($"/api/v1/analysis/warning-rules/{rule.Id}", WarningRuleView.From(rule));
    }

    private static async Task<Results<Ok<WarningRuleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WarningRuleBody body, ZhifaDbContext db, ReferenceData reference, HotspotReads reads, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (await db.WarningRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule)
            return NotFound(id);
        var caller = http.Jurisdiction();
        if (!Keeps(caller, rule.RegionCode, reads))
            return NotYours(rule.RegionCode);
        var errors = new FieldErrors();
        if (!await ValidAsync(errors, body, rule, db, reference, ct))
            return errors.ToProblem();
        if (!Keeps(caller, rule.RegionCode, reads))
            return NotYours(rule.RegionCode);
        rule.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        http.Audit().Target = rule.Id.ToString();
        http.Audit().Summary = $"warning rule {rule.Name} changed";
        return TypedResults.Ok(WarningRuleView.From(rule));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ZhifaDbContext db, HotspotReads reads, HttpContext http, CancellationToken ct)
    {
        if (await db.WarningRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } rule)
            return NotFound(id);
        if (!Keeps(http.Jurisdiction(), rule.RegionCode, reads))
            return NotYours(rule.RegionCode);
        db.WarningRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        http.Audit().Target = rule.Id.ToString();
        http.Audit().Summary = $"warning rule {rule.Name} removed";
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Checks every field and, when all are right, writes them to <paramref name="rule"/>. An empty optional
    /// filter is no filter; a missing enabled is true: a rule is made to be used.
    /// </summary>
    private static async Task<bool> ValidAsync(FieldErrors errors, WarningRuleBody body, WarningRule rule, ZhifaDbContext db, ReferenceData reference, CancellationToken ct)
    {
        var name = body.Name?.Trim();
        errors.Required("name", name, WarningRule.MaxNameLength);
        var (matter, region, channel) = (NullIfEmpty(body.MatterCode), NullIfEmpty(body.RegionCode), NullIfEmpty(body.Channel));
        errors.Known("matterCode", matter, reference.Matters, "matter");
        if (region is not null && !reference.Regions.ContainsKey(region))
            errors.Add("regionCode", $"Unknown region '{region}'.");
        else if (region is not null && reference.Regions[region].Level is not (RegionLevel.County or RegionLevel.Township))
            errors.Add("regionCode", "regionCode is a county or a township; leave it empty for the whole city.");
        if (channel is not null && !Channels.IsKnown(channel))
            errors.Add("channel", $"Unknown channel '{channel}'. Known: {string.Join(", ", Channels.All)}.");
        if (body.Threshold is not { } threshold || threshold < 1 || threshold > WarningRule.MaxThreshold)
            errors.Add("threshold", $"threshold is a count from 1 to {WarningRule.MaxThreshold}.");
        if (body.WindowHours is not { } hours || hours < 1 || hours > WarningRule.MaxWindowHours)
            errors.Add("windowHours", $"windowHours is a number of hours from 1 to {WarningRule.MaxWindowHours}.");
        var severity = WarningSeverity.Notice;
        if (body.Severity is null || !StrictEnum.TryParse(body.Severity, out severity))
            errors.Add("severity", "severity is one of notice, warning, alarm.");
        if (!errors.Any && await db.WarningRules.AnyAsync(r => r.Name == name && r.Id != rule.Id, ct))
            errors.Add("name", $"A rule named '{name}' exists already.");
        if (errors.Any)
            return false;
        (rule.Name, rule.MatterCode, rule.RegionCode, rule.Channel) = (name!, matter, region, channel);
        (rule.Threshold, rule.WindowHours, rule.Severity, rule.Enabled) = (body.Threshold!.Value, body.WindowHours!.Value, severity, body.Enabled ?? true);
        return true;
    }

    /// <summary>Whether the caller keeps a rule of the region: the admin any; a city keeper any; others their jurisdiction's.</summary>
    private static bool Keeps(Jurisdiction caller, string? regionCode, HotspotReads reads) =>
        caller.Roles.Contains(Role.Admin) || caller.WholeCity || (regionCode is not null && reads.Within(caller, regionCode));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("warning_rule.not_found", $"No warning rule has id {id}.");

    private static ProblemHttpResult NotYours(string? regionCode) =>
        Problems.Forbidden("warning_rule.not_yours", regionCode is null
            ? "Only a city keeper or the admin keeps a rule for the whole city."
            : $"Region {regionCode} is not within your jurisdiction.");
}
