using Zhifa.Core.Organization;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Officers.OfficerApi;

namespace Zhifa.Server.Tests.Officers;

/// <summary>Per home department: officers, certificate coverage, and how many legal posts hold the qualification.</summary>
[Collection(ApiCollection.Name)]
public sealed class OfficerStatsTests(ZhifaApp app)
{
    [Fact]
    public async Task HandBuiltDepartment_GivesItsFigures()
    {
        // 南浔区司法局: no other test puts officers there.
        const string department = "330503-SF";
        await CreateAsync(app, department, validForDays: 100, qualified: true, legalPost: true);
        await CreateAsync(app, department, validForDays: 100, legalPost: true);
        await CreateAsync(app, department, validForDays: 0, qualified: true, legalPost: true);
        await CreateAsync(app, department, validForDays: -1);
        await CreateAsync(app, department, validForDays: null);

        var stats = await (await app.Cast.As("admin").GetAsync($"{OfficersUrl}/stats?regionCode=330503")).ReadAsync<OfficerStatsView>();

        var row = Assert.Single(stats.Departments, r => r.DepartmentCode == department);
        // Valid through today counts; ended yesterday does not.
        Assert.Equal((5, 3, 0.6, 3, 2, 0.6667), (row.Officers, row.WithValidCertificate, row.CertificateCoverage, row.LegalPosts, row.QualifiedLegalPosts, row.LegalQualificationRate));
        Assert.Equal(Today(app), stats.Date);
        Assert.All(stats.Departments, r => Assert.StartsWith("330503", r.DepartmentCode));
        Assert.Equal(stats.Departments.Sum(r => r.Officers), stats.Total.Officers);
    }

    [Fact]
    public async Task SeededNanxun_CountsAStationedOfficerAtHomeOnly_AndHasNoRateWithoutLegalPosts()
    {
        var stats = await (await app.Cast.As("admin").GetAsync($"{OfficersUrl}/stats?regionCode=330503106")).ReadAsync<OfficerStatsView>();
        var county = await (await app.Cast.As("admin").GetAsync($"{OfficersUrl}/stats?regionCode=330503")).ReadAsync<OfficerStatsView>();

        // 和孚镇's department: 朱卫国 and 吴婷 (plus any a test added), not 姚晓东 who is stationed there.
        var hefu = Assert.Single(stats.Departments);
        Assert.Equal("330503106-ZFD", hefu.DepartmentCode);
        var nync = county.Departments.Single(r => r.DepartmentCode == "330503-NYNC");
        Assert.True(nync.LegalPosts >= 2);
        Assert.True(nync.WithValidCertificate < nync.Officers, "陆海峰's certificate has run out");
        await ProblemAssert.NamesFieldAsync(await app.Cast.As("admin").GetAsync($"{OfficersUrl}/stats?regionCode=999999"), "regionCode");
    }

    [Fact]
    public async Task ADepartmentWithoutLegalPosts_HasANullRate()
    {
        const string department = "330503-SW";
        await CreateAsync(app, department, validForDays: 10);

        var stats = await (await app.Cast.As("admin").GetAsync($"{OfficersUrl}/stats?regionCode=330503")).ReadAsync<OfficerStatsView>();

        var row = stats.Departments.Single(r => r.DepartmentCode == department);
        Assert.Equal((0, (double?)null, 1.0), (row.LegalPosts, row.LegalQualificationRate, row.CertificateCoverage));
    }

    [Fact]
    public async Task ScopedToTheCaller_ADepartmentSeesItsOwnRow_AChangxingLeaderNoneOfNanxuns()
    {
        var officer = await (await app.Cast.As("officer.nanxun.sl").GetAsync($"{OfficersUrl}/stats")).ReadAsync<OfficerStatsView>();
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330522-NYNC"), AuthApi.TestPassword);
        var theirs = await (await changxing.GetAsync($"{OfficersUrl}/stats?regionCode=330503")).ReadAsync<OfficerStatsView>();

        Assert.Equal(["330503-SL"], officer.Departments.Select(r => r.DepartmentCode));
        Assert.Empty(theirs.Departments);
        Assert.Null(theirs.Total.CertificateCoverage);
    }
}
