using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Data.Analysis;
using Zhifa.Core.Matters;
using Zhifa.Core.Officers;
using Zhifa.Core.Organization;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;

namespace Zhifa.Data;

/// <summary>One model for SQLite and PostgreSQL; each provider has its own migrations project.</summary>
public sealed class ZhifaDbContext(DbContextOptions<ZhifaDbContext> options)
    : IdentityDbContext<PlatformUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Grid> Grids => Set<Grid>();
    public DbSet<CommandCenter> CommandCenters => Set<CommandCenter>();
    public DbSet<DepartmentType> DepartmentTypes => Set<DepartmentType>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Clue> Clues => Set<Clue>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<IncidentDispute> Disputes => Set<IncidentDispute>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<TrackedAction> TrackedActions => Set<TrackedAction>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<IncidentNumberCounter> IncidentNumberCounters => Set<IncidentNumberCounter>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ChannelWebhook> ChannelWebhooks => Set<ChannelWebhook>();
    public DbSet<FeedbackDelivery> FeedbackDeliveries => Set<FeedbackDelivery>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<ClueMedia> ClueMedia => Set<ClueMedia>();
    public DbSet<TimelineMedia> TimelineMedia => Set<TimelineMedia>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Training> OfficerTrainings => Set<Training>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<OfficerAssignment> OfficerAssignments => Set<OfficerAssignment>();
    public DbSet<DutyRoster> DutyRosters => Set<DutyRoster>();
    public DbSet<DutySwap> DutySwaps => Set<DutySwap>();
    public DbSet<HandoverNote> HandoverNotes => Set<HandoverNote>();
    public DbSet<IncidentFactRow> IncidentFacts => Set<IncidentFactRow>();
    public DbSet<IndicatorCellRow> IndicatorCells => Set<IndicatorCellRow>();
    public DbSet<Zhifa.Core.Analysis.Hotspots.WarningRule> WarningRules => Set<Zhifa.Core.Analysis.Hotspots.WarningRule>();
    public DbSet<Zhifa.Core.Analysis.Assessment.AssessmentWeightSetting> AssessmentWeights => Set<Zhifa.Core.Analysis.Assessment.AssessmentWeightSetting>();
    public DbSet<AnalysisPack> AnalysisPacks => Set<AnalysisPack>();
    /// <summary>The Data Protection key ring: tokens, cookies and sealed personal data need the same keys on every node and after every restart.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsSqlite => Database.ProviderName == SqliteProvider;

    /// <summary>
    /// A save that changes an incident runs in a transaction of its own unless the caller holds one:
    /// the indicator ledger adds the change's counts to the aggregates after the rows are written, and
    /// the change and its counts commit together. Whatever fails, disposing the transaction rolls back both.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !TouchesIncidents())
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>Whether the pending changes touch an incident or the rows its figures are counted from.</summary>
    public bool TouchesIncidents() => ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is Incident or Clue or Assignment or TimelineEntry or Deadline);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ZhifaDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL, stable when members are added.
        configurationBuilder.Properties<IncidentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AssignmentRole>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<AssignmentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RegionLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Priority>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<DeadlineKind>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<DeadlineOutcome>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<SupervisionLevel>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<ExtensionStatus>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<ConsultationKind>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<ConsultationStatus>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<TimeLimit>().HaveConversion<TimeLimitConverter>().HaveMaxLength(8);
        // Instants are stored in UTC whatever offset the clock gave them: PostgreSQL's timestamptz
        // accepts only UTC, and SQLite, which cannot compare DateTimeOffset text, gets sortable UTC ticks.
        if (IsSqlite)
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        else
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

    private sealed class TimeLimitConverter() : ValueConverter<TimeLimit, string>(v => v.ToString(), v => TimeLimit.Parse(v));
}
