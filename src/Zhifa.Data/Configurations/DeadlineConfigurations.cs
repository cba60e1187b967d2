using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Core.Supervision;
using Zhifa.Core.Time;

namespace Zhifa.Data.Configurations;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.ToTable("Deadlines");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.IsOpen);
        builder.Ignore(d => d.IsPaused);
        builder.HasIndex(d => d.IncidentId);
        // The supervision worker's look-up: open, running clocks whose next step is due.
        builder.HasIndex(d => d.NextEffectAt);
        // Lists filtered by light: the open clocks' due and yellow moments.
        builder.HasIndex(d => new { d.EndedAt, d.DueAt });
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Number).HasMaxLength(32);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.Property(n => n.IncidentNumber).HasMaxLength(32);
        builder.Property(n => n.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(n => n.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(n => n.IssuedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(n => n.AcknowledgedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(n => n.Reason).HasMaxLength(SupervisionNotice.MaxReasonLength);
        builder.Property(n => n.AcknowledgementNote).HasMaxLength(SupervisionNotice.MaxReasonLength);
        // Each step of a clock's ladder is issued once, however many workers race for it.
        builder.HasIndex(n => new { n.DeadlineId, n.Level }).IsUnique();
        builder.HasIndex(n => new { n.DepartmentCode, n.IssuedAt });
        builder.HasIndex(n => new { n.CenterCode, n.IssuedAt });
        builder.HasIndex(n => n.IncidentId);
    }
}

internal sealed class ExtensionRequestConfiguration : IEntityTypeConfiguration<ExtensionRequest>
{
    public void Configure(EntityTypeBuilder<ExtensionRequest> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.Property(e => e.DecisionNote).HasMaxLength(ExtensionRequest.MaxReasonLength);
        builder.Property(e => e.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(e => e.RequestedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(e => e.DecidedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.HasIndex(e => new { e.IncidentId, e.Status });
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
    }
}
