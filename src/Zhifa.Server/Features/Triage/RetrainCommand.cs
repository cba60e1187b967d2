using System.Globalization;

namespace Zhifa.Server.Features.Triage;

/// <summary>
/// <c>dotnet run --project src/Zhifa.Server -- retrain</c>: retrains the classifier from the shipped
/// examples and the dispatchers' decisions in the database, and writes this node's model file. A
/// server already running on the same data folder keeps its model until it restarts; to change a
/// running node's model, call <c>POST /api/v1/triage/retrain</c> on it.
/// </summary>
internal static class RetrainCommand
{
    public const string Name = "retrain";

    public static async Task<int> RunAsync(WebApplication app)
    {
        // The decisions are read from the database, which may not be migrated yet.
        await Data.StartupInitializer.RunOnceAsync(app.Services);
        var retraining = app.Services.GetRequiredService<ClassifierRetraining>();
        var report = await retraining.RetrainAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Retrained on {report.Examples} examples ({report.ShippedExamples} shipped, {report.DecidedExamples} decided by dispatchers) in {report.ElapsedMilliseconds} ms."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Held out: {report.HeldOut.Examples} shipped examples, top-1 {report.HeldOut.Top1:0.000}, top-3 {report.HeldOut.Top3:0.000}."));
        Console.WriteLine($"Model: {retraining.ModelFile}");
        return 0;
    }
}
