namespace Zhifa.Core.Officers;

/// <summary>
/// One department's figures. Rates are null when there is nothing to divide by, never NaN: a department
/// without legal posts has no qualification rate rather than 0%.
/// </summary>
public sealed record DepartmentOfficerStats(
    string DepartmentCode,
    int Officers,
    int WithValidCertificate,
    double? CertificateCoverage,
    int LegalPosts,
    int QualifiedLegalPosts,
    double? LegalQualificationRate);

/// <summary>
/// 一支队伍 figures per department. An officer counts in their home department only, even when stationed
/// in another department's team, so that a county's total is the sum of its departments.
/// </summary>
public static class OfficerStatistics
{
    public static IReadOnlyList<DepartmentOfficerStats> ByDepartment(IEnumerable<Officer> officers, DateOnly date) =>
        officers.GroupBy(o => o.DepartmentCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => For(g.Key, g.ToList(), date))
            .ToList();

    public static DepartmentOfficerStats For(string departmentCode, IReadOnlyCollection<Officer> officers, DateOnly date)
    {
        var valid = officers.Count(o => Certificates.IsValidOn(o, date));
        var posts = officers.Count(o => o.LegalPost);
        var qualified = officers.Count(o => o.LegalPost && o.LegalQualification);
        return new DepartmentOfficerStats(departmentCode, officers.Count, valid, Rate(valid, officers.Count), posts, qualified, Rate(qualified, posts));
    }

    /// <summary>A share rounded to four places (0.9370 is 93.7%), or null over zero.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
