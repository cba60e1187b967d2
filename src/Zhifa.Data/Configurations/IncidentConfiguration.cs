using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.MatterCode).HasMaxLength(8);
        builder.Property(i => i.Summary).HasMaxLength(Incident.MaxSummaryLength);
        builder.Property(i => i.Address).HasMaxLength(Clue.MaxAddressLength);
        builder.Property(i => i.GridCode).HasMaxLength(16);
        builder.Property(i => i.TownshipCode).HasMaxLength(12);
        builder.Property(i => i.CountyCode).HasMaxLength(12);
        builder.Property(i => i.HandlingCenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.Lead);
        builder.Ignore(i => i.RegionCode);

        builder.HasIndex(i => new { i.Status, i.ReportedAt });
        builder.HasIndex(i => new { i.HandlingCenterCode, i.Status });
        builder.HasIndex(i => new { i.CountyCode, i.ReportedAt });
        builder.HasIndex(i => new { i.TownshipCode, i.ReportedAt });
        builder.HasIndex(i => new { i.MatterCode, i.ReportedAt });
        builder.HasIndex(i => i.ReportedAt);

        builder.HasMany(i => i.Clues).WithOne().HasForeignKey(c => c.IncidentId);
        builder.HasMany(i => i.Assignments).WithOne().HasForeignKey(a => a.IncidentId);
        builder.HasMany(i => i.Timeline).WithOne().HasForeignKey(t => t.IncidentId);
        builder.HasMany(i => i.DuplicateCandidates).WithOne().HasForeignKey(c => c.IncidentId);
        builder.HasMany(i => i.Deadlines).WithOne().HasForeignKey(d => d.IncidentId);
        builder.HasMany(i => i.Disputes).WithOne().HasForeignKey(d => d.IncidentId);
        // The duplicate check: one matter, a band of latitude a few hundred metres wide.
        builder.HasIndex(i => new { i.MatterCode, i.Lat });
    }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.ToTable("DuplicateCandidates");
        builder.HasKey(c => new { c.IncidentId, c.CandidateId });
        builder.Property(c => c.CandidateNumber).HasMaxLength(32);
    }
}

internal sealed class ClueConfiguration : IEntityTypeConfiguration<Clue>
{
    public void Configure(EntityTypeBuilder<Clue> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Channel).HasMaxLength(16);
        builder.Property(c => c.ExternalId).HasMaxLength(Clue.MaxExternalIdLength);
        builder.Property(c => c.Text).HasMaxLength(Clue.MaxTextLength);
        builder.Property(c => c.MatterCode).HasMaxLength(8);
        builder.Property(c => c.Address).HasMaxLength(Clue.MaxAddressLength);
        builder.Property(c => c.ReporterName).HasMaxLength(Clue.MaxSealedLength);
        builder.Property(c => c.ReporterPhone).HasMaxLength(Clue.MaxSealedLength);
        // NULL external ids are distinct in both SQLite and PostgreSQL, so only real ids collide.
        builder.HasIndex(c => new { c.Channel, c.ExternalId }).IsUnique();
        builder.Property(c => c.IdempotencyKey).HasMaxLength(Clue.MaxIdempotencyKeyLength);
        builder.Property(c => c.RequestHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        // A grid worker's own reports.
        builder.HasIndex(c => c.SubmittedBy);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        // Identified by its place in the incident: no separate id, and one index less to write.
        builder.HasKey(a => new { a.IncidentId, a.Position });
        builder.Property(a => a.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.HasIndex(a => new { a.DepartmentCode, a.Status });
        builder.Property(a => a.ReturnReason).HasMaxLength(Assignment.MaxReasonLength);
        builder.Property(a => a.SuggestedDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.IsPendingCoWork);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        // Identified by its place in the history: no separate id, and one index less to write.
        builder.HasKey(t => new { t.IncidentId, t.Seq });
        builder.Property(t => t.Action).HasMaxLength(16);
        builder.Property(t => t.Actor).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(t => t.Note).HasMaxLength(TimelineEntry.MaxNoteLength);
    }
}

internal sealed class IncidentNumberCounterConfiguration : IEntityTypeConfiguration<IncidentNumberCounter>
{
    public void Configure(EntityTypeBuilder<IncidentNumberCounter> builder)
    {
        builder.HasKey(c => c.Prefix);
        builder.Property(c => c.Prefix).HasMaxLength(24);
    }
}
