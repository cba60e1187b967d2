using Zhifa.Core.Officers;
using static Zhifa.Core.Tests.Officers.CertificateTests;

namespace Zhifa.Core.Tests.Officers;

public class StatisticsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static Officer Officer(string department, bool valid, bool legalPost = false, bool qualified = false)
    {
        var officer = With("33050300001", new DateOnly(2025, 1, 1), valid ? new DateOnly(2028, 1, 1) : new DateOnly(2026, 1, 1), department);
        officer.LegalPost = legalPost;
        officer.LegalQualification = qualified;
        return officer;
    }

    [Fact]
    public void CountsCoverageAndTheQualificationRateOfLegalPosts()
    {
        var officers = new[]
        {
            Officer("330503-NYNC", valid: true, legalPost: true, qualified: true),
            Officer("330503-NYNC", valid: true, legalPost: true),
            Officer("330503-NYNC", valid: false, qualified: true),
            Officer("330503-NYNC", valid: true),
            Officer("330503-SL", valid: true),
        };

        var rows = OfficerStatistics.ByDepartment(officers, Today);

        Assert.Equal(
            [new DepartmentOfficerStats("330503-NYNC", 4, 3, 0.75, 2, 1, 0.5), new DepartmentOfficerStats("330503-SL", 1, 1, 1.0, 0, 0, null)],
            rows);
    }

    [Fact]
    public void NothingToDivideBy_GivesNullRates_NotNaN()
    {
        var row = OfficerStatistics.For("330503-NYNC", [], Today);

        Assert.Equal((0, (double?)null, (double?)null), (row.Officers, row.CertificateCoverage, row.LegalQualificationRate));
    }

    [Fact]
    public void TheMissionsRate_RoundsToFourPlaces() => Assert.Equal(0.937, OfficerStatistics.Rate(937, 1000));

    [Fact]
    public void ACertificateEndingYesterday_NoLongerCounts()
    {
        var officer = With("33050300001", new DateOnly(2025, 1, 1), Today.AddDays(-1));

        Assert.Equal(0, OfficerStatistics.For("330503-NYNC", [officer], Today).WithValidCertificate);
    }
}
