using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Disputes;

/// <summary>A dispute as listed: both sides, and the ruling once there is one.</summary>
public sealed record DisputeView(Guid IncidentId, string IncidentNumber, string IncidentSummary, IncidentStatus IncidentStatus, int Seq,
    string? MatterCode, string HandlingCenterCode, string ReturnedByDepartmentCode, string? SuggestedDepartmentCode, string Reason, bool Automatic,
    DateTimeOffset OpenedAt, string OpenedBy, DateTimeOffset? RuledAt, string? RuledBy, string? RuledDepartmentCode, string? RulingReason, string? LegalBasis);

/// <summary>
/// 争议处置: GET /disputes lists the disputes a caller reads, open or ruled; GET /disputes/statistics counts
/// them per matter and per pair of departments and flags the matters whose responsibility list needs
/// amending. Opening and ruling are incident actions (return, dispute, rule).
/// </summary>
public static class DisputeEndpoints
{
    public const int DefaultWindowDays = 90;

    public static IServiceCollection AddZhifaDisputes(this IServiceCollection services)
    {
        services.AddOptions<DisputeOptions>().BindConfiguration("Disputes")
            .Validate(o => o.AmendmentThreshold >= 1, "Disputes:AmendmentThreshold is at least 1.").ValidateOnStart();
        return services;
    }

    public static void MapDisputesApi(this IEndpointRouteBuilder app)
    {
        var disputes = app.MapGroup("/api/v1/disputes").WithTags("Disputes");
        disputes.MapGet("", ListAsync).RequireAuthorization(AccessPolicies.ReadDisputes).WithSummary("Disputes, open first, newest first");
        disputes.MapGet("/statistics", DisputeStatistics.ComputeAsync).RequireAuthorization(AccessPolicies.ReadDashboard)
            .WithSummary("Disputes per matter and per pair of departments, with the matters whose list needs amending");
    }

    /// <summary>
    /// The disputes a caller reads: a centre's people those their centres handle; department staff only
    /// those their department is a side of (returned it, was named, or was ruled responsible).
    /// </summary>
    internal static IQueryable<IncidentDispute> Readable(this IQueryable<IncidentDispute> disputes, Jurisdiction caller)
    {
        var (centers, readsCenters, everything) = (caller.CenterCodes, caller.ReadsRegion, caller.ReadsRegion && caller.WholeCity);
        var department = caller.IsDepartmentStaff ? caller.DepartmentCode : null;
        return disputes.Where(d => everything || (readsCenters && centers.Contains(d.HandlingCenterCode))
            || (department != null && (d.ReturnedByDepartmentCode == department || d.SuggestedDepartmentCode == department || d.RuledDepartmentCode == department)));
    }

    private static async Task<Results<Ok<PagedList<DisputeView>>, ValidationProblem>> ListAsync(
        string? status, string? matterCode, string? from, string? to, int? page, int? pageSize,
        ZhifaDbContext db, ReferenceData reference, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (status is not (null or "open" or "ruled"))
            errors.Add("status", "status is open or ruled.");
        errors.Known("matterCode", matterCode, reference.Matters, "matter");
        var since = errors.Instant("from", from);
        var until = errors.Instant("to", to, endOfDay: true);
        errors.Paging(page, pageSize, IncidentQuery.MaxPageSize);
        if (errors.Any)
            return errors.ToProblem();
        var query = db.Disputes.AsNoTracking().Readable(http.Jurisdiction());
        if (status is not null)
            query = query.Where(d => (d.RuledAt == null) == (status == "open"));
        if (matterCode is not null)
            query = query.Where(d => d.MatterCode == matterCode);
        if (since is { } s)
            query = query.Where(d => d.OpenedAt >= s);
        if (until is { } u)
            query = query.Where(d => d.OpenedAt < u);
        var (number, size) = (page ?? 1, pageSize ?? IncidentQuery.DefaultPageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.RuledAt == null ? 0 : 1).ThenByDescending(d => d.OpenedAt).ThenBy(d => d.IncidentId).ThenBy(d => d.Seq)
            .Join(db.Incidents, d => d.IncidentId, i => i.Id, (d, i) => new { d, i.Number, i.Summary, i.Status })
            .PageAsync(number, size, ct);
        var items = rows.Select(r => new DisputeView(r.d.IncidentId, r.Number, r.Summary, r.Status, r.d.Seq, r.d.MatterCode, r.d.HandlingCenterCode,
            r.d.ReturnedByDepartmentCode, r.d.SuggestedDepartmentCode, r.d.Reason, r.d.Automatic, r.d.OpenedAt, r.d.OpenedBy,
            r.d.RuledAt, r.d.RuledBy, r.d.RuledDepartmentCode, r.d.RulingReason, r.d.LegalBasis)).ToList();
        return TypedResults.Ok(new PagedList<DisputeView>(items, total, number, size));
    }
}
