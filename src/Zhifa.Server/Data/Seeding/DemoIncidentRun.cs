using Zhifa.Core.Incidents;
using Zhifa.Core.Matters;
using Zhifa.Data;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// Plays one batch of demo cases through the incident's own methods, every step at its own past moment
/// and the clocks moved after it as the workflow moves them (<see cref="Incident.RunClocks"/>). Steps run
/// in time order across the batch, so a repeat is merged while its original is still open. Each next
/// step is timed against the clock the last one started: within it for work on time, past it for late
/// work. A step that would fall after now is not taken, which leaves the case open where it stands.
/// </summary>
internal sealed class DemoIncidentRun(ZhifaDbContext db, ReferenceData reference, DeadlineRules rules, DateTimeOffset now, Random random)
{
    private enum Step { Report, Reject, Merge, Dispatch, Accept, Return, Extend, Suspend, Resume, Resolve, Verify }

    private sealed class Story(DemoCase plan)
    {
        public DemoCase Plan { get; } = plan;
        public Incident Incident { get; set; } = null!;
        public Core.Matters.Route Route { get; set; } = null!;
        public bool Returned { get; set; }
        public bool Reworked { get; set; }
        public string Lead => Route.LeadDepartmentCode!;
        public string Center => Route.HandlingCenterCode;
    }

    private readonly PriorityQueue<(Story Story, Step Step), DateTimeOffset> _steps = new();
    private readonly Dictionary<int, Story> _stories = [];

    public async Task RunAsync(IReadOnlyList<DemoCase> cases, CancellationToken ct)
    {
        foreach (var plan in cases)
        {
            var story = _stories[plan.Index] = new Story(plan);
            _steps.Enqueue((story, Step.Report), plan.ReportedAt);
        }
        while (_steps.TryDequeue(out var next, out var at))
        {
            if (at > now)
                continue;
            var after = next.Step == Step.Report ? await ReportAsync(next.Story, at, ct) : Take(next.Story, next.Step, at);
            if (after is { } following)
                _steps.Enqueue((next.Story, following.Step), following.At);
        }
    }

    private async Task<(Step Step, DateTimeOffset At)?> ReportAsync(Story story, DateTimeOffset at, CancellationToken ct)
    {
        var plan = story.Plan;
        story.Route = reference.Router.Route(plan.Matter, plan.Place.Location);
        var clue = new Clue
        {
            Id = Guid.CreateVersion7(at), Channel = plan.Channel, Text = DemoTexts.Report(plan), MatterCode = plan.Matter?.Code,
            Lat = plan.Lat, Lon = plan.Lon, Address = $"{plan.Place.GridName}附近", OccurredAt = at - TimeSpan.FromMinutes(random.Next(5, 90)), ReceivedAt = at,
        };
        var number = await IncidentNumbers.NextAsync(db, plan.Place.CountyCode, at, ct);
        var placement = new Placement(plan.Matter, plan.Place.Location, story.Route.HandlingCenterCode);
        var incident = story.Incident = Incident.Report(Guid.CreateVersion7(at), number, clue, placement, plan.Channel, at);
        db.Incidents.Add(incident);
        if (plan.Fate == DemoFate.Rejected)
            return (Step.Reject, at + Minutes(30, 8 * 60));
        if (plan.DuplicateOf is { } original)
        {
            // Intake's duplicate check was unsure: it names the original, and a dispatcher merges.
            var target = _stories[original].Incident;
            var distance = new Core.Geo.GeoPoint(plan.Lat, plan.Lon).DistanceMeters(new Core.Geo.GeoPoint(target.Lat, target.Lon));
            incident.SuggestDuplicates([(target.Id, target.Number, distance, 0.6)]);
            return (Step.Merge, at + Minutes(15, 180));
        }
        // No department found for it: it waits in the centre's queue, as intake leaves such a report.
        if (!story.Route.DispatchesAtOnce)
            return null;
        return Dispatch(story, IntakeService.RouterActor, at, null);
    }

    private (Step Step, DateTimeOffset At)? Take(Story story, Step step, DateTimeOffset at)
    {
        var incident = story.Incident;
        switch (step)
        {
            case Step.Reject:
                return Ended(story, IncidentAction.Reject, at, () => incident.Reject("经核实不属于行政执法事项，已告知反映人", story.Center, at));
            case Step.Merge:
                var target = _stories[story.Plan.DuplicateOf!.Value].Incident;
                // The original may have closed before a dispatcher looked: the repeat is then turned away.
                return IncidentLifecycle.IsOpen(target.Status)
                    ? Ended(story, IncidentAction.Merge, at, () => incident.MergeInto(target, story.Center, at))
                    : Ended(story, IncidentAction.Reject, at, () => incident.Reject($"重复反映，原件 {target.Number} 已办结", story.Center, at));
            case Step.Dispatch:
                return Dispatch(story, story.Center, at, $"经研判仍由 {story.Lead} 牵头办理");
            case Step.Return:
                incident.Return("经核实不属于本单位职责，请重新研判", null, story.Lead, at);
                incident.RunClocks(IncidentAction.Return, story.Plan.Matter, rules, at);
                story.Returned = true;
                return (Step.Dispatch, at + Minutes(60, 4 * 60));
            case Step.Accept:
                return Accept(story, at);
            case Step.Extend:
                return Extend(story, at);
            case Step.Suspend:
                incident.RequestSuspension("等待检测报告", story.Lead, at);
                var suspendedAt = at + Minutes(10, 60);
                incident.Suspend("等待检测报告，暂停计时", story.Center, suspendedAt);
                incident.RunClocks(IncidentAction.Suspend, story.Plan.Matter, rules, suspendedAt);
                return (Step.Resume, suspendedAt + Minutes(24 * 60, 3 * 24 * 60));
            case Step.Resume:
                incident.Resume(story.Center, at, "检测报告已出");
                incident.RunClocks(IncidentAction.Resume, story.Plan.Matter, rules, at);
                return (Step.Resolve, Later(at, Within(incident.OpenClock(DeadlineKind.Handle)!, 0.3, 0.9)));
            case Step.Resolve:
                return Resolve(story, at);
            case Step.Verify:
                return Verify(story, at);
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private (Step, DateTimeOffset)? Dispatch(Story story, string actor, DateTimeOffset at, string? note)
    {
        story.Incident.Dispatch(story.Lead, story.Route.CoDepartmentCodes, null, actor, at, note);
        story.Incident.RunClocks(IncidentAction.Dispatch, story.Plan.Matter, rules, at);
        var clock = story.Incident.OpenClock(DeadlineKind.Accept)!;
        return story.Plan.Fate switch
        {
            DemoFate.Unaccepted => null,
            DemoFate.Returned when !story.Returned => (Step.Return, Within(clock, 0.2, 0.8)),
            _ => (Step.Accept, Within(clock, 0.05, 0.7)),
        };
    }

    private (Step, DateTimeOffset)? Accept(Story story, DateTimeOffset at)
    {
        var incident = story.Incident;
        incident.Accept(story.Lead, at, "已签收");
        foreach (var co in incident.Assignments.Where(a => a.Role == AssignmentRole.Co && a.Status == AssignmentStatus.Dispatched).ToList())
            incident.AcceptCoAssignment(co.DepartmentCode, co.DepartmentCode, at, "协办签收");
        incident.RunClocks(IncidentAction.Accept, story.Plan.Matter, rules, at);
        var handle = incident.OpenClock(DeadlineKind.Handle)!;
        return story.Plan.Fate switch
        {
            DemoFate.Stalled => null,
            DemoFate.Extended => (Step.Extend, Within(handle, 0.3, 0.6)),
            DemoFate.Suspended => (Step.Suspend, Within(handle, 0.2, 0.5)),
            _ => (Step.Resolve, ResolveTime(story, handle, at)),
        };
    }

    /// <summary>The department asks for twice the limit, and the centre approves it half an hour later.</summary>
    private (Step, DateTimeOffset)? Extend(Story story, DateTimeOffset at)
    {
        var handle = story.Incident.OpenClock(DeadlineKind.Handle)!;
        var request = new ExtensionRequest
        {
            Id = Guid.CreateVersion7(at), IncidentId = story.Incident.Id, Kind = DeadlineKind.Handle, CurrentLimit = handle.Limit,
            NewLimit = new TimeLimit(handle.Limit.Amount * 2, handle.Limit.Unit), Reason = "需当事人配合整改，申请延期",
            DepartmentCode = story.Lead, RequestedBy = story.Lead, RequestedAt = at,
        };
        db.ExtensionRequests.Add(request);
        var approvedAt = at + TimeSpan.FromMinutes(30);
        request.Approve(story.Incident, rules, story.Center, approvedAt, "同意延期");
        return (Step.Resolve, Later(approvedAt, Within(handle, 0.6, 0.95)));
    }

    private (Step, DateTimeOffset)? Resolve(Story story, DateTimeOffset at)
    {
        var incident = story.Incident;
        foreach (var co in incident.Assignments.Where(a => a.IsPendingCoWork).ToList())
        {
            if (co.Status == AssignmentStatus.Dispatched)
                incident.AcceptCoAssignment(co.DepartmentCode, co.DepartmentCode, at, "协办签收");
            incident.ResolveCoAssignment(co.DepartmentCode, "协办部分已完成", co.DepartmentCode, at);
        }
        incident.Resolve(DemoTexts.Result(story.Plan), story.Lead, at);
        incident.RunClocks(IncidentAction.Resolve, story.Plan.Matter, rules, at);
        return (Step.Verify, Within(incident.OpenClock(DeadlineKind.Verify)!, 0.1, 0.7));
    }

    /// <summary>Passed, except the first check of a reworked case, which sends it back under the rework clock.</summary>
    private (Step, DateTimeOffset)? Verify(Story story, DateTimeOffset at)
    {
        var incident = story.Incident;
        var passed = story.Plan.Fate != DemoFate.Reworked || story.Reworked;
        incident.Verify(passed, story.Center, at, passed ? "现场核查，已整改到位" : "现场核查，问题仍未整改到位");
        incident.RunClocks(passed ? IncidentAction.VerifyPassed : IncidentAction.VerifyFailed, story.Plan.Matter, rules, at);
        if (passed)
            return null;
        story.Reworked = true;
        return (Step.Resolve, Later(at, Within(incident.OpenClock(DeadlineKind.Handle)!, 0.2, 0.8)));
    }

    private (Step, DateTimeOffset)? Ended(Story story, IncidentAction action, DateTimeOffset at, Action act)
    {
        act();
        story.Incident.RunClocks(action, story.Plan.Matter, rules, at);
        return null;
    }

    /// <summary>Late work resolves past its handling deadline, by an hour to a few days; the rest within it.</summary>
    private DateTimeOffset ResolveTime(Story story, Deadline handle, DateTimeOffset after) =>
        Later(after, story.Plan.Fate == DemoFate.Late ? handle.DueAt + Minutes(60, 3 * 24 * 60) : Within(handle, 0.15, 0.9));

    private DateTimeOffset Within(Deadline clock, double from, double to) =>
        clock.StartedAt + (clock.DueAt - clock.StartedAt) * (from + random.NextDouble() * (to - from));

    /// <summary>A step after a pause can be timed before the step it follows; it then comes a little after that.</summary>
    private DateTimeOffset Later(DateTimeOffset after, DateTimeOffset at) => at > after ? at : after + Minutes(10, 60);

    private TimeSpan Minutes(int from, int to) => TimeSpan.FromMinutes(random.Next(from, to));
}
