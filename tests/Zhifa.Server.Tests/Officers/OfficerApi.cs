using Zhifa.Core.Time;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Officers;

/// <summary>Officers made through the API by the admin, with certificate periods around the tests' clock.</summary>
internal static class OfficerApi
{
    public const string OfficersUrl = "/api/v1/officers";
    public const string TeamsUrl = "/api/v1/teams";

    public static DateOnly Today(ZhifaApp app) => PlatformTime.LocalDate(app.Time.GetUtcNow());

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An officer body; <paramref name="validForDays"/> null for no certificate, negative for one that ran out.</summary>
    public static object Body(ZhifaApp app, string department, int? validForDays = 365, bool qualified = false, bool legalPost = false, string? name = null)
    {
        var today = Today(app);
        return new
        {
            name = name ?? $"测试执法员{Guid.NewGuid().ToString("N")[..4]}",
            departmentCode = department,
            certificateNumber = validForDays is null ? null : $"ZF{Guid.NewGuid().ToString("N")[..10]}",
            certificateValidFrom = validForDays is null ? null : Day(today.AddYears(-2)),
            certificateValidUntil = validForDays is { } days ? Day(today.AddDays(days)) : null,
            legalQualification = qualified,
            legalPost,
        };
    }

    public static async Task<OfficerView> CreateAsync(ZhifaApp app, string department, int? validForDays = 365, bool qualified = false, bool legalPost = false, string? name = null) =>
        await (await app.Cast.As("admin").PostJsonAsync(OfficersUrl, Body(app, department, validForDays, qualified, legalPost, name))).ReadAsync<OfficerView>();

    /// <summary>Every item of a paged list the client sees, page after page of the largest size.</summary>
    public static async Task<List<T>> AllAsync<T>(HttpClient client, string url)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var separator = url.Contains('?') ? '&' : '?';
            var list = await (await client.GetAsync($"{url}{separator}page={page}&pageSize={IncidentQuery.MaxPageSize}")).ReadAsync<PagedList<T>>();
            all.AddRange(list.Items);
            if (list.Items.Count == 0 || all.Count >= list.Total)
                return all;
        }
    }

    /// <summary>A new team of <paramref name="department"/> with <paramref name="members"/>.</summary>
    public static async Task<TeamView> TeamAsync(ZhifaApp app, string department, params Guid[] members)
    {
        var admin = app.Cast.As("admin");
        var code = $"{department}-T{Guid.NewGuid().ToString("N")[..6]}";
        await (await admin.PostJsonAsync(TeamsUrl, new { code, name = "测试中队", departmentCode = department })).ReadAsync<TeamView>();
        return await (await admin.PutJsonAsync($"{TeamsUrl}/{code}/members", new { officerIds = members })).ReadAsync<TeamView>();
    }
}
