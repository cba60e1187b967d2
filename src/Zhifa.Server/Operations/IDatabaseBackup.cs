namespace Zhifa.Server.Operations;

/// <summary>One provider's copy of the whole database to a file and back.</summary>
public interface IDatabaseBackup
{
    /// <summary>The database's file name inside the archive, e.g. <c>database/zhifa.db</c>.</summary>
    string ArchiveName { get; }

    /// <summary>
    /// Writes a consistent copy of the database, taken while the server may be running, to
    /// <paramref name="file"/>; answers the newest migration the copy has applied (null: none).
    /// </summary>
    Task<string?> DumpAsync(string file, CancellationToken ct);

    /// <summary>Whether the database holds any table: a restore over it needs <c>--force</c>.</summary>
    Task<bool> HasDataAsync(CancellationToken ct);

    /// <summary>Replaces the database with the copy at <paramref name="file"/>.</summary>
    Task RestoreAsync(string file, CancellationToken ct);
}
