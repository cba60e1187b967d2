namespace Zhifa.Data;

/// <summary>
/// A channel client's credential (the 12345 hotline, city management, other systems). Bound to
/// one channel. Only the SHA-256 of the key is stored; the key itself is shown once, at creation.
/// </summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 64;

    public Guid Id { get; init; }
    public required string Channel { get; init; }
    public required string Name { get; init; }
    /// <summary>The key's first characters, so people can tell keys apart without seeing them.</summary>
    public required string Prefix { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}
