using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Zhifa.Data;

namespace Zhifa.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without starting the server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ZhifaDbContext>
{
    public ZhifaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ZhifaDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
