using System.Globalization;

namespace Zhifa.Server.Operations;

/// <summary>
/// <c>dotnet run --project src/Zhifa.Server -- restore ARCHIVE [--force]</c>, with the server stopped:
/// checks the whole archive, then replaces the configured database with its copy and puts its media
/// files back. Over a database that holds data only with <c>--force</c>.
/// </summary>
internal static class RestoreCommand
{
    public const string Name = "restore";
    private const string Force = "--force";

    public static Task<int> RunAsync(WebApplication app, string[] args) =>
        RunAsync(app.Configuration, app.Environment, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IConfiguration configuration, IHostEnvironment environment,
        string[] args, TextWriter output, TextWriter errors)
    {
        var archives = args.Where(a => a != Force).ToArray();
        if (archives is not [var archive] || archive.StartsWith('-'))
        {
            await errors.WriteLineAsync($"usage: {Name} ARCHIVE.tar.gz [{Force}]");
            return 2;
        }
        return await OperationRun.RunAsync(Name, errors, async () =>
        {
            var manifest = await new PlatformRestore(PlatformStorage.From(configuration, environment))
                .RestoreAsync(archive, args.Contains(Force), CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Restored the {manifest.Provider} database of {manifest.CreatedAt:u} (migration {manifest.MigrationId ?? "none"}) and {manifest.Files.Count - 1} media files; the next start migrates it forward if needed."));
        });
    }
}
