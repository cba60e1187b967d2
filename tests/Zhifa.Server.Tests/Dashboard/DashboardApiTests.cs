using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Dashboard;

[Collection(ApiCollection.Name)]
public sealed class DashboardApiTests(ZhifaApp app)
{
    private const string Url = "/api/v1/dashboard";
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Dashboard_AfterAReport_CountsItReceivedOpenAndNewest()
    {
        var supervisor = app.Cast.As("supervisor.city");
        var before = await supervisor.GetFromJsonAsync<JsonElement>(Url);

        var incident = await _scenario.ReportAsync("SY01", text: "仪表盘测试 " + Guid.NewGuid().ToString("N")[..8]);
        var after = await supervisor.GetFromJsonAsync<JsonElement>(Url);

        Assert.Equal(Today(before, "received") + 1, Today(after, "received"));
        Assert.Equal(Today(before, "open") + 1, Today(after, "open"));
        // Newest first: nothing in the list is older than what was just reported, unless it is the list's end.
        var latest = after.GetProperty("latest");
        Assert.InRange(latest.GetArrayLength(), 1, 10);
        Assert.True(latest[0].GetProperty("reportedAt").GetDateTimeOffset() >= incident.ReportedAt);
        Assert.Contains(after.GetProperty("markers").EnumerateArray(), m => m.GetProperty("id").GetGuid() == incident.Id);
        var trend = after.GetProperty("trend");
        Assert.Equal(30, trend.GetArrayLength());
        Assert.Equal(trend[29].GetProperty("received").GetInt32(), Today(after, "received"));
        Assert.Contains(after.GetProperty("topMatters").EnumerateArray(), m => m.GetProperty("matterCode").GetString() == "SY01");
    }

    [Fact]
    public async Task Dashboard_AfterAClosing_CountsItClosedForItsDepartment()
    {
        var supervisor = app.Cast.As("supervisor.city");
        var before = await supervisor.GetFromJsonAsync<JsonElement>(Url);

        var incident = await _scenario.InStatusAsync(IncidentStatus.Closed);
        var after = await supervisor.GetFromJsonAsync<JsonElement>(Url);

        Assert.Equal(Today(before, "closed") + 1, Today(after, "closed"));
        var lead = incident.Assignments.First(a => a.Role == AssignmentRole.Lead).DepartmentCode;
        var department = after.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentCode").GetString() == lead);
        Assert.Equal(Closed(before, lead) + 1, department.GetProperty("closed").GetInt32());
        Assert.InRange(department.GetProperty("onTimeRate").GetDouble(), 0, 1);
        Assert.DoesNotContain(after.GetProperty("markers").EnumerateArray(), m => m.GetProperty("id").GetGuid() == incident.Id);
    }

    [Fact]
    public async Task Dashboard_Figures_AreTheIndicatorsOfTheCallersRegion()
    {
        var commander = app.Cast.As("supervisor.city");
        await _scenario.InStatusAsync(IncidentStatus.Closed);

        var dashboard = await commander.GetFromJsonAsync<JsonElement>(Url);
        var trend = dashboard.GetProperty("trend");
        var (first, today) = (trend[0].GetProperty("date").GetString(), trend[29].GetProperty("date").GetString());
        var todays = (await commander.GetFromJsonAsync<JsonElement>($"/api/v1/analysis/indicators?groupBy=channel&from={today}&to={today}"))
            .GetProperty("total");
        Assert.Equal(todays.GetProperty("received").GetInt32(), Today(dashboard, "received"));
        Assert.Equal(todays.GetProperty("dispatched").GetInt32(), Today(dashboard, "dispatched"));
        Assert.Equal(todays.GetProperty("closed").GetInt32(), Today(dashboard, "closed"));
        // Overdue is the open work past its handle clock's due now.
        Assert.Equal(todays.GetProperty("openOverdue").GetInt32(), Today(dashboard, "overdue"));

        var days = (await commander.GetFromJsonAsync<JsonElement>($"/api/v1/analysis/trend?from={first}&to={today}")).GetProperty("days");
        Assert.Equal(days.EnumerateArray().Select(d => (d.GetProperty("received").GetInt32(), d.GetProperty("closed").GetInt32())),
            trend.EnumerateArray().Select(d => (d.GetProperty("received").GetInt32(), d.GetProperty("closed").GetInt32())));

        // Each department's on-time rate is the indicator's: open overdue work counts against it.
        var rows = (await commander.GetFromJsonAsync<JsonElement>($"/api/v1/analysis/indicators?groupBy=department&from={first}&to={today}"))
            .GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        var departments = dashboard.GetProperty("departments").EnumerateArray().ToList();
        Assert.NotEmpty(departments);
        foreach (var department in departments)
        {
            var row = rows[department.GetProperty("departmentCode").GetString()!];
            Assert.Equal(row.GetProperty("closed").GetInt32(), department.GetProperty("closed").GetInt32());
            Assert.Equal(row.GetProperty("openOverdue").GetInt32(), department.GetProperty("openOverdue").GetInt32());
            Assert.Equal(Math.Round(row.GetProperty("onTimeRate").GetDouble(), 4), department.GetProperty("onTimeRate").GetDouble());
        }
        // A department with nothing closed and nothing overdue has no rate, and is not ranked.
        Assert.DoesNotContain(departments, d => rows[d.GetProperty("departmentCode").GetString()!].GetProperty("onTimeRate").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Dashboard_ForADepartmentOfficer_IsForbidden()
    {
        var officer = app.Cast.As("officer.nanxun.sl");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_Anonymous_IsUnauthorized()
    {
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url)).StatusCode);
    }

    private static int Today(JsonElement dashboard, string count) => dashboard.GetProperty("today").GetProperty(count).GetInt32();

    private static int Closed(JsonElement dashboard, string department) =>
        dashboard.GetProperty("departments").EnumerateArray().Where(d => d.GetProperty("departmentCode").GetString() == department)
            .Select(d => d.GetProperty("closed").GetInt32()).FirstOrDefault();
}
