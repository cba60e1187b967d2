namespace Zhifa.Server.Features.Deadlines;

public static class DeadlineServices
{
    /// <summary>The working calendar, the clocks' rules, and supervision: the worker that climbs the ladder, and notices.</summary>
    public static IServiceCollection AddZhifaDeadlines(this IServiceCollection services)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => Valid(o), "Deadlines settings are not valid: see the start-up error.").ValidateOnStart();
        services.AddSingleton<Clocks>();
        services.AddOptions<Supervision.SupervisionOptions>().BindConfiguration("Supervision");
        services.AddScoped<Supervision.SupervisionSweep>();
        services.AddHostedService<Supervision.SupervisionWorker>();
        return services;
    }

    private static bool Valid(DeadlineOptions options)
    {
        // Parsing throws with the setting named: a clearer failure than a boolean.
        options.Rules(Core.Time.WorkingCalendar.Weekdays);
        _ = new Core.Time.WorkingCalendar(options.Periods(), new Dictionary<DateOnly, bool>());
        return true;
    }
}
