using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Zhifa.Bench;

/// <summary>
/// Counts what the platform does to the database while <see cref="Enabled"/>: the rows each
/// SaveChanges writes (by entity and insert/update), the SQL commands EF sends, the connection
/// opens and the transactions. Switched off for the timed run, where it returns at once.
/// </summary>
internal sealed class WriteCounter
{
    private readonly Dictionary<string, int> _rows = [];

    public bool Enabled { get; set; }
    public int Commands { get; private set; }
    public int ConnectionOpens { get; private set; }
    public int Transactions { get; private set; }
    public int SaveChangesCalls { get; private set; }

    public IReadOnlyDictionary<string, int> Rows => _rows;
    public int RowWrites => _rows.Values.Sum();

    public IInterceptor[] Interceptors => [new Saves(this), new CommandsSeen(this), new Opens(this), new Commits(this)];

    public void Reset()
    {
        _rows.Clear();
        Commands = ConnectionOpens = Transactions = SaveChangesCalls = 0;
    }

    /// <summary>A write EF does not see (a raw statement on EF's connection), counted by the caller.</summary>
    public void AddRaw(string what, int rows = 1)
    {
        if (Enabled)
            _rows[what] = _rows.GetValueOrDefault(what) + rows;
    }

    private void Count(DbContext? context)
    {
        if (!Enabled || context is null)
            return;
        SaveChangesCalls++;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var verb = entry.State switch
            {
                EntityState.Added => "insert",
                EntityState.Modified => "update",
                EntityState.Deleted => "delete",
                _ => null,
            };
            if (verb is not null)
                AddRaw($"{entry.Metadata.ClrType.Name} {verb}");
        }
    }

    private sealed class Saves(WriteCounter counter) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            counter.Count(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            counter.Count(eventData.Context);
            return ValueTask.FromResult(result);
        }
    }

    private sealed class CommandsSeen(WriteCounter counter) : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            if (counter.Enabled)
                counter.Commands++;
            return result;
        }
    }

    private sealed class Opens(WriteCounter counter) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Seen();

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Seen();
            return Task.CompletedTask;
        }

        private void Seen()
        {
            if (counter.Enabled)
                counter.ConnectionOpens++;
        }
    }

    private sealed class Commits(WriteCounter counter) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Seen();

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Seen();
            return Task.CompletedTask;
        }

        private void Seen()
        {
            if (counter.Enabled)
                counter.Transactions++;
        }
    }
}
