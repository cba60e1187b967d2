using Microsoft.EntityFrameworkCore;
using Zhifa.Data;

namespace Zhifa.Server.Tests.Data;

/// <summary>Every model change must come with a migration for each provider, or a fresh database would lack it.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_WhenComparedWithTheModel_HaveNoPendingChanges()
    {
        using var db = new ZhifaDbContext(new DbContextOptionsBuilder<ZhifaDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("Zhifa.Migrations.Sqlite")).Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrations_WhenComparedWithTheModel_HaveNoPendingChanges()
    {
        // Building the model needs no server; nothing here connects.
        using var db = new ZhifaDbContext(new DbContextOptionsBuilder<ZhifaDbContext>()
            .UseNpgsql("Host=localhost;Database=unused", o => o.MigrationsAssembly("Zhifa.Migrations.Postgres")).Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
