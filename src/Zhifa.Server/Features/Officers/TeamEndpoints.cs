using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Officers;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;

namespace Zhifa.Server.Features.Officers;

/// <summary>
/// Teams (执法队伍/中队) of a department and their members. A township team may take officers of its
/// county's departments (县属乡用); they then serve the team's department as well as their own.
/// </summary>
internal static class TeamEndpoints
{
    private const int MaxMembers = 200;

    public static void MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Officers");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.ReadOfficers).WithSummary("The teams of the departments the caller sees, with their members");
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessPolicies.ManageOfficers).WithSummary("Set up a team in a department");
        group.MapPut("/{code}/members", SetMembersAsync).RequireAuthorization(AccessPolicies.ManageOfficers)
            .WithSummary("Replace a team's members; officers of other departments of the county are stationed in it");
    }

    private static async Task<Results<Ok<PagedList<TeamView>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, OfficerStore store, OfficerScope scope, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var query = store.Db.Teams.AsNoTracking().Include(t => t.Members).AsQueryable();
        if (scope.VisibleDepartments(http.Jurisdiction()) is { } visible)
        {
            var codes = visible.ToList();
            query = query.Where(t => codes.Contains(t.DepartmentCode));
        }
        var (number, size) = (page ?? 1, pageSize ?? OfficerEndpoints.DefaultPageSize);
        var total = await query.CountAsync(ct);
        var teams = await query.OrderBy(t => t.Code).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<TeamView>(await ViewsAsync(store, teams, ct), total, number, size));
    }

    private static async Task<Results<Created<TeamView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TeamBody body, OfficerRules rules, OfficerStore store, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = body.Code;
        var errors = new FieldErrors();
        rules.Team(errors, body);
        if (errors.Any)
            return errors.ToProblem();
        if (!OfficerScope.Manages(http.Jurisdiction(), body.DepartmentCode!))
            return OfficerEndpoints.NotYours(body.DepartmentCode!);
        if (await store.Db.Teams.AnyAsync(t => t.Code == body.Code, ct))
            return Problems.Conflict("teams.code_taken", $"A team coded '{body.Code}' already exists.");
        var team = new Team { Code = body.Code!, Name = body.Name!.Trim(), DepartmentCode = body.DepartmentCode!, TownshipCode = body.TownshipCode };
        store.Db.Teams.Add(team);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("teams.code_taken", $"A team coded '{body.Code}' already exists.");
        }
        return TypedResults.Created($"/api/v1/teams/{Uri.EscapeDataString(team.Code)}", (await ViewsAsync(store, [team], ct))[0]);
    }

    private static async Task<Results<Ok<TeamView>, ValidationProblem, ProblemHttpResult>> SetMembersAsync(
        string code, OfficerIdsBody body, OfficerStore store, OfficerScope scope, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = code;
        var caller = http.Jurisdiction();
        var team = await store.Db.Teams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Code == code, ct);
        if (team is null || !scope.Sees(caller, team.DepartmentCode))
            return Problems.NotFound("teams.not_found", $"No team is coded '{code}'.");
        if (!OfficerScope.Manages(caller, team.DepartmentCode))
            return OfficerEndpoints.NotYours(team.DepartmentCode);
        var errors = new FieldErrors();
        var ids = body.OfficerIds;
        if (ids is null)
            errors.Add("officerIds", "The officerIds field is required (an empty list empties the team).");
        else if (ids.Length > MaxMembers)
            errors.Add("officerIds", $"At most {MaxMembers} members.");
        if (errors.Any)
            return errors.ToProblem();
        var officers = await store.Db.Officers.AsNoTracking().Where(o => ids!.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var county = scope.CountyOf(team.DepartmentCode);
        for (var n = 0; n < ids!.Length; n++)
        {
            if (!officers.TryGetValue(ids[n], out var officer))
                errors.Add($"officerIds[{n}]", $"No officer has id {ids[n]}.");
            // Stationing (县属乡用) stays within a county: no one is lent to another county's team.
            else if (scope.CountyOf(officer.DepartmentCode) != county)
                errors.Add($"officerIds[{n}]", $"{officer.Name} is of {officer.DepartmentCode}, outside the team's county.");
        }
        if (errors.Any)
            return errors.ToProblem();
        team.SetMembers(ids);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another manager replaced the members at the same moment: a row this one removes is gone, or one it adds is there.
            return Problems.Conflict("team.changed", $"The members of team '{code}' were changed by someone else at the same moment; reload and try again.");
        }
        http.Audit().Summary = $"{team.Members.Count} members";
        return TypedResults.Ok((await ViewsAsync(store, [team], ct))[0]);
    }

    private static async Task<List<TeamView>> ViewsAsync(OfficerStore store, IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var ids = teams.SelectMany(t => t.Members).Select(m => m.OfficerId).Distinct().ToList();
        var officers = await store.Db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return [.. teams.Select(t => OfficerViews.View(t, officers))];
    }
}
