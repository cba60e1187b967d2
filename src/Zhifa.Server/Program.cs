using Scalar.AspNetCore;
using Zhifa.Server.Api;
using Zhifa.Server.Data;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Health;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddZhifaDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<ReferenceData>();
builder.Services.AddScoped<ReferenceSeeder>();
builder.Services.AddHostedService<StartupInitializer>();
builder.Services.AddScoped<IntakeService>();
builder.Services.AddScoped<IncidentQueries>();
builder.Services.AddScoped<IncidentWorkflow>();
builder.Services.AddZhifaApi();
builder.Services.AddZhifaHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapZhifaHealth();
app.MapCluesApi();
app.MapIncidentsApi();
app.MapReferenceApi();

app.Run();

public partial class Program;
