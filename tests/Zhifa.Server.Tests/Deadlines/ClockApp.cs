using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Supervision;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Deadlines;

/// <summary>
/// Tests that move the clock by days get a server of their own: on the shared one, sign-ins, retry
/// schedules and duplicate windows of other tests would move with it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClockCollection : ICollectionFixture<ZhifaApp>
{
    public const string Name = "clock";
}

internal static class ClockSteps
{
    /// <summary>
    /// Moves the clock to the next Monday after now that starts two ordinary weeks (no holiday, no
    /// adjusted working day), at <paramref name="time"/> in Huzhou: the tests count days from it plainly.
    /// Each test moves the shared clock on, so the collection walks through the holidays of a year.
    /// </summary>
    public static DateTimeOffset NextMonday(this ZhifaApp app, TimeOnly time)
    {
        var calendar = app.Services.GetRequiredService<Clocks>().Calendar;
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is var d && d == 0 ? 7 : d);
        while (!Enumerable.Range(0, 14).Select(monday.AddDays)
                   .All(day => calendar.IsWorkingDay(day) == day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            monday = monday.AddDays(7);
        var at = new DateTimeOffset(monday.ToDateTime(time), TimeSpan.FromHours(8));
        app.Time.SetUtcNow(at);
        return at;
    }

    public static void MoveTo(this ZhifaApp app, DateTimeOffset at) => app.Time.SetUtcNow(at);

    /// <summary>Runs the supervision worker's passes until nothing more is due, as the worker would.</summary>
    public static async Task SuperviseAsync(this ZhifaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<SupervisionSweep>();
        while (await sweep.RunAsync(CancellationToken.None) > 0)
        {
        }
    }

    public static DeadlineView Open(this IncidentDetail incident, string kind) =>
        incident.Deadlines.Single(d => d.EndedAt is null && d.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase));
}
