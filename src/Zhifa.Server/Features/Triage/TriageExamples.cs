using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Intake;

namespace Zhifa.Server.Features.Triage;

/// <summary>A clue's text and the matter it belongs to: what the classifier learns from.</summary>
public sealed record TriageExample(string MatterCode, string Text);

/// <summary>
/// Where the classifier's examples come from: the labelled examples shipped with the seed data, and
/// the clues whose matter a dispatcher decided.
/// </summary>
public static class TriageExamples
{
    public const string ShippedFile = "triage-examples.csv";
    /// <summary>Every fourth shipped example of a matter is held out, at most this many per matter.</summary>
    public const int HeldOutPerMatter = 5;

    /// <summary>The shipped examples (<c>Data/Seed/triage-examples.csv</c>: matterCode,text), in file order.</summary>
    public static IReadOnlyList<TriageExample> LoadShipped(string? seedDirectory = null) =>
        [.. Csv.ReadRecords(Path.Combine(seedDirectory ?? Path.Combine(AppContext.BaseDirectory, "Data", "Seed"), ShippedFile))
            .Select(row => new TriageExample(row["matterCode"], row["text"]))];

    /// <summary>
    /// A stratified split that never changes: of each matter's examples in file order, the 4th, 8th, …
    /// are held out (5 of 22), so every matter is measured and the figures compare across runs.
    /// </summary>
    public static (IReadOnlyList<TriageExample> Training, IReadOnlyList<TriageExample> HeldOut) Split(IEnumerable<TriageExample> examples)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var training = new List<TriageExample>();
        var heldOut = new List<TriageExample>();
        foreach (var example in examples)
        {
            var n = seen[example.MatterCode] = seen.GetValueOrDefault(example.MatterCode) + 1;
            (n % 4 == 0 && n / 4 <= HeldOutPerMatter ? heldOut : training).Add(example);
        }
        return (training, heldOut);
    }

    /// <summary>
    /// The clues of incidents whose matter a dispatcher decided, newest first, each labelled with the
    /// incident's final matter. Decided means: a person (not the router) dispatched the incident, and
    /// its matter is not the one its first clue came with (there was none, or the dispatcher changed
    /// it). The person's dispatch is required so that a matter intake took from the classifier itself
    /// never comes back as a lesson. Rejected incidents are left out: their matter was never confirmed.
    /// </summary>
    public static async Task<IReadOnlyList<TriageExample>> DecidedAsync(ZhifaDbContext db, int max, CancellationToken ct)
    {
        var dispatch = IncidentAction.Dispatch.ApiName();
        return await (
            from i in db.Incidents.AsNoTracking()
            where i.MatterCode != null && i.Status != IncidentStatus.Rejected
                && i.Timeline.Any(t => t.Action == dispatch && t.Actor != IntakeService.RouterActor)
                && i.Clues.Any(first => !first.Joined && (first.MatterCode == null || first.MatterCode != i.MatterCode))
            from c in i.Clues
            orderby i.ReportedAt descending, c.Id
            select new TriageExample(i.MatterCode!, c.Text))
            .Take(max)
            .ToListAsync(ct);
    }
}
