using Zhifa.Core.Officers;

namespace Zhifa.Server.Features.Officers;

public sealed record CertificateView(string? Number, DateOnly? ValidFrom, DateOnly? ValidUntil, CertificateState State);
public sealed record TrainingView(Guid Id, string Course, decimal Hours, DateOnly Date);
public sealed record TeamRef(string Code, string Name, string DepartmentCode);

/// <summary>An officer as the API shows them, with the departments they serve (home first).</summary>
public sealed record OfficerView(
    Guid Id,
    string Name,
    string DepartmentCode,
    string? DepartmentName,
    CertificateView Certificate,
    bool LegalQualification,
    bool LegalPost,
    string? UserName,
    IReadOnlyList<TrainingView> Trainings,
    IReadOnlyList<TeamRef> Teams,
    IReadOnlyList<string> ServesDepartments);

public sealed record TeamMemberView(Guid Id, string Name, string DepartmentCode);
public sealed record TeamView(string Code, string Name, string DepartmentCode, string? TownshipCode, IReadOnlyList<TeamMemberView> Members);

public sealed record OfficerStatsRow(
    string DepartmentCode,
    string? DepartmentName,
    int Officers,
    int WithValidCertificate,
    double? CertificateCoverage,
    int LegalPosts,
    int QualifiedLegalPosts,
    double? LegalQualificationRate);

/// <summary>The figures on <see cref="Date"/> (Beijing), per home department, and over all the rows.</summary>
public sealed record OfficerStatsView(DateOnly Date, string? RegionCode, IReadOnlyList<OfficerStatsRow> Departments, OfficerStatsRow Total);

public sealed record IncidentOfficerView(Guid OfficerId, string Name, string DepartmentCode, DateTimeOffset AssignedAt, string AssignedBy);

public sealed record OfficerBody(
    string? Name,
    string? DepartmentCode,
    string? CertificateNumber,
    string? CertificateValidFrom,
    string? CertificateValidUntil,
    bool? LegalQualification,
    bool? LegalPost,
    string? UserName);

public sealed record TrainingBody(string? Course, decimal? Hours, string? Date);
public sealed record TeamBody(string? Code, string? Name, string? DepartmentCode, string? TownshipCode);
public sealed record OfficerIdsBody(Guid[]? OfficerIds);

internal static class OfficerViews
{
    public static OfficerView View(Officer officer, IReadOnlyList<Team> teams, DateOnly today, Func<string, string?> departmentName) => new(
        officer.Id,
        officer.Name,
        officer.DepartmentCode,
        departmentName(officer.DepartmentCode),
        new CertificateView(officer.CertificateNumber, officer.CertificateValidFrom, officer.CertificateValidUntil, Certificates.StateOn(officer, today)),
        officer.LegalQualification,
        officer.LegalPost,
        officer.UserName,
        [.. officer.Trainings.OrderByDescending(t => t.Date).Select(t => new TrainingView(t.Id, t.Course, t.Hours, t.Date))],
        [.. teams.Where(t => t.Has(officer.Id)).Select(t => new TeamRef(t.Code, t.Name, t.DepartmentCode))],
        [officer.DepartmentCode, .. OfficerService.DepartmentsServed(officer, teams).Where(d => d != officer.DepartmentCode).Order(StringComparer.Ordinal)]);

    public static TeamView View(Team team, IReadOnlyDictionary<Guid, Officer> officers) => new(
        team.Code, team.Name, team.DepartmentCode, team.TownshipCode,
        [.. team.Members.Select(m => officers.GetValueOrDefault(m.OfficerId)).OfType<Officer>().OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new TeamMemberView(o.Id, o.Name, o.DepartmentCode))]);

    public static OfficerStatsRow Row(DepartmentOfficerStats s, string? name) => new(
        s.DepartmentCode, name, s.Officers, s.WithValidCertificate, s.CertificateCoverage, s.LegalPosts, s.QualifiedLegalPosts, s.LegalQualificationRate);
}
