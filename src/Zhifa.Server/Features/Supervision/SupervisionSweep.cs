using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Incidents;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Notifications;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Observability;

namespace Zhifa.Server.Features.Supervision;

/// <summary>
/// One pass of the supervision worker: every running clock whose next step has come gets it, once.
/// Each clock is taken in a transaction of its own by a conditional update of its stage (the claim):
/// of two workers that saw the same stage, the second's update finds it changed and does nothing, on
/// PostgreSQL because it waits for the first's row lock and re-reads the row, on SQLite because
/// writers take turns. The notice is written in the same transaction as the claim, and a unique index
/// on (clock, level) refuses a second notice for a step whatever happens.
/// </summary>
public sealed class SupervisionSweep(
    ZhifaDbContext db, Clocks clocks, ReferenceData reference, NotificationCenter notifications, PlatformMetrics metrics, TimeProvider time,
    ILogger<SupervisionSweep> logger)
{
    private const int Batch = 200;

    private sealed record Subject(string Number, string? CountyCode, string HandlingCenterCode, string? LeadDepartmentCode);

    /// <summary>Handles the clocks due now; answers how many it looked at (0: nothing more is due).</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Deadlines.AsNoTracking()
            .Where(d => d.EndedAt == null && d.PausedAt == null && d.NextEffectAt != null && d.NextEffectAt <= now)
            .OrderBy(d => d.NextEffectAt).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        foreach (var id in due)
            await StepAsync(id, now, ct);
        return due.Count;
    }

    private async Task StepAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var rules = clocks.Rules;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deadline = await db.Deadlines.FirstAsync(d => d.Id == id, ct);
        if (!deadline.IsOpen || deadline.IsPaused)
            return;
        var seen = deadline.Stage;
        var reached = rules.Ladder.StageReachedAt(deadline, now, rules.Calendar);
        if (reached <= seen)
        {
            // Its moments moved since it was found (an extension): only its next step is set again.
            deadline.Climb(seen, rules);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return;
        }
        var claimed = await db.Deadlines
            .Where(d => d.Id == id && d.Stage == seen && d.EndedAt == null && d.PausedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Stage, reached), ct);
        if (claimed == 0)
            return;
        var dueAt = deadline.NextEffectAt ?? now;
        deadline.Climb(reached, rules);
        var subject = await db.Incidents.AsNoTracking().Where(i => i.Id == deadline.IncidentId)
            .Select(i => new Subject(i.Number, i.CountyCode, i.HandlingCenterCode,
                i.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.Status != AssignmentStatus.Returned).Select(a => a.DepartmentCode).FirstOrDefault()))
            .FirstAsync(ct);
        // A step skipped while no worker ran (a long stop) is not issued late: the highest step stands for those below it.
        var notice = await NoticeAsync(deadline, SupervisionLadder.LevelOf(reached), subject, now, ct);
        db.SupervisionNotices.Add(notice);
        notifications.Announce(notice, reference);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            metrics.SupervisionStep(now - dueAt);
        }
        catch (DbUpdateException e)
        {
            logger.LogWarning(e, "Supervision step {Stage} of clock {Deadline} was issued elsewhere", reached, id);
            return;
        }
        await transaction.DisposeAsync();
        await notifications.DispatchExternalAsync(ct);
    }

    private async Task<SupervisionNotice> NoticeAsync(Deadline deadline, SupervisionLevel level, Subject subject, DateTimeOffset now, CancellationToken ct) => new()
    {
        Id = Guid.CreateVersion7(now),
        Number = level == SupervisionLevel.Reminder ? null : await NumberAsync(subject.CountyCode ?? reference.CityCode, now, ct),
        IncidentId = deadline.IncidentId,
        IncidentNumber = subject.Number,
        DeadlineId = deadline.Id,
        DeadlineKind = deadline.Kind,
        Level = level,
        // Verification is the centre's own work; accepting and handling the department's.
        DepartmentCode = deadline.Kind == DeadlineKind.Verify ? null : subject.LeadDepartmentCode,
        CenterCode = subject.HandlingCenterCode,
        IssuedAt = now,
        IssuedBy = SupervisionNotice.WorkerActor,
        Reason = Reason(deadline, level),
    };

    /// <summary>督办单 numbers run per county and year: DB-330503-2026-00012.</summary>
    public Task<string> NumberAsync(string countyCode, DateTimeOffset now, CancellationToken ct) => NumberFor(db, countyCode, now, ct);

    public static async Task<string> NumberFor(ZhifaDbContext db, string countyCode, DateTimeOffset now, CancellationToken ct)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"DB-{countyCode}-{PlatformTime.LocalDate(now).Year}");
        var seq = await IncidentNumbers.NextInSeriesAsync(db, prefix, ct);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{seq:00000}");
    }

    private static string Reason(Deadline d, SupervisionLevel level)
    {
        var kind = d.Kind.ToString().ToLowerInvariant();
        var due = PlatformTime.ToLocal(d.DueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return level switch
        {
            SupervisionLevel.Reminder => $"The {kind} deadline ({d.Limit}) is 80 % used; it falls due at {due}.",
            SupervisionLevel.Notice => $"The {kind} deadline ({d.Limit}) passed at {due}.",
            _ => $"Still open after the {kind} deadline ({d.Limit}) of {due}: level {(int)level} supervision.",
        };
    }
}
