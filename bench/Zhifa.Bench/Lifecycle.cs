using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Access;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Bench;

/// <summary>
/// One closed loop of the seed's river scenario, as the API would run it: each step in its own
/// DI scope (a request), one after the other. The steps' elapsed times add up in <see cref="Phases"/>.
/// </summary>
internal sealed class Lifecycle(IServiceProvider services, WriteCounter counter)
{
    /// <summary>Inside a grid of 和孚镇 (330503106), 南浔区: matter SY01 is dispatched at once there.</summary>
    public const double Lat = 30.805, Lon = 120.4375;

    private static readonly ClueRequest Clue = new(
        Channel: "grid", ExternalId: null, Text: "河道内发现地笼，疑似非法捕捞", MatterCode: "SY01",
        Lat: Lat, Lon: Lon, Crs: null, Address: "和孚镇 河道", ReporterName: "网格员", ReporterPhone: null,
        MediaIds: null, OccurredAt: null);

    public static readonly string[] PhaseNames = ["report+dispatch", "accept", "resolve", "verify"];

    public long[] Phases { get; } = new long[PhaseNames.Length];

    public Guid LastIncidentId { get; private set; }

    // The people of the scenario, as the server works out their jurisdictions for a request.
    private readonly Jurisdiction _officer = services.GetRequiredService<Jurisdictions>().For([Role.DepartmentOfficer], null, "330503-NYNC", null, []);
    private readonly Jurisdiction _dispatcher = services.GetRequiredService<Jurisdictions>().For([Role.Dispatcher], "330503-ZHZX", null, null, []);

    public async Task RunAsync(CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var id = LastIncidentId = await ReportAsync(ct);
        start = Lap(0, start);
        // Report and dispatch are two changes: the client's ETag is now "2".
        var version = await ActAsync(id, 2, IncidentAction.Accept, _officer, (i, now) => i.Accept("330503-NYNC", now, "已签收"), ct);
        start = Lap(1, start);
        version = await ActAsync(id, version, IncidentAction.Resolve, _officer, (i, now) => i.Resolve("现场清理地笼12个，对当事人教育劝导", "330503-NYNC", now), ct);
        start = Lap(2, start);
        await ActAsync(id, version, IncidentAction.VerifyPassed, _dispatcher, (i, now) => i.Verify(true, "330503-ZHZX", now), ct);
        Lap(3, start);
    }

    private long Lap(int phase, long start)
    {
        var now = Stopwatch.GetTimestamp();
        Phases[phase] += now - start;
        return now;
    }

    private async Task<Guid> ReportAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeService>();
        var (errors, valid) = ClueValidation.Validate(Clue, scope.ServiceProvider.GetRequiredService<ReferenceData>());
        if (errors.Any)
            throw new InvalidOperationException("The bench's clue is not valid.");
        var (answer, created) = await intake.ReportAsync(valid!, new Reporter("bench-grid-member", null), null, ct);
        if (!created || answer.Status != IncidentStatus.Dispatched)
            throw new InvalidOperationException($"The clue was not dispatched at once: {answer}.");
        // IntakeService bumps the incident-number counter with one raw upsert that EF does not track.
        counter.AddRaw("IncidentNumberCounter upsert");
        return answer.IncidentId;
    }

    /// <summary>Acts with the If-Match a client holding the previous answer sends; answers the new version.</summary>
    private async Task<int> ActAsync(Guid id, int version, IncidentAction action, Jurisdiction caller, Action<Incident, DateTimeOffset> act, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<IncidentWorkflow>();
        var outcome = await workflow.ActAsync(id, ETags.For(version), caller, action, act, ct);
        return outcome is ActionOutcome.Done done
            ? done.Incident.Version
            : throw new InvalidOperationException($"Action on {id} at version {version} failed: {outcome}.");
    }
}
