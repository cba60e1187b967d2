namespace Zhifa.Data;

/// <summary>
/// One entry of the security audit trail (安全审计): who did what, when, from where, and what came
/// of it. Entries are only ever appended; each carries the SHA-256 of its canonical form chained to
/// the entry before, so a changed, removed or inserted entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxSummaryLength = 1000;

    public long Seq { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public string? Ip { get; init; }
    /// <summary>What was asked: "POST /api/v1/incidents/{id}/accept", or an event such as "personal_data.read".</summary>
    public required string Action { get; init; }
    /// <summary>The resource acted on: an incident id, a user name, a key id.</summary>
    public string? Target { get; init; }
    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; init; }
    /// <summary>Before and after, in a few words ("Dispatched → InProgress, version 2 → 3").</summary>
    public string? Summary { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}

/// <summary>The chain's end, in one row: the last sequence number and hash. Appending locks it.</summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public int Id { get; init; }
    public long Seq { get; set; }
    public required string Hash { get; set; }
}
