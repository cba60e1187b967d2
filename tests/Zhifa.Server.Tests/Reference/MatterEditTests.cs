using System.Net;
using System.Text.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Reference;

/// <summary>PUT /api/v1/matters/{code}: the admin edits the responsibility list, and routing follows at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class MatterEditTests(ZhifaApp app)
{
    /// <summary>Hazardous chemicals and blocked fire lanes: matters no other test reports, so their edits disturb nobody.</summary>
    private const string Chemicals = "AQ03", FireLanes = "AQ04";

    private readonly Scenario _scenario = new(app);

    private HttpClient Admin => app.Cast.As("admin");

    [Fact]
    public async Task Put_ByTheAdmin_RoutesTheNextReportByTheNewLineAndLeavesRunningClocks()
    {
        var original = await GetAsync(Chemicals);
        var before = await _scenario.ReportAsync(Chemicals);
        try
        {
            var edited = await (await Admin.PutJsonAsync($"/api/v1/matters/{Chemicals}", Body(original, new()
            {
                ["leadDepartmentType"] = "SCJG", ["coDepartmentTypes"] = new[] { "GA" }, ["acceptLimit"] = "3wh", ["handleLimit"] = "2wd",
                ["priority"] = "normal", ["duplicateRadiusMeters"] = 50,
            }))).ReadAsync<MatterView>();
            var after = await _scenario.ReportAsync(Chemicals);

            Same(edited, await GetAsync(Chemicals));
            Assert.Equal(("SCJG", "3wh", "2wd", 50), (edited.LeadDepartmentType, edited.AcceptLimit, edited.HandleLimit, edited.DuplicateRadiusMeters));
            Assert.Equal(["330503-SCJG", "330503-GA"], after.Assignments.Select(a => a.DepartmentCode));
            Assert.Equal(AssignmentRole.Lead, after.Assignments[0].Role);
            Assert.Equal("3wh", after.Deadlines.Single(d => d.Kind == DeadlineKind.Accept).Limit);
            // The earlier incident's clock was started under the old line and keeps its limit.
            Assert.Equal("330503-YJ", before.Assignments[0].DepartmentCode);
            Assert.Equal("30nm", (await _scenario.GetAsync(before.Id)).Deadlines.Single(d => d.Kind == DeadlineKind.Accept).Limit);
            var audit = await (await Admin.GetAsync("/api/v1/audit?actor=admin&pageSize=50")).ReadAsync<PagedList<AuditEntryView>>();
            var entry = audit.Items.First(e => e.Action == "PUT /api/v1/matters/{code}" && e.Target == Chemicals);
            Assert.Contains("handleLimit: 4nh → 2wd", entry.Summary);
        }
        finally
        {
            await (await Admin.PutJsonAsync($"/api/v1/matters/{Chemicals}", Body(original, []))).ReadAsync<MatterView>();
        }
    }

    [Theory]
    [InlineData("leadDepartmentType", "NOPE", "leadDepartmentType")]
    [InlineData("leadDepartmentType", null, "leadDepartmentType")]
    [InlineData("coDepartmentTypes", new[] { "GA", "NOPE" }, "coDepartmentTypes[1]")]
    [InlineData("coDepartmentTypes", new[] { "XF" }, "coDepartmentTypes[0]")]
    [InlineData("delegatedToTownship", null, "delegatedToTownship")]
    [InlineData("acceptLimit", "1xd", "acceptLimit")]
    [InlineData("acceptLimit", "0wh", "acceptLimit")]
    [InlineData("handleLimit", "999wd", "handleLimit")]
    [InlineData("handleLimit", "", "handleLimit")]
    [InlineData("priority", "high", "priority")]
    [InlineData("priority", "1", "priority")]
    [InlineData("duplicateRadiusMeters", 0, "duplicateRadiusMeters")]
    [InlineData("duplicateRadiusMeters", 100_000, "duplicateRadiusMeters")]
    [InlineData("duplicateWindowHours", -1, "duplicateWindowHours")]
    [InlineData("duplicateWindowHours", null, "duplicateWindowHours")]
    public async Task Put_WithABadField_NamesItAndChangesNothing(string field, object? value, string named)
    {
        var original = await GetAsync(FireLanes);

        await ProblemAssert.NamesFieldAsync(await Admin.PutJsonAsync($"/api/v1/matters/{FireLanes}", Body(original, new() { [field] = value })), named);

        Same(original, await GetAsync(FireLanes));
    }

    [Fact]
    public async Task Put_WithALegalBasisTooLong_NamesIt()
    {
        var original = await GetAsync(FireLanes);

        await ProblemAssert.NamesFieldAsync(
            await Admin.PutJsonAsync($"/api/v1/matters/{FireLanes}", Body(original, new() { ["legalBasis"] = new string('法', 129) })), "legalBasis");
    }

    [Fact]
    public async Task Put_OfAnUnknownMatter_Answers404()
    {
        var original = await GetAsync(FireLanes);

        await ProblemAssert.IsProblemAsync(await Admin.PutJsonAsync("/api/v1/matters/XX99", Body(original, [])), HttpStatusCode.NotFound, "matter.not_found");
    }

    [Theory]
    [InlineData(Cast.CityDispatcher)]
    [InlineData(Cast.CityCommander)]
    public async Task Put_BySomeoneOtherThanTheAdmin_IsForbiddenAndChangesNothing(string userName)
    {
        var original = await GetAsync(FireLanes);

        var answer = await app.Cast.As(userName).PutJsonAsync($"/api/v1/matters/{FireLanes}", Body(original, new() { ["handleLimit"] = "9wd" }));

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Same(original, await GetAsync(FireLanes));
    }

    /// <summary>Field by field: a record's own Equals compares its list by reference.</summary>
    private static void Same(MatterView expected, MatterView actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Json.Options), JsonSerializer.Serialize(actual, Json.Options));

    private async Task<MatterView> GetAsync(string code) => await (await Admin.GetAsync($"/api/v1/matters/{code}")).ReadAsync<MatterView>();

    /// <summary>The matter's editable fields as they are, with <paramref name="changes"/> over them.</summary>
    internal static Dictionary<string, object?> Body(MatterView m, Dictionary<string, object?> changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["leadDepartmentType"] = m.LeadDepartmentType, ["coDepartmentTypes"] = m.CoDepartmentTypes, ["delegatedToTownship"] = m.DelegatedToTownship,
            ["acceptLimit"] = m.AcceptLimit, ["handleLimit"] = m.HandleLimit, ["priority"] = JsonNamingPolicy.CamelCase.ConvertName(m.Priority.ToString()),
            ["legalBasis"] = m.LegalBasis, ["duplicateRadiusMeters"] = m.DuplicateRadiusMeters, ["duplicateWindowHours"] = m.DuplicateWindowHours,
        };
        foreach (var (key, value) in changes)
            body[key] = value;
        return body;
    }
}
