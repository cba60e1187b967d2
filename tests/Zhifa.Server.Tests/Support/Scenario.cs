using System.Collections.Concurrent;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Tests.Support;

/// <summary>Drives incidents through the HTTP API the way the platform's users do.</summary>
public sealed class Scenario(HttpClient client)
{
    /// <summary>和孚镇, 南浔区: the township of the seed's river scenario.</summary>
    public const string Hefu = "330503106";
    public const string Nanxun = "330503";

    private static readonly ConcurrentDictionary<string, RegionView> Regions = new();

    public HttpClient Client => client;

    public async Task<RegionView> RegionAsync(string code) =>
        Regions.TryGetValue(code, out var cached) ? cached
            : Regions[code] = await (await client.GetAsync($"/api/v1/regions/{code}")).ReadAsync<RegionView>();

    /// <summary>Reports a clue at the centre of a township and answers the incident it made.</summary>
    public async Task<IncidentDetail> ReportAsync(string? matterCode = "SY01", string township = Hefu, string channel = "grid", string? text = null)
    {
        var center = (await RegionAsync(township)).Center;
        var accepted = await (await client.PostJsonAsync("/api/v1/clues", new
        {
            channel,
            text = text ?? "河道内发现地笼，疑似非法捕捞",
            matterCode,
            lat = center.Lat,
            lon = center.Lon,
        })).ReadAsync<ClueAccepted>();
        return await GetAsync(accepted.IncidentId);
    }

    public async Task<IncidentDetail> GetAsync(Guid id) =>
        await (await client.GetAsync($"/api/v1/incidents/{id}")).ReadAsync<IncidentDetail>();

    public Task<HttpResponseMessage> ActAsync(Guid id, string action, object? body = null) =>
        client.PostJsonAsync($"/api/v1/incidents/{id}/{action}", body ?? new { });

    public async Task<IncidentDetail> DoAsync(Guid id, string action, object? body = null) =>
        await (await ActAsync(id, action, body)).ReadAsync<IncidentDetail>();

    /// <summary>A new incident brought into <paramref name="status"/> through the API.</summary>
    public async Task<IncidentDetail> InStatusAsync(IncidentStatus status)
    {
        switch (status)
        {
            case IncidentStatus.Reported:
                return await ReportAsync(matterCode: null);
            case IncidentStatus.Dispatched:
                return await ReportAsync();
            case IncidentStatus.InProgress:
                return await DoAsync((await ReportAsync()).Id, "accept");
            case IncidentStatus.Suspended:
                return await DoAsync((await InStatusAsync(IncidentStatus.InProgress)).Id, "suspend", new { reason = "等待检测报告" });
            case IncidentStatus.Resolved:
                return await DoAsync((await InStatusAsync(IncidentStatus.InProgress)).Id, "resolve", new { result = "已清理" });
            case IncidentStatus.Closed:
                return await DoAsync((await InStatusAsync(IncidentStatus.Resolved)).Id, "verify", new { passed = true });
            case IncidentStatus.Rejected:
                return await DoAsync((await InStatusAsync(IncidentStatus.Reported)).Id, "reject", new { reason = "非执法事项" });
            case IncidentStatus.Merged:
                var target = await ReportAsync(matterCode: null);
                return await DoAsync((await ReportAsync(matterCode: null)).Id, "merge", new { intoIncidentId = target.Id });
            case IncidentStatus.Disputed:
                var returned = await DoAsync((await ReportAsync()).Id, "return", new { reason = "不属于本部门职责" });
                return await DoAsync(returned.Id, "dispute", new { reason = "职责不清" });
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }
}
