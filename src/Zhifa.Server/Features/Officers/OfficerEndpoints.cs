using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Officers;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Officers;

/// <summary>
/// 一支队伍: the enforcement officers of each department, their certificates, qualifications and
/// trainings, and the figures the mission reports on them. Read by department staff, centre roles and
/// the admin, each for their own; kept by the admin and by each department's leader.
/// </summary>
public static class OfficerEndpoints
{
    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/officers").WithTags("Officers");
        group.MapGet("/", ListAsync).RequireAuthorization(AccessPolicies.ReadOfficers)
            .WithSummary("The officers the caller sees, by the department they serve or by team");
        group.MapGet("/stats", StatsAsync).RequireAuthorization(AccessPolicies.ReadOfficers)
            .WithSummary("Officer count, certificate coverage and legal posts' qualification rate per home department");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(AccessPolicies.ReadOfficers).WithSummary("One officer");
        group.MapPost("/", CreateAsync).RequireAuthorization(AccessPolicies.ManageOfficers).WithSummary("Add an officer to a department");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(AccessPolicies.ManageOfficers).WithSummary("Change an officer's record");
        group.MapPost("/{id:guid}/trainings", AddTrainingAsync).RequireAuthorization(AccessPolicies.ManageOfficers).WithSummary("Record a training the officer attended");
        app.MapTeamsApi();
        return app;
    }

    /// <summary>A page of officers or teams unless asked otherwise: a county has hundreds.</summary>
    public const int DefaultPageSize = 50;

    private static async Task<Results<Ok<PagedList<OfficerView>>, ValidationProblem>> ListAsync(
        string? departmentCode, string? teamCode, int? page, int? pageSize, OfficerStore store, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        // An empty filter is no filter, as the incident list reads it.
        (departmentCode, teamCode) = (NullIfEmpty(departmentCode), NullIfEmpty(teamCode));
        var errors = new FieldErrors();
        errors.Known("departmentCode", departmentCode, reference.Departments, "department");
        if (teamCode is not null && !await store.Db.Teams.AnyAsync(t => t.Code == teamCode, ct))
            errors.Add("teamCode", $"Unknown team '{teamCode}'.");
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var query = store.Visible(http.Jurisdiction());
        var db = store.Db;
        if (departmentCode is not null)
            query = query.Where(o => o.DepartmentCode == departmentCode
                || db.TeamMembers.Any(m => m.OfficerId == o.Id && db.Teams.Any(t => t.Code == m.TeamCode && t.DepartmentCode == departmentCode)));
        if (teamCode is not null)
            query = query.Where(o => db.TeamMembers.Any(m => m.OfficerId == o.Id && m.TeamCode == teamCode));
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var total = await query.CountAsync(ct);
        var officers = await query.AsNoTracking().AsSplitQuery().OrderBy(o => o.DepartmentCode).ThenBy(o => o.Name).ThenBy(o => o.Id).PageAsync(number, size, ct);
        return TypedResults.Ok(new PagedList<OfficerView>(await store.ViewsAsync(officers, ct), total, number, size));
    }

    private static async Task<Results<Ok<OfficerView>, ProblemHttpResult>> GetAsync(Guid id, OfficerStore store, HttpContext http, CancellationToken ct) =>
        await store.FindAsync(id, http.Jurisdiction(), ct) is { } officer ? TypedResults.Ok(await store.ViewAsync(officer, ct)) : NotFound(id);

    private static async Task<Results<Created<OfficerView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        OfficerBody body, OfficerRules rules, OfficerStore store, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (await rules.OfficerAsync(errors, body) is not { } fields)
            return errors.ToProblem();
        if (!OfficerScope.Manages(http.Jurisdiction(), fields.DepartmentCode))
            return NotYours(fields.DepartmentCode);
        var officer = new Officer { Id = Guid.CreateVersion7(time.GetUtcNow()), Name = fields.Name, DepartmentCode = fields.DepartmentCode };
        Apply(officer, fields);
        store.Db.Officers.Add(officer);
        await store.Db.SaveChangesAsync(ct);
        http.Audit().Target = officer.Id.ToString();
        http.Audit().Summary = $"officer added to {officer.DepartmentCode}";
        return TypedResults.Created($"/api/v1/officers/{officer.Id}", await store.ViewAsync(officer, ct));
    }

    private static async Task<Results<Ok<OfficerView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, OfficerBody body, OfficerRules rules, OfficerStore store, OfficerScope scope, HttpContext http, CancellationToken ct)
    {
        var caller = http.Jurisdiction();
        var (officer, refused) = await KeptAsync(id, caller, store, http, ct);
        if (refused is not null)
            return refused;
        var errors = new FieldErrors();
        if (await rules.OfficerAsync(errors, body) is not { } fields)
            return errors.ToProblem();
        if (!OfficerScope.Manages(caller, fields.DepartmentCode))
            return NotYours(fields.DepartmentCode);
        // Stationing stays within a county: moving to another county's department first takes the officer off the old county's teams.
        var county = scope.CountyOf(fields.DepartmentCode);
        if (fields.DepartmentCode != officer.DepartmentCode
            && (await store.TeamsOfAsync([officer.Id], ct)).FirstOrDefault(t => scope.CountyOf(t.DepartmentCode) != county) is { } team)
            return Problems.Field("departmentCode", $"{officer.Name} is a member of team {team.Code} of {team.DepartmentCode}, outside the county of {fields.DepartmentCode}; take them off it first.");
        Apply(officer, fields);
        await store.Db.SaveChangesAsync(ct);
        return TypedResults.Ok(await store.ViewAsync(officer, ct));
    }

    private static async Task<Results<Created<OfficerView>, ValidationProblem, ProblemHttpResult>> AddTrainingAsync(
        Guid id, TrainingBody body, OfficerStore store, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var caller = http.Jurisdiction();
        var (officer, refused) = await KeptAsync(id, caller, store, http, ct);
        if (refused is not null)
            return refused;
        var errors = new FieldErrors();
        if (OfficerRules.Training(errors, body) is not { } training)
            return errors.ToProblem();
        store.Db.OfficerTrainings.Add(officer.AddTraining(training.Course, training.Hours, training.Date, time.GetUtcNow()));
        await store.Db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/officers/{officer.Id}", await store.ViewAsync(officer, ct));
    }

    private static async Task<Results<Ok<OfficerStatsView>, ValidationProblem>> StatsAsync(
        string? regionCode, OfficerStore store, OfficerScope scope, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        regionCode = NullIfEmpty(regionCode);
        if (regionCode is not null && !reference.Regions.ContainsKey(regionCode))
            return Problems.Field("regionCode", $"Unknown region '{regionCode}'.");
        var visible = scope.VisibleDepartments(http.Jurisdiction());
        var query = store.Db.Officers.AsNoTracking();
        if (visible is not null)
        {
            var codes = visible.ToList();
            query = query.Where(o => codes.Contains(o.DepartmentCode));
        }
        // Home departments only: a stationed officer counts once, where they are employed.
        var officers = (await query.ToListAsync(ct))
            .Where(o => regionCode is null || scope.DepartmentWithin(o.DepartmentCode, regionCode)).ToList();
        var today = store.Today;
        var rows = OfficerStatistics.ByDepartment(officers, today).Select(s => OfficerViews.Row(s, store.DepartmentName(s.DepartmentCode))).ToList();
        var total = OfficerViews.Row(OfficerStatistics.For("", officers, today), null);
        return TypedResults.Ok(new OfficerStatsView(today, regionCode, rows, total));
    }

    private static void Apply(Officer officer, OfficerFields fields)
    {
        officer.Name = fields.Name;
        officer.DepartmentCode = fields.DepartmentCode;
        officer.CertificateNumber = fields.CertificateNumber;
        officer.CertificateValidFrom = fields.ValidFrom;
        officer.CertificateValidUntil = fields.ValidUntil;
        officer.LegalQualification = fields.LegalQualification;
        officer.LegalPost = fields.LegalPost;
        officer.UserName = fields.UserName;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    internal static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("officers.not_found", $"No officer has id {id}.");

    internal static ProblemHttpResult NotYours(string departmentCode) =>
        Problems.Forbidden("officers.not_yours", $"Only the admin and the leader of {departmentCode} keep its officers and teams.");

    /// <summary>
    /// The officer the caller keeps, or why not: 404 when they do not see them, 403 when they see but do not
    /// keep them (a stationed officer is seen by the team's department, but kept by their own).
    /// </summary>
    private static async Task<(Officer Officer, ProblemHttpResult? Refused)> KeptAsync(Guid id, Jurisdiction caller, OfficerStore store, HttpContext http, CancellationToken ct)
    {
        http.Audit().Target = id.ToString();
        if (await store.FindAsync(id, caller, ct) is not { } officer)
            return (null!, NotFound(id)); // the officer is not read when refused
        return (officer, OfficerScope.Manages(caller, officer.DepartmentCode) ? null : NotYours(officer.DepartmentCode));
    }
}
