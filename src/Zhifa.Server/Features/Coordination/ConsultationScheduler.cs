using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Background;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Coordination;

/// <summary><c>Consultations</c> in configuration: the scheduler that proposes the weekly and monthly consultations.</summary>
public sealed class ConsultationOptions
{
    public bool SchedulerEnabled { get; set; } = true;
    public int PollMinutes { get; set; } = 10;
    /// <summary>From when on the day (Huzhou time) the consultations of that day are proposed.</summary>
    public TimeOnly ProposeFrom { get; set; } = new(8, 0);
    /// <summary>When a proposed consultation meets, that day.</summary>
    public TimeOnly MeetAt { get; set; } = new(9, 30);
}

/// <summary>
/// Proposes each county and city centre's weekly consultation (周研判) on Monday morning and its monthly one
/// (月会商) on the first working day of the month, with the agenda of that moment. One per centre and period:
/// the period's unique index holds it when several nodes (or an organiser by hand) race for the same one.
/// </summary>
public sealed class ConsultationSchedule(ZhifaDbContext db, AgendaProposals proposals, ReferenceData reference, Clocks clocks,
    IOptions<ConsultationOptions> options, TimeProvider time, ILogger<ConsultationSchedule> logger)
{
    public const string Actor = "scheduler";

    /// <summary>Proposes what is due now; answers how many consultations it made.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = PlatformTime.ToLocal(now);
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.ProposeFrom)
            return 0;
        var today = DateOnly.FromDateTime(local.DateTime);
        var kinds = new List<ConsultationKind>();
        if (today.DayOfWeek == DayOfWeek.Monday)
            kinds.Add(ConsultationKind.Weekly);
        if (IsFirstWorkingDayOfMonth(today, clocks.Calendar))
            kinds.Add(ConsultationKind.Monthly);
        var made = 0;
        foreach (var kind in kinds)
            foreach (var center in reference.CommandCenters.Values.Where(c => c.Level is RegionLevel.City or RegionLevel.County).OrderBy(c => c.Code))
                made += await ProposeAsync(center.Code, kind, today, now, ct) ? 1 : 0;
        return made;
    }

    public static bool IsFirstWorkingDayOfMonth(DateOnly day, WorkingCalendar calendar) =>
        calendar.IsWorkingDay(day) && Enumerable.Range(1, day.Day - 1).All(d => !calendar.IsWorkingDay(new DateOnly(day.Year, day.Month, d)));

    private async Task<bool> ProposeAsync(string centerCode, ConsultationKind kind, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var (period, topic) = AgendaProposals.Naming(kind, now);
        if (await db.Consultations.AnyAsync(c => c.CenterCode == centerCode && c.Kind == kind && c.Period == period, ct))
            return false;
        var agenda = await proposals.ProposeAsync(centerCode, kind, now, ct);
        var holders = await proposals.HoldersAsync(agenda.Items().Select(i => i.IncidentId), ct);
        var (items, invited) = AgendaProposals.Fit(agenda.Items(), [], [], holders);
        var meetAt = new DateTimeOffset(today.ToDateTime(options.Value.MeetAt), PlatformTime.Zone.GetUtcOffset(today.ToDateTime(options.Value.MeetAt)));
        var consultation = Consultation.Schedule(topic, meetAt, centerCode, kind, period, invited, items, Actor, now);
        db.Consultations.Add(consultation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node, or an organiser by hand, called this period's consultation first.
            db.ChangeTracker.Clear();
            return false;
        }
        logger.LogInformation("Proposed the {Kind} consultation {Period} of {Center} with {Items} agenda items", kind, period, centerCode, items.Count);
        return true;
    }
}

/// <summary>Runs <see cref="ConsultationSchedule"/> at start and every few minutes.</summary>
public sealed class ConsultationScheduler(IServiceScopeFactory scopes, IOptions<ConsultationOptions> options, TimeProvider time, ILogger<ConsultationScheduler> logger)
    : PollingWorker(scopes, time, logger)
{
    protected override bool Enabled => options.Value.SchedulerEnabled;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PollMinutes);

    protected override Task<int> PassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ConsultationSchedule>().RunAsync(ct);
}
