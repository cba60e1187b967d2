using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Deadlines;

[Collection(ClockCollection.Name)]
public sealed class CalendarApiTests(ZhifaApp app)
{
    private HttpClient Admin => app.Cast.As("admin");

    [Fact]
    public async Task Year2026_AsShipped_HoldsTheSpringFestivalAndItsAdjustedSaturdays()
    {
        var year = await (await app.Cast.As(Cast.CityDispatcher).GetAsync("/api/v1/calendar?year=2026")).ReadAsync<CalendarYearView>();

        var days = year.Days.ToDictionary(d => d.Date);
        Assert.Equal((true, "春节调休"), (days[new DateOnly(2026, 2, 14)].Working, days[new DateOnly(2026, 2, 14)].Name));
        Assert.Equal((false, "春节"), (days[new DateOnly(2026, 2, 17)].Working, days[new DateOnly(2026, 2, 17)].Name));
        Assert.True(days[new DateOnly(2026, 2, 28)].Working);
        Assert.Equal(["08:30-12:00", "13:30-17:30"], year.WorkingHours);
        Assert.Equal(7.5, year.WorkingDayHours);
    }

    [Fact]
    public async Task PutThenDelete_ByTheAdmin_ChangesTheCalendarInUse()
    {
        var clocks = app.Services.GetRequiredService<Clocks>();
        var monday = new DateOnly(2098, 6, 2);

        var put = await (await Admin.PutJsonAsync("/api/v1/calendar/days/2098-06-02", new { working = false, name = "临时调整" })).ReadAsync<CalendarDayView>();
        var afterPut = clocks.Calendar.IsWorkingDay(monday);
        var deleted = await Admin.DeleteAsync("/api/v1/calendar/days/2098-06-02");

        Assert.Equal((false, "临时调整", false), (put.Working, put.Name, afterPut));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(clocks.Calendar.IsWorkingDay(monday));
    }

    [Theory]
    [InlineData("2026-13-01", """{"working":false,"name":"x"}""", "date")]
    [InlineData("1999-01-01", """{"working":false,"name":"x"}""", "date")]
    [InlineData("2026-05-06", """{"name":"x"}""", "working")]
    [InlineData("2026-05-06", """{"working":true}""", "name")]
    [InlineData("2026-05-06", """{"working":true,"name":"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十X"}""", "name")]
    public async Task Put_WithBadInput_NamesTheField(string date, string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.NamesFieldAsync(await Admin.PutAsync($"/api/v1/calendar/days/{date}", content), field);
    }
}
