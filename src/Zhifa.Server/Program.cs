using Scalar.AspNetCore;
using Zhifa.Server;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Health;

// The SQLite database lives under the content root; watching that tree for appsettings changes
// would wake a thread on every write to the database's WAL.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

builder.Services.AddZhifaPlatform(builder.Configuration, builder.Environment);
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
