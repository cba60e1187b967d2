using System.Globalization;

namespace Zhifa.Server.Operations;

/// <summary>
/// <c>dotnet run --project src/Zhifa.Server -- backup ARCHIVE</c>: one archive (.tar.gz) of the
/// configured database and media folder, taken while the server may be running.
/// </summary>
internal static class BackupCommand
{
    public const string Name = "backup";

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Configuration, app.Environment, app.Services.GetRequiredService<TimeProvider>(), args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment, TimeProvider time,
        string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not [var archive] || archive.StartsWith('-'))
        {
            await errors.WriteLineAsync($"usage: {Name} ARCHIVE.tar.gz");
            return 2;
        }
        return await OperationRun.RunAsync(Name, errors, async () =>
        {
            var manifest = await new PlatformBackup(PlatformStorage.From(configuration, environment), time).CreateAsync(archive, CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up the {manifest.Provider} database (migration {manifest.MigrationId ?? "none"}) and {manifest.Files.Count - 1} media files to {Path.GetFullPath(archive)}."));
        });
    }
}
