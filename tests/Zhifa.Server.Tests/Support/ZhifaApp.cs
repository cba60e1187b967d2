using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Tests.Support;

/// <summary>
/// The real server over a real database (see <see cref="TestDatabase"/>), with a fake clock that
/// starts on a Friday morning in Huzhou. Shared by the tests of the "api" collection.
/// </summary>
public sealed class ZhifaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8));

    private TestDatabase? _database;
    private Features.Triage.ClassifierModel? _shippedModel;

    /// <summary>
    /// Puts the model trained on the shipped examples back in use. A test that retrains the shared
    /// server's classifier calls it after: a model learnt from the suite's own dispatches would place
    /// the vague texts other tests rely on staying unplaced.
    /// </summary>
    public void RestoreShippedClassifier() =>
        Services.GetRequiredService<Features.Triage.ClueClassifier>().Use(_shippedModel ?? throw new InvalidOperationException("Not initialised."));

    public ZhifaApp() => Cast = new Cast(this);

    /// <summary>Who the tests act as: demo users, officers made on demand, channel keys.</summary>
    public Cast Cast { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Building the client starts the host, which migrates and seeds before it answers.
        using var client = CreateClient();
        // The demo cast (as Development seeds it), so tests can act as the right people.
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedDemoUsersAsync();
        await scope.ServiceProvider.GetRequiredService<global::Zhifa.Server.Data.Seeding.DemoOfficers>().SeedAsync(CancellationToken.None);
        // Intake classifies clues without a matter once the model is in; tests see it in from the start.
        var classifier = Services.GetRequiredService<Features.Triage.ClueClassifier>();
        await classifier.Ready;
        _shippedModel = classifier.Model;
    }

    /// <summary>What the notification centre handed to external channels, beside the shipped logging senders.</summary>
    public Notifications.RecordingSenders Outbound { get; } = new();

    /// <summary>The notification feature's log entries, as the host's logging wrote them.</summary>
    public Notifications.RecordingLogs NotificationLogs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Configure(builder, Database, Time);
        builder.ConfigureServices(services =>
        {
            foreach (var sender in Outbound.All)
                services.AddSingleton(sender);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(NotificationLogs);
        });
    }

    /// <summary>
    /// A test server on <paramref name="database"/> with the fake clock; shared by every server a test
    /// starts. The whole suite signs in and reports from one address, so its rate limits are lifted
    /// unless a test asks for a limit (<paramref name="perMinute"/>) to try.
    /// </summary>
    public static void Configure(IWebHostBuilder builder, TestDatabase database, TimeProvider time, int perMinute = 1_000_000)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("RateLimits:SignInPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:IntakePerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:Open311ReadPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Feedback tests drive the sender themselves; a worker on the shared clock would race them.
        builder.UseSetting("Feedback:WorkerEnabled", "false");
        // Likewise supervision: tests run its sweeps at the moments they choose.
        builder.UseSetting("Supervision:WorkerEnabled", "false");
        // And the consultation scheduler: its tests run its passes on the days they choose.
        builder.UseSetting("Consultations:SchedulerEnabled", "false");
        // And the analysis packs' schedule, which would make every centre's packs at each server's start.
        builder.UseSetting("Packs:SchedulerEnabled", "false");
        // And the queue sampler; the metrics tests sample when they choose, and read every scrape fresh.
        builder.UseSetting("Observability:SamplerEnabled", "false");
        builder.UseSetting("Observability:ScrapeCacheMilliseconds", "0");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Zhifa", database.ConnectionString);
        builder.UseSetting("Media:Root", database.MediaRoot);
        builder.UseSetting("Triage:Classifier:ModelPath", database.ClassifierModelPath);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(time);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ZhifaApp>
{
    public const string Name = "api";
}
