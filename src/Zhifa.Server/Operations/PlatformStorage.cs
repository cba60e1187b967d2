using Microsoft.EntityFrameworkCore;
using Zhifa.Data;
using Zhifa.Server.Data;
using Zhifa.Server.Features.Media;

namespace Zhifa.Server.Operations;

/// <summary>
/// Where an installation keeps its data: the database (provider and connection) and the media folder.
/// A backup reads one; a restore writes one.
/// </summary>
public sealed record PlatformStorage(DatabaseProvider Provider, string ConnectionString, string MediaRoot)
{
    /// <summary>The storage the server would use with this configuration, resolved as its start-up does.</summary>
    public static PlatformStorage From(IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var media = configuration.GetSection(MediaOptions.Section).Get<MediaOptions>() ?? new MediaOptions();
        var connection = configuration.GetConnectionString("Zhifa");
        if (database.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
            throw new BackupException("Database:Provider is Postgres but ConnectionStrings:Zhifa is not set.");
        return new PlatformStorage(
            database.Provider,
            database.Provider == DatabaseProvider.Postgres ? connection! : DatabaseSetup.SqliteConnectionString(connection, environment.ContentRootPath),
            MediaStore.RootFor(media, environment.ContentRootPath));
    }

    /// <summary>The migrations this version of the platform knows for the provider; building the model needs no connection.</summary>
    public IReadOnlySet<string> KnownMigrations()
    {
        var options = new DbContextOptionsBuilder<ZhifaDbContext>();
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Zhifa.Migrations.Postgres"));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Zhifa.Migrations.Sqlite"));
        using var db = new ZhifaDbContext(options.Options);
        return db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The provider's way of copying the database out and back in.</summary>
    public IDatabaseBackup Database => Provider == DatabaseProvider.Postgres
        ? new PostgresBackup(ConnectionString)
        : new SqliteBackup(ConnectionString);
}

/// <summary>A backup or restore that could not be done; the message says why, in one line.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
