using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;

namespace Zhifa.Core.Tests.Support;

/// <summary>
/// Drives a real <see cref="Incident"/> into a given state by calling its own methods,
/// one minute apart from <see cref="T0"/>.
/// </summary>
internal static class IncidentBuilder
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));
    /// <summary>A time after every step the builder takes.</summary>
    public static readonly DateTimeOffset Later = T0.AddHours(1);

    public const string Center = "330503-ZHZX";
    public const string ParentCenter = "330500-ZHZX";
    public const string LeadDepartment = "330503-NYNC";
    public static readonly IReadOnlyList<string> CoDepartments = ["330503-SL", "330503106-ZFD"];
    public const string Dispatcher = "dispatcher-1";
    public const string Officer = "officer-1";

    public static Incident Reported(int seq = 1) =>
        ReportedAt(seq, new GridLocation("330503106-G01", "330503106", "330503"), Center);

    /// <summary>A new incident placed at <paramref name="location"/>, handled by <paramref name="handlingCenter"/>, its clue submitted by <paramref name="submittedBy"/>.</summary>
    public static Incident ReportedAt(int seq, GridLocation? location, string handlingCenter, Guid? submittedBy = null)
    {
        var id = new Guid($"00000000-0000-0000-0000-{seq:000000000000}");
        var clue = new Clue
        {
            Id = id,
            Channel = Channels.Grid,
            ExternalId = $"ext-{seq}",
            Text = "cages in the river",
            MatterCode = "SY01",
            Lat = 30.7,
            Lon = 120.2,
            ReceivedAt = T0,
            SubmittedBy = submittedBy,
        };
        var placement = new Placement(TestMatters.Sy01(), location, handlingCenter);
        return Incident.Report(id, $"330503-20250303-{seq:0000}", clue, placement, "channel:grid", T0);
    }

    /// <summary>An incident in <paramref name="status"/>, reached through the life cycle.</summary>
    public static Incident In(IncidentStatus status, int seq = 1)
    {
        var incident = Reported(seq);
        foreach (var step in PathTo(status))
            step(incident);
        return incident;
    }

    /// <summary>An incident to which <paramref name="row"/> applies (a dispute needs a prior return, the second return a first).</summary>
    public static Incident ReadyFor(Transition row) => row switch
    {
        { Action: IncidentAction.Dispute } => Returned(),
        { Action: IncidentAction.Return, To: IncidentStatus.Disputed } => ReturnedAndDispatchedAgain(),
        { Action: IncidentAction.Resolve } => WithCoWorkDone(In(IncidentStatus.InProgress)),
        _ => In(row.From ?? throw new ArgumentException("report only creates", nameof(row))),
    };

    private static Incident WithCoWorkDone(Incident incident)
    {
        FinishCoWork(incident);
        return incident;
    }

    /// <summary>Returned once, then dispatched again: a second return now opens a dispute.</summary>
    public static Incident ReturnedAndDispatchedAgain()
    {
        var incident = Returned();
        Dispatch(incident);
        return incident;
    }

    /// <summary>Reported again after the lead department returned it.</summary>
    public static Incident Returned()
    {
        var incident = In(IncidentStatus.Dispatched);
        incident.Return("not ours", null, Officer, T0.AddMinutes(10));
        return incident;
    }

    private static IEnumerable<Action<Incident>> PathTo(IncidentStatus status)
    {
        switch (status)
        {
            case IncidentStatus.Reported:
                yield break;
            case IncidentStatus.Rejected:
                yield return i => i.Reject("not an enforcement matter", Dispatcher, T0.AddMinutes(1));
                yield break;
            case IncidentStatus.Merged:
                yield return i => i.MergeInto(Reported(1000), Dispatcher, T0.AddMinutes(1));
                yield break;
            case IncidentStatus.Disputed:
                yield return Dispatch;
                yield return i => i.Return("not ours", null, Officer, T0.AddMinutes(2));
                yield return i => i.Dispute("the list says it is", Dispatcher, T0.AddMinutes(3));
                yield break;
        }

        yield return Dispatch;
        if (status == IncidentStatus.Dispatched)
            yield break;
        yield return i => i.Accept(Officer, T0.AddMinutes(2));
        if (status == IncidentStatus.InProgress)
            yield break;
        if (status == IncidentStatus.Suspended)
        {
            yield return i => i.Suspend("waiting for the water level", Dispatcher, T0.AddMinutes(3));
            yield break;
        }
        yield return FinishCoWork;
        yield return i => i.Resolve("cages removed", Officer, T0.AddMinutes(3));
        if (status == IncidentStatus.Resolved)
            yield break;
        yield return i => i.Verify(true, Dispatcher, T0.AddMinutes(4));
        if (status != IncidentStatus.Closed)
            throw new ArgumentOutOfRangeException(nameof(status), status, "no path");
    }

    /// <summary>Every co-department accepts and resolves its part, so the lead may resolve.</summary>
    public static void FinishCoWork(Incident incident)
    {
        foreach (var code in incident.PendingCoDepartments)
        {
            incident.AcceptCoAssignment(code, Officer, T0.AddMinutes(2));
            incident.ResolveCoAssignment(code, "part done", Officer, T0.AddMinutes(2));
        }
    }

    private static void Dispatch(Incident incident) =>
        incident.Dispatch(LeadDepartment, CoDepartments, TestMatters.Sy01(), Dispatcher, T0.AddMinutes(1));
}
