using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Coordination.DutyApi;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>
/// The duty roster over HTTP: who is on duty either side of the hand-over, swaps, hand-over notes, bad
/// input and who may edit which centre's roster. The rosters are 南浔区's 旧馆 centre's, which no other test uses.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DutyRosterTests(ZhifaApp app)
{
    private const string Center = "330503107-ZHZX";
    private const string Changxing = "330522-ZHZX";

    [Fact]
    public async Task Duty_EitherSideOfTheHandOver_NamesTheCommanderOfEachShift()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(8, 0)).DateTime);
        var (first, second) = (await app.CommanderAsync(Center), await app.CommanderAsync(Center));
        await app.PlanAsync(Center, monday, first.Name, second.Name);
        var reader = app.Cast.As("dispatcher.city");

        var beforeFirstShift = await (await reader.GetAsync(Duty(Center))).ReadAsync<DutyView>();
        app.MoveTo(Beijing(monday, 8, 30));
        var firstShift = await (await reader.GetAsync(Duty(Center))).ReadAsync<DutyView>();
        app.MoveTo(Beijing(monday.AddDays(1), 8, 29));
        var nightAfter = await (await reader.GetAsync(Duty(Center))).ReadAsync<DutyView>();
        app.MoveTo(Beijing(monday.AddDays(1), 8, 30));
        var secondShift = await (await reader.GetAsync(Duty(Center))).ReadAsync<DutyView>();

        Assert.Null(beforeFirstShift.DutyCommander);
        Assert.Equal((monday, first.Name), (firstShift.Date, firstShift.DutyCommander?.UserName));
        Assert.Equal((monday, first.Name), (nightAfter.Date, nightAfter.DutyCommander?.UserName));
        Assert.Equal((monday.AddDays(1), second.Name), (secondShift.Date, secondShift.DutyCommander?.UserName));
        Assert.Equal($"测试{Role.DutyCommander}", secondShift.DutyCommander!.DisplayName);
        var asked = await (await reader.GetAsync(Duty(Center, $"?at={monday:yyyy-MM-dd}T09:00:00%2B08:00"))).ReadAsync<DutyView>();
        Assert.Equal(first.Name, asked.DutyCommander?.UserName);
    }

    [Fact]
    public async Task Duty_OfAnUnknownCentreOrAtNoInstant_AnswersAProblem()
    {
        var reader = app.Cast.As("officer.nanxun.nync");

        await ProblemAssert.IsProblemAsync(await reader.GetAsync(Duty("999999-ZHZX")), HttpStatusCode.NotFound, "command_center.not_found");
        await ProblemAssert.NamesFieldAsync(await reader.GetAsync(Duty(Center, "?at=yesterday")), "at");
        await ProblemAssert.NamesFieldAsync(await reader.GetAsync(Roster(Center, "?from=2026-12-10&to=2026-12-01")), "to");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(Duty(Changxing))).StatusCode);
    }

    [Fact]
    public async Task Roster_WithASwap_GivesThatDayOnlyToTheOtherCommander()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var (first, second, stand_in) = (await app.CommanderAsync(Center), await app.CommanderAsync(Center), await app.CommanderAsync(Center));
        await app.PlanAsync(Center, monday, first.Name, second.Name);

        var swapped = await second.Client.PostJsonAsync(Swaps(Center), new { date = $"{monday.AddDays(1):yyyy-MM-dd}", userName = stand_in.Name, reason = "家中有事" });

        Assert.Equal(HttpStatusCode.Created, swapped.StatusCode);
        var roster = await (await first.Client.GetAsync(Roster(Center, $"?from={monday:yyyy-MM-dd}&to={monday.AddDays(3):yyyy-MM-dd}"))).ReadAsync<RosterView>();
        Assert.Equal([first.Name, stand_in.Name, first.Name, second.Name], roster.Days.Select(d => d.DutyCommander?.UserName));
        Assert.Equal(("家中有事", second.Name), (roster.Days[1].Swap?.Reason, roster.Days[1].Swap?.RequestedBy));
        Assert.Equal([first.Name, second.Name], roster.Pattern!.Rotation.Select(c => c.UserName));
        Assert.Equal(DutyApi.Beijing(monday, 8, 30), roster.Days[0].StartsAt);
        app.MoveTo(Beijing(monday.AddDays(2), 8, 0));
        Assert.Equal(stand_in.Name, (await (await first.Client.GetAsync(Duty(Center))).ReadAsync<DutyView>()).DutyCommander?.UserName);
    }

    [Fact]
    public async Task Swap_OfADayOverOrWithoutAReason_NamesTheFieldAndChangesNothing()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var first = await app.CommanderAsync(Center);
        await app.PlanAsync(Center, monday.AddDays(-7), first.Name);

        await ProblemAssert.NamesFieldAsync(await first.Client.PostJsonAsync(Swaps(Center), new { date = $"{monday.AddDays(-1):yyyy-MM-dd}", userName = first.Name, reason = "补登" }), "date");
        await ProblemAssert.NamesFieldAsync(await first.Client.PostJsonAsync(Swaps(Center), new { date = $"{monday:yyyy-MM-dd}", userName = first.Name, reason = " " }), "reason");
        await ProblemAssert.NamesFieldAsync(await first.Client.PostJsonAsync(Swaps(Center), new { date = $"{monday:yyyy-MM-dd}", userName = "dispatcher.nanxun", reason = "调班" }), "userName");

        var roster = await (await first.Client.GetAsync(Roster(Center))).ReadAsync<RosterView>();
        Assert.All(roster.Days, d => Assert.Null(d.Swap));
    }

    [Fact]
    public async Task Plan_WithBadInput_NamesEachFieldAndChangesNothing()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var first = await app.CommanderAsync(Center);
        var elsewhere = await app.CommanderAsync(Changxing);
        await app.PlanAsync(Center, monday, first.Name);
        var admin = app.Cast.As("admin");

        var refused = await admin.PutJsonAsync(Roster(Center), new
        {
            standingCommander = elsewhere.Name, rotation = new[] { first.Name, "dispatcher.nanxun", "nobody.here" },
            startDate = "next monday", shiftDays = 0, handOverTime = "25:00",
        });

        var errors = (await ProblemAssert.NamesFieldAsync(refused, "rotation[1]")).GetProperty("errors");
        foreach (var field in new[] { "standingCommander", "rotation[2]", "startDate", "shiftDays", "handOverTime" })
            Assert.True(errors.TryGetProperty(field, out _), $"errors do not name {field}: {errors}");
        Assert.False(errors.TryGetProperty("rotation[0]", out _));
        await ProblemAssert.NamesFieldAsync(await admin.PutJsonAsync(Roster(Center), new { startDate = "2026-12-01" }), "rotation");
        var roster = await (await admin.GetAsync(Roster(Center))).ReadAsync<RosterView>();
        Assert.Equal([first.Name], roster.Pattern!.Rotation.Select(c => c.UserName));
        Assert.Equal((1, new TimeOnly(8, 30)), (roster.Pattern.ShiftDays, roster.Pattern.HandOverTime));
    }

    [Fact]
    public async Task Plan_ByACommander_ReachesTheirCentreAndThoseBelowOnly()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var county = app.Cast.As("commander.nanxun");
        var township = await app.CommanderAsync(Center);
        object Plan(string name) => new { standingCommander = name, rotation = new[] { name }, startDate = $"{monday:yyyy-MM-dd}", shiftDays = 2, handOverTime = "09:00" };

        var below = await county.PutJsonAsync(Roster(Center), Plan("commander.nanxun"));
        var changxing = await county.PutJsonAsync(Roster(Changxing), Plan("commander.nanxun"));
        var above = await township.Client.PutJsonAsync(Roster("330503-ZHZX"), Plan(township.Name));
        var swapElsewhere = await county.PostJsonAsync(Swaps(Changxing), new { date = $"{monday:yyyy-MM-dd}", userName = "commander.nanxun", reason = "支援" });

        Assert.Equal(HttpStatusCode.OK, below.StatusCode);
        var planned = await below.ReadAsync<RosterView>();
        Assert.Equal(("commander.nanxun", 2, new TimeOnly(9, 0)), (planned.StandingCommander?.UserName, planned.Pattern!.ShiftDays, planned.Pattern.HandOverTime));
        await ProblemAssert.IsProblemAsync(changxing, HttpStatusCode.Forbidden, "roster.forbidden");
        await ProblemAssert.IsProblemAsync(above, HttpStatusCode.Forbidden, "roster.forbidden");
        await ProblemAssert.IsProblemAsync(swapElsewhere, HttpStatusCode.Forbidden, "roster.forbidden");
        var untouched = await (await county.GetAsync(Roster(Changxing))).ReadAsync<RosterView>();
        Assert.Null(untouched.Pattern);
    }

    [Fact]
    public async Task Handover_ByTheCommanderOnDuty_IsTheNextOnesLatestNote()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        var (first, second) = (await app.CommanderAsync(Center), await app.CommanderAsync(Center));
        await app.PlanAsync(Center, monday, first.Name, second.Name);
        app.MoveTo(Beijing(monday.AddDays(1), 8, 20));

        var early = await second.Client.PostJsonAsync(Handovers(Center), new { note = "抢先交班" });
        var empty = await first.Client.PostJsonAsync(Handovers(Center), new { note = "" });
        var handed = await first.Client.PostJsonAsync(Handovers(Center), new { note = "和孚镇河道排污案待复核" });
        app.MoveTo(Beijing(monday.AddDays(1), 8, 31));
        var duty = await (await second.Client.GetAsync(Duty(Center))).ReadAsync<DutyView>();

        await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Forbidden, "handover.not_on_duty");
        await ProblemAssert.NamesFieldAsync(empty, "note");
        Assert.Equal(HttpStatusCode.Created, handed.StatusCode);
        var note = await handed.ReadAsync<HandoverView>();
        Assert.Equal((first.Name, second.Name, monday), (note.From.UserName, note.To?.UserName, note.DutyDate));
        Assert.Equal((second.Name, "和孚镇河道排污案待复核", first.Name), (duty.DutyCommander?.UserName, duty.LatestHandover?.Note, duty.LatestHandover?.From.UserName));
        var listed = await (await app.Cast.As("dispatcher.city").GetAsync(Handovers(Center))).ReadAsync<List<HandoverView>>();
        Assert.Equal(note.Id, listed[0].Id);
        Assert.DoesNotContain(listed, h => h.Note == "抢先交班");

        // Who is on duty is public; what they handed over is the centre's and those above it.
        var elsewhere = app.Cast.As(await app.Cast.MakeAsync(Role.Dispatcher, centerCode: Changxing), Auth.AuthApi.TestPassword);
        var seenElsewhere = await (await elsewhere.GetAsync(Duty(Center))).ReadAsync<DutyView>();
        Assert.Equal((second.Name, null), (seenElsewhere.DutyCommander?.UserName, seenElsewhere.LatestHandover));
        await ProblemAssert.IsProblemAsync(await elsewhere.GetAsync(Handovers(Center)), HttpStatusCode.NotFound, "command_center.not_found");
    }

    [Fact]
    public async Task Roster_Empty_PutsNobodyOnDuty()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        await app.PlanAsync(Center, monday);

        var duty = await (await app.Cast.As("dispatcher.nanxun").GetAsync(Duty(Center))).ReadAsync<DutyView>();
        var swap = await app.Cast.As("admin").PostJsonAsync(Swaps("330503108-ZHZX"), new { date = $"{monday:yyyy-MM-dd}", userName = "commander.nanxun", reason = "支援" });

        Assert.Equal((monday, (CommanderView?)null), (duty.Date, duty.DutyCommander));
        await ProblemAssert.IsProblemAsync(swap, HttpStatusCode.Conflict, "roster.not_planned");
    }

    [Fact]
    public async Task DemoRosters_AsDevelopmentSeedsThem_RotateTheTwoDemoCommandersOfEachCentre()
    {
        var monday = DateOnly.FromDateTime(app.NextMonday(new TimeOnly(9, 0)).DateTime);
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                // The seed leaves a roster already there alone: other tests of the collection set these centres' rosters.
                var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
                await db.DutyRosters.Where(r => r.CenterCode == "330503-ZHZX" || r.CenterCode == "330500-ZHZX").ExecuteDeleteAsync();
                await DutyRosterSeed.SeedAsync(db, app.Time, CancellationToken.None);
            }
            var reader = app.Cast.As("dispatcher.nanxun");

            var today = await (await reader.GetAsync(Duty("330503-ZHZX"))).ReadAsync<DutyView>();
            var city = await (await reader.GetAsync(Duty("330500-ZHZX", $"?at={monday.AddDays(1):yyyy-MM-dd}T09:00:00"))).ReadAsync<DutyView>();

            Assert.Equal(("commander.nanxun", "南浔区值班指挥长", "commander.nanxun"),
                (today.StandingCommander?.UserName, today.StandingCommander?.DisplayName, today.DutyCommander?.UserName));
            Assert.Equal(("commander.city", "commander.city.b"), (city.StandingCommander?.UserName, city.DutyCommander?.UserName));
        }
        finally
        {
            await app.PlanAsync("330503-ZHZX", monday);
            await app.PlanAsync("330500-ZHZX", monday);
        }
    }
}
