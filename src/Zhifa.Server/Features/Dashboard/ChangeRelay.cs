using System.Threading.Channels;
using Npgsql;

namespace Zhifa.Server.Features.Dashboard;

/// <summary>
/// Carries <see cref="IncidentChanges"/> between nodes on one PostgreSQL database: a change raised
/// here is announced with NOTIFY, and every node LISTENs and raises the changes announced by others.
/// A burst of changes is announced once: the pages only need to know that something changed, and
/// reload what they show. A lost connection is opened again; what changed meanwhile is seen at the
/// next change or the pages' own refresh.
/// </summary>
public sealed class ChangeRelay(IncidentChanges changes, string connectionString, TimeProvider time, ILogger<ChangeRelay> logger) : BackgroundService
{
    public const string Channel = "zhifa_incident_changes";

    /// <summary>This process, so that it does not raise its own announcements a second time.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    private readonly Channel<bool> _owed = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens: changes announced from then on reach it.</summary>
    public Task Listening => _listening.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        changes.RelayTo(() => _owed.Writer.TryWrite(true));
        return Task.WhenAll(KeepAsync(ListenAsync, stoppingToken), KeepAsync(AnnounceAsync, stoppingToken));
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Its own connection, kept alive by a query every 30 s: a connection dropped without a word
        // (a failover, a firewall's idle timeout) then fails here and is opened again.
        var listener = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30, Pooling = false };
        await using var connection = new NpgsqlConnection(listener.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) =>
        {
            if (e.Payload != _node)
                changes.RaiseHere();
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        _listening.TrySetResult();
        while (true)
            await connection.WaitAsync(ct);
    }

    private async Task AnnounceAsync(CancellationToken ct)
    {
        await foreach (var _ in _owed.Reader.ReadAllAsync(ct))
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @node)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("node", _node);
            await notify.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Runs <paramref name="loop"/> until the server stops, again five seconds after each failure.</summary>
    private async Task KeepAsync(Func<CancellationToken, Task> loop, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await loop(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The change relay lost its connection; it connects again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), time, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
