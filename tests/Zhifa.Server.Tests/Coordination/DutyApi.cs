using Zhifa.Core.Organization;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

internal static class DutyApi
{
    public static string Duty(string center, string query = "") => $"/api/v1/command-centers/{center}/duty{query}";
    public static string Roster(string center, string query = "") => $"/api/v1/command-centers/{center}/roster{query}";
    public static string Swaps(string center) => $"/api/v1/command-centers/{center}/roster/swaps";
    public static string Handovers(string center) => $"/api/v1/command-centers/{center}/handovers";

    /// <summary>A new duty commander at <paramref name="center"/>: their user name and client.</summary>
    public static async Task<(string Name, HttpClient Client)> CommanderAsync(this ZhifaApp app, string center)
    {
        var name = await app.Cast.MakeAsync(Role.DutyCommander, center, totpKey: AuthApi.DemoTotpKey);
        return (name, app.Cast.As(name, AuthApi.TestPassword, AuthApi.DemoTotpKey));
    }

    /// <summary>A rotation of <paramref name="rotation"/> from <paramref name="start"/>, one-day shifts handed over at 08:30, set by the admin.</summary>
    public static async Task PlanAsync(this ZhifaApp app, string center, DateOnly start, params string[] rotation)
    {
        using var response = await app.Cast.As("admin").PutJsonAsync(Roster(center),
            new { standingCommander = (string?)null, rotation, startDate = start.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static DateTimeOffset Beijing(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));
}
