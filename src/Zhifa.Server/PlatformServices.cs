using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Data;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Disputes;
using Zhifa.Server.Features.Feedback;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Features.Privacy;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Features.Triage;

namespace Zhifa.Server;

public static class PlatformServices
{
    /// <summary>
    /// Everything the platform does apart from HTTP endpoints: the database and its start-up (migrate,
    /// seed, load reference data), identity, intake, the clue classifier, the incident workflow and the media store. The server and the
    /// load run share it.
    /// </summary>
    public static IServiceCollection AddZhifaPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddZhifaDatabase(configuration, environment);
        services.AddSingleton<ReferenceData>();
        services.AddScoped<ReferenceSeeder>();
        services.AddHostedService<StartupInitializer>();
        services.AddScoped<IntakeService>();
        services.AddScoped<IndicatorService>();
        services.AddScoped<IntakeReplays>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<FeedbackOutbox>();
        services.AddScoped<FeedbackSender>();
        services.AddOptions<FeedbackOptions>().BindConfiguration("Feedback");
        services.AddHttpClient(FeedbackSender.HttpClientName);
        services.AddHostedService<FeedbackWorker>();
        services.AddOptions<DuplicateOptions>().BindConfiguration("Triage:Duplicates");
        services.AddZhifaClassifier();
        services.AddScoped<IncidentQueries>();
        services.AddScoped<IncidentWorkflow>();
        services.AddScoped<DutyRosters>();
        services.AddSingleton<IncidentChanges>();
        services.AddSingleton<OfficerScope>();
        services.AddScoped<OfficerStore>();
        services.AddScoped<OfficerRules>();
        services.AddScoped<DemoOfficers>();
        services.AddScoped<DemoIncidents>();
        services.AddZhifaDeadlines();
        services.AddZhifaDisputes();
        services.AddScoped<AgendaProposals>();
        services.AddScoped<Features.Analysis.Hotspots.HotspotReads>();
        services.AddScoped<Features.Analysis.Hotspots.DemoWarningRules>();
        services.AddScoped<Features.Analysis.Assessment.AssessmentService>();
        services.AddScoped<Features.Analysis.Assessment.AssessmentWeightStore>();
        // After the start-up initializer (registered above): the seeding needs its migration.
        services.AddHostedService<Features.Analysis.Assessment.AssessmentWeightSeeder>();
        services.AddScoped<ConsultationSchedule>();
        services.AddOptions<ConsultationOptions>().BindConfiguration("Consultations");
        services.AddHostedService<ConsultationScheduler>();
        services.AddScoped<Features.Analysis.Packs.PackBuilder>();
        services.AddScoped<Features.Analysis.Packs.PackStore>();
        services.AddScoped<Features.Analysis.Packs.PackSchedule>();
        services.AddOptions<Features.Analysis.Packs.PackOptions>().BindConfiguration("Packs");
        services.AddHostedService<Features.Analysis.Packs.PackScheduler>();
        services.AddZhifaAuth();
        services.AddZhifaMedia(configuration);
        services.AddZhifaNotifications();
        // One key ring in the database: every node and every restart can open what another sealed.
        services.AddDataProtection().SetApplicationName("Zhifa").PersistKeysToDbContext<ZhifaDbContext>();
        services.AddSingleton<PersonalData>();
        services.AddSingleton<AuditTrail>();
        return services;
    }
}
