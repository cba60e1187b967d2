using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Privacy;

/// <summary>Reporters' names and phones: sealed at rest, whole only for the handling centre's dispatchers.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReporterPrivacyTests(ZhifaApp app)
{
    private const string Name = "张三丰";
    private const string Phone = "13812341234";

    [Fact]
    public async Task Reporter_WhenStored_IsNotPlainTextInTheDatabase()
    {
        var clueId = (await ReportAsync()).ClueId;

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().Clues.AsNoTracking().SingleAsync(c => c.Id == clueId);
        Assert.DoesNotContain(Phone, stored.ReporterPhone);
        Assert.DoesNotContain("1234", stored.ReporterPhone);
        Assert.DoesNotContain(Name, stored.ReporterName);
    }

    [Fact]
    public async Task Reporter_WhenReadByTheHandlingCentresDispatcher_IsShownWhole()
    {
        var accepted = await ReportAsync();

        var clue = (await DetailAsync(accepted.IncidentId, "dispatcher.nanxun")).Clues.Single();

        Assert.Equal((Name, Phone), (clue.ReporterName, clue.ReporterPhone));
    }

    [Theory]
    [InlineData("dispatcher.hefu")]
    [InlineData("analyst.city")]
    [InlineData("officer.nanxun.nync")]
    [InlineData("supervisor.city")]
    public async Task Reporter_WhenReadByAnyoneElse_IsMasked(string userName)
    {
        var accepted = await ReportAsync();

        var clue = (await DetailAsync(accepted.IncidentId, userName)).Clues.Single();

        Assert.Equal(("张**", "138****1234"), (clue.ReporterName, clue.ReporterPhone));
    }

    [Fact]
    public async Task Reporter_WhenAnActionAnswers_IsMaskedForTheDepartment()
    {
        var accepted = await ReportAsync();
        var officer = await app.DemoClientAsync("officer.nanxun.nync");

        var detail = await (await officer.PostJsonAsync($"/api/v1/incidents/{accepted.IncidentId}/accept", new { })).ReadAsync<IncidentDetail>();

        Assert.Equal("138****1234", detail.Clues.Single().ReporterPhone);
    }

    // SY01 in 和孚镇 is handled by the 南浔区 centre (330503-ZHZX).
    private async Task<ClueAccepted> ReportAsync()
    {
        var scenario = new Scenario(app);
        var at = await scenario.NextPointAsync(Scenario.Hefu);
        return await (await scenario.PostClueAsync(new
        {
            channel = "grid", text = "河道内发现地笼", matterCode = "SY01", lat = at.Lat, lon = at.Lon,
            reporterName = Name, reporterPhone = Phone,
        })).ReadAsync<ClueAccepted>();
    }

    private async Task<IncidentDetail> DetailAsync(Guid id, string userName) =>
        await (await app.Cast.As(userName).GetAsync($"/api/v1/incidents/{id}")).ReadAsync<IncidentDetail>();
}
