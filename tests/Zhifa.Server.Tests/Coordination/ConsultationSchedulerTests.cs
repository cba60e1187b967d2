using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>The scheduler proposes each county and city centre's 周研判 on Monday morning and 月会商 on the month's first working day, once.</summary>
[Collection(ClockCollection.Name)]
public sealed class ConsultationSchedulerTests(ZhifaApp app)
{
    private const string Nanxun = "330503-ZHZX";

    [Fact]
    public async Task OnMondayMorning_EachCountyCentreGetsOneWeeklyConsultation_WithTheAgendaOfThatMoment()
    {
        var monday = app.NextMonday(new TimeOnly(7, 0));
        var disputed = await new Scenario(app).InStatusAsync(IncidentStatus.Disputed);
        var (period, topic) = AgendaProposals.Naming(ConsultationKind.Weekly, monday);

        Assert.Equal(0, await RunAsync());
        Assert.Null(await WeeklyAsync(Nanxun, period));

        app.MoveTo(monday.AddHours(1.5));
        var made = await RunAsync();
        var again = await RunAsync();

        Assert.True(made >= 2, $"only {made} proposed");
        Assert.Equal(0, again);
        var weekly = (await WeeklyAsync(Nanxun, period))!;
        Assert.Equal((topic, ConsultationSchedule.Actor), (weekly.Topic, weekly.CreatedBy));
        Assert.Contains(weekly.Agenda, a => a.IncidentId == disputed.Id && a.Section == AgendaSection.Dispute);
        Assert.Contains(disputed.Assignments[0].DepartmentCode, weekly.InvitedDepartmentCodes);
        Assert.NotNull(await WeeklyAsync("330522-ZHZX", period));
        Assert.NotNull(await WeeklyAsync("330500-ZHZX", period));
        Assert.Null(await WeeklyAsync("330503106-ZHZX", period));
    }

    [Fact]
    public async Task OnTheFirstWorkingDayOfTheMonth_EachCountyCentreGetsOneMonthlyConsultation()
    {
        var calendar = app.Services.GetRequiredService<Clocks>().Calendar;
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        while (!calendar.IsWorkingDay(first))
            first = first.AddDays(1);
        var dayBefore = new DateTimeOffset(first.AddDays(-1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
        var morning = new DateTimeOffset(first.ToDateTime(new TimeOnly(8, 30)), TimeSpan.FromHours(8));
        var period = AgendaProposals.Naming(ConsultationKind.Monthly, morning).Period;

        app.MoveTo(dayBefore);
        await RunAsync();
        Assert.Null(await OfAsync(Nanxun, ConsultationKind.Monthly, period));
        app.MoveTo(morning);
        await RunAsync();
        await RunAsync();

        var monthly = await OfAsync(Nanxun, ConsultationKind.Monthly, period);
        Assert.NotNull(monthly);
        Assert.Equal(first, PlatformTime.LocalDate(monthly.ScheduledAt));
        Assert.True(ConsultationSchedule.IsFirstWorkingDayOfMonth(first, calendar));
        Assert.False(ConsultationSchedule.IsFirstWorkingDayOfMonth(first.AddDays(1), calendar));
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsultationSchedule>().RunAsync(CancellationToken.None);
    }

    private Task<Consultation?> WeeklyAsync(string center, string period) => OfAsync(center, ConsultationKind.Weekly, period);

    private async Task<Consultation?> OfAsync(string center, ConsultationKind kind, string period)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.CenterCode == center && c.Kind == kind && c.Period == period);
    }
}
