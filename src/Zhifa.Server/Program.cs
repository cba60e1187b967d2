using Scalar.AspNetCore;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Dashboard;
using Zhifa.Server;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Disputes;
using Zhifa.Server.Features.Supervision;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Feedback;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Media;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Features.Open311;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Features.Users;
using Zhifa.Server.Health;
using Zhifa.Server.Observability;
using Zhifa.Server.Operations;
using Zhifa.Server.Ui;

// The SQLite database lives under the content root; watching that tree for appsettings changes
// would wake a thread on every write to the database's WAL.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

// JSON requests are small; the media upload raises the limit for its own requests (Media:MaxBytes).
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = builder.Configuration.GetValue("RequestLimits:MaxBodyBytes", 1_048_576L));
// The UI's files (the framework's, MudBlazor's) from the build's manifest in every environment, as
// Development does by default; a published app has them in wwwroot and the call does nothing.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddZhifaPlatform(builder.Configuration, builder.Environment);
builder.Services.AddZhifaApi();
builder.Services.AddZhifaRateLimits(builder.Configuration);
builder.Services.AddZhifaHealthChecks();
builder.Services.AddZhifaUi();
builder.Services.AddZhifaTelemetry(builder.Configuration);
builder.Services.AddZhifaProxies(builder.Configuration);

var app = builder.Build();

if (args is [AdminCommand.Name, ..])
    return await AdminCommand.RunAsync(app, args[1..]);
if (args is [RetrainCommand.Name, ..])
    return await RetrainCommand.RunAsync(app);
// Backup runs beside a live server; restore wants it stopped (docs/operations.md).
if (args is [BackupCommand.Name, ..])
    return await BackupCommand.RunAsync(app, args[1..]);
if (args is [RestoreCommand.Name, ..])
    return await RestoreCommand.RunAsync(app, args[1..]);

// First: everything after it sees the client a trusted proxy names, not the proxy.
app.UseForwardedHeaders();
app.UseZhifaMetrics();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseZhifaUiCulture();
app.UseMiddleware<AuditMiddleware>();
app.UseAuthentication();
app.UseMiddleware<SessionCheck>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
// The API's description is public; what it describes is not.
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapZhifaHealth();
app.MapZhifaMetrics();
app.MapAuthApi();
app.MapApiKeysApi();
app.MapUsersApi();
app.MapCluesApi();
app.MapIncidentsApi();
app.MapReferenceApi();
app.MapTriageApi();
app.MapAuditApi();
app.MapFeedbackApi();
app.MapMediaApi();
app.MapNoticesApi();
app.MapDisputesApi();
app.MapConsultationsApi();
app.MapActionsApi();
app.MapDashboardApi();
app.MapIndicatorApi();
app.MapTrendApi();
app.MapCalendarApi();
app.MapInboxApi();
app.MapOfficersApi();
app.MapDutyApi();
app.MapOpen311Api();
app.MapHotspotApi();
app.MapAssessmentApi();
app.MapPackApi();
app.MapZhifaUi();

app.Run();
return 0;

public partial class Program;
