using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Time;
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
    /// <summary>Moves the clock to the next Monday after now, at <paramref name="time"/> in Huzhou.</summary>
    public static DateTimeOffset NextMonday(this ZhifaApp app, TimeOnly time)
    {
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 is var d && d == 0 ? 7 : d);
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
