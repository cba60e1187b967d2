using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Zhifa.Data;

namespace Zhifa.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ZhifaDbContext>
{
    public ZhifaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ZhifaDbContext>()
            .UseNpgsql("Host=localhost;Database=zhifa_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
