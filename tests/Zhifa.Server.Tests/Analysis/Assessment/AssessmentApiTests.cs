using System.Net;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Assessment;

/// <summary>
/// The monthly assessment over HTTP on the incidents of <see cref="AssessmentMonth"/>: the ranking, the
/// weights that change it, bad input, and who reads which region's.
/// </summary>
[Collection(AssessmentCollection.Name)]
public sealed class AssessmentApiTests(ZhifaApp app)
{
    private const string Hefu = Scenario.Hefu;
    private HttpClient Supervisor => app.Cast.As("supervisor.city");

    private static readonly object Defaults = new
    {
        onTimeRate = 30, closureRate = 20, returnRate = 15, reworkRate = 15, extensionRate = 10, meanHandlingMinutes = 10,
    };

    private async Task<AssessmentReportView> AssessAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/analysis/assessment{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<AssessmentReportView>();
    }

    private static AssessmentRowView Row(AssessmentReportView report, string department) => report.Rows.Single(r => r.DepartmentCode == department);

    [Fact]
    public async Task LastFullMonth_RanksThePunctualDepartmentFirst_WithItsCriteriaAndFigures()
    {
        var month = await AssessmentMonth.OnAsync(app);

        var report = await AssessAsync(Supervisor, $"?regionCode={Hefu}");

        Assert.Equal((AssessmentMonth.Month, Hefu, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)),
            (report.Month, report.RegionCode, report.From, report.To));
        Assert.Equal([(month.Reworking, 92.5, 1, true), (month.Late, 75.0, 2, true)],
            report.Rows.Select(r => (r.DepartmentCode, r.Score!.Value, r.Rank!.Value, r.Assessed)));
        var reworking = Row(report, month.Reworking);
        Assert.Equal(
            [("onTimeRate", 1.0, 100.0, 30.0), ("closureRate", 1.0, 100.0, 20.0), ("returnRate", 0.0, 100.0, 15.0),
             ("reworkRate", 0.5, 50.0, 15.0), ("extensionRate", 0.0, 100.0, 10.0)],
            reworking.Criteria.Take(5).Select(c => (c.Criterion, c.Value!.Value, c.SubScore!.Value, c.Weight)));
        Assert.Equal(("meanHandlingMinutes", 100.0), (reworking.Criteria[5].Criterion, reworking.Criteria[5].SubScore!.Value));
        Assert.Equal((2, 2, 2, 0), (reworking.Indicators.Received, reworking.Indicators.Closed, reworking.Indicators.ClosedOnTime, reworking.Indicators.OpenOverdue));
        var late = Row(report, month.Late);
        Assert.Equal((2, 1, 1, 0.5, 0.5), (late.Indicators.Received, late.Indicators.Closed, late.Indicators.OpenOverdue,
            late.Indicators.OnTimeRate!.Value, late.Indicators.ClosureRate!.Value));
        Assert.NotNull(late.Name);
    }

    [Fact]
    public async Task WithoutAMonth_TheLastFullMonthIsAssessed_AndAMonthWithoutWorkHasNoRows()
    {
        await AssessmentMonth.OnAsync(app);

        var byDefault = await AssessAsync(Supervisor, $"?regionCode={Hefu}");
        var named = await AssessAsync(Supervisor, $"?regionCode={Hefu}&month={AssessmentMonth.Month}");
        var november = await AssessAsync(Supervisor, $"?regionCode={Hefu}&month=2026-11");

        Assert.Equal(AssessmentMonth.Month, byDefault.Month);
        Assert.Equal(named.Rows.Select(r => (r.DepartmentCode, r.Score)), byDefault.Rows.Select(r => (r.DepartmentCode, r.Score)));
        Assert.Empty(november.Rows);
    }

    [Fact]
    public async Task ChangedWeights_ChangeTheRanking_AndAreKeptWithWhoSetThem()
    {
        var month = await AssessmentMonth.OnAsync(app);
        try
        {
            var put = await Supervisor.PutJsonAsync("/api/v1/analysis/assessment/weights",
                new { onTimeRate = 0, closureRate = 0, returnRate = 0, reworkRate = 1, extensionRate = 0, meanHandlingMinutes = 0 });
            Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

            var weights = await (await Supervisor.GetAsync("/api/v1/analysis/assessment/weights")).ReadAsync<AssessmentWeightsView>();
            Assert.Equal((1.0, 0.0, 30.0, "supervisor.city", AssessmentMonth.January4),
                (weights.Weights.ReworkRate, weights.Weights.OnTimeRate, weights.Defaults.OnTimeRate, weights.UpdatedBy, weights.UpdatedAt));
            // Only rework counts now: the late department never reworked, the punctual one did half its work again.
            var report = await AssessAsync(app.Cast.As("dispatcher.hefu"));
            Assert.Equal([(month.Late, 100.0, 1), (month.Reworking, 50.0, 2)],
                report.Rows.Select(r => (r.DepartmentCode, r.Score!.Value, r.Rank!.Value)));
        }
        finally
        {
            (await Supervisor.PutJsonAsync("/api/v1/analysis/assessment/weights", Defaults)).EnsureSuccessStatusCode();
        }
        Assert.Equal(month.Reworking, (await AssessAsync(Supervisor, $"?regionCode={Hefu}")).Rows[0].DepartmentCode);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("2026-12-01")]
    [InlineData("December")]
    [InlineData("")]
    [InlineData("1999-12")]
    [InlineData("2027-02")]
    public async Task AMonthThatIsNotOne_OrHasNotBegun_IsRefusedNamingMonth(string month)
    {
        await AssessmentMonth.OnAsync(app);
        await ProblemAssert.NamesFieldAsync(await Supervisor.GetAsync($"/api/v1/analysis/assessment?month={month}"), "month");
    }

    [Fact]
    public async Task TheRunningMonth_IsAssessedSoFar_AndADepartmentWithNothingClosedOrOverdueIsNotAssessed()
    {
        var month = await AssessmentMonth.OnAsync(app);
        // January so far: new fishing work not yet due for the one, December's overdue stall still open for the other.
        await new Scenario(app).ReportAsync("SY01");

        var january = await AssessAsync(Supervisor, $"?regionCode={Hefu}&month=2027-01");

        Assert.Equal("2027-01", january.Month);
        Assert.Equal([(month.Late, 1, true, 0.0), (month.Reworking, (int?)null, false, (double?)null)],
            january.Rows.Select(r => (r.DepartmentCode, r.Rank, r.Assessed, r.Score)));
        var unassessed = Row(january, month.Reworking);
        Assert.Equal((1, 0, 0), (unassessed.Indicators.Received, unassessed.Indicators.Closed, unassessed.Indicators.OpenOverdue));
        Assert.Contains(unassessed.Criteria, c => c.Criterion == "onTimeRate" && c.Value is null && c.SubScore is null);
    }

    [Fact]
    public async Task AnUnknownRegion_IsRefusedNamingRegionCode()
    {
        await AssessmentMonth.OnAsync(app);
        await ProblemAssert.NamesFieldAsync(await Supervisor.GetAsync("/api/v1/analysis/assessment?regionCode=999999"), "regionCode");
    }

    [Theory]
    [InlineData("""{"onTimeRate":-1,"closureRate":20,"returnRate":15,"reworkRate":15,"extensionRate":10,"meanHandlingMinutes":10}""", "onTimeRate")]
    [InlineData("""{"onTimeRate":30,"closureRate":20,"returnRate":15,"reworkRate":15,"extensionRate":10,"meanHandlingMinutes":5000}""", "meanHandlingMinutes")]
    [InlineData("""{"onTimeRate":30,"returnRate":15,"reworkRate":15,"extensionRate":10,"meanHandlingMinutes":10}""", "closureRate")]
    [InlineData("""{"onTimeRate":0,"closureRate":0,"returnRate":0,"reworkRate":0,"extensionRate":0,"meanHandlingMinutes":0}""", "weights")]
    [InlineData("""{"onTimeRate":"heavy","closureRate":20,"returnRate":15,"reworkRate":15,"extensionRate":10,"meanHandlingMinutes":10}""", "onTimeRate")]
    public async Task BadWeights_AreRefusedNamingTheField_AndChangeNothing(string body, string field)
    {
        var before = await (await Supervisor.GetAsync("/api/v1/analysis/assessment/weights")).ReadAsync<AssessmentWeightsView>();

        await ProblemAssert.NamesFieldAsync(await Supervisor.PutAsync("/api/v1/analysis/assessment/weights", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), field);

        var after = await (await Supervisor.GetAsync("/api/v1/analysis/assessment/weights")).ReadAsync<AssessmentWeightsView>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task TheDefaultWeights_AreSeededAtStart()
    {
        var weights = await (await app.Cast.As("analyst.city").GetAsync("/api/v1/analysis/assessment/weights")).ReadAsync<AssessmentWeightsView>();
        Assert.Equal(weights.Defaults, weights.Weights);
        Assert.Equal((30.0, 20.0, 15.0, 15.0, 10.0, 10.0), (weights.Defaults.OnTimeRate, weights.Defaults.ClosureRate, weights.Defaults.ReturnRate,
            weights.Defaults.ReworkRate, weights.Defaults.ExtensionRate, weights.Defaults.MeanHandlingMinutes));
    }

    [Fact]
    public async Task ATownshipsDispatcher_ReadsTheirTownship_ButNotTheirCounty()
    {
        var month = await AssessmentMonth.OnAsync(app);
        var hefu = app.Cast.As("dispatcher.hefu");

        var own = await AssessAsync(hefu);

        Assert.Equal(Hefu, own.RegionCode);
        Assert.Equal([month.Reworking, month.Late], own.Rows.Select(r => r.DepartmentCode));
        await ProblemAssert.IsProblemAsync(await hefu.GetAsync($"/api/v1/analysis/assessment?regionCode={Scenario.Nanxun}"),
            HttpStatusCode.NotFound, "region.not_found");
    }

    [Fact]
    public async Task ACountysReaders_SeeTheirDepartments_AndAnotherCountyHasNone()
    {
        var month = await AssessmentMonth.OnAsync(app);

        var nanxun = await AssessAsync(app.Cast.As("dispatcher.nanxun"));
        var changxing = await AssessAsync(Supervisor, "?regionCode=330522");

        Assert.Equal((Scenario.Nanxun, 2), (nanxun.RegionCode, nanxun.Rows.Count(r => r.DepartmentCode == month.Reworking || r.DepartmentCode == month.Late)));
        Assert.Empty(changxing.Rows);
        await ProblemAssert.IsProblemAsync(await app.Cast.As("dispatcher.nanxun").GetAsync("/api/v1/analysis/assessment?regionCode=330522"),
            HttpStatusCode.NotFound, "region.not_found");
    }

    [Theory]
    [InlineData("officer.nanxun.nync")]
    [InlineData("leader.nanxun.nync")]
    [InlineData("grid.hefu")]
    public async Task DepartmentStaffAndGridWorkers_MayNotReadTheAssessment(string userName)
    {
        var client = app.Cast.As(userName);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/analysis/assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/analysis/assessment/weights")).StatusCode);
    }

    [Fact]
    public async Task OnlyKeepersSetWeights()
    {
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Cast.As("dispatcher.city").PutJsonAsync("/api/v1/analysis/assessment/weights", Defaults)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Cast.As("officer.nanxun.nync").PutJsonAsync("/api/v1/analysis/assessment/weights", Defaults)).StatusCode);
    }
}
