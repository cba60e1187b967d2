using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Coordination;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Topic).HasMaxLength(Consultation.MaxTopicLength);
        builder.Property(c => c.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(c => c.Period).HasMaxLength(Consultation.MaxPeriodLength);
        builder.Property(c => c.Minutes).HasMaxLength(Consultation.MaxMinutesLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(c => c.ClosedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // A primitive collection (JSON in SQLite, an array in PostgreSQL): "was my department invited?" stays one SQL condition.
        builder.PrimitiveCollection(c => c.InvitedDepartmentCodes);
        builder.HasOne<CommandCenter>().WithMany().HasForeignKey(c => c.CenterCode).OnDelete(DeleteBehavior.Restrict);
        // One weekly and one monthly consultation per centre and period, however many workers propose it;
        // ad hoc ones have no period, and NULLs never collide.
        builder.HasIndex(c => new { c.CenterCode, c.Kind, c.Period }).IsUnique();
        builder.HasIndex(c => new { c.CenterCode, c.ScheduledAt });

        builder.OwnsMany(c => c.Agenda, agenda =>
        {
            agenda.ToTable("ConsultationAgenda");
            agenda.WithOwner().HasForeignKey("ConsultationId");
            agenda.Property<int>("Id");
            agenda.HasKey("Id");
            agenda.Property(a => a.IncidentNumber).HasMaxLength(32);
            agenda.Property(a => a.Section).HasConversion<string>().HasMaxLength(12);
            agenda.HasIndex(a => a.IncidentId);
        });
        builder.Navigation(c => c.Agenda).HasField("_agenda");
        builder.OwnsMany(c => c.Attendance, attendance =>
        {
            attendance.ToTable("ConsultationAttendance");
            attendance.WithOwner().HasForeignKey("ConsultationId");
            attendance.Property<int>("Id");
            attendance.HasKey("Id");
            attendance.Property(a => a.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
            attendance.Property(a => a.Name).HasMaxLength(Attendee.MaxNameLength);
        });
        builder.Navigation(c => c.Attendance).HasField("_attendance");
        builder.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Actions).HasField("_actions");
    }
}

internal sealed class TrackedActionConfiguration : IEntityTypeConfiguration<TrackedAction>
{
    public void Configure(EntityTypeBuilder<TrackedAction> builder)
    {
        builder.ToTable("TrackedActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(a => a.Text).HasMaxLength(TrackedAction.MaxTextLength);
        builder.Property(a => a.OwnerDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(a => a.CompletedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(a => a.CompletionNote).HasMaxLength(TrackedAction.MaxNoteLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsDone);
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.OwnerDepartmentCode).OnDelete(DeleteBehavior.Restrict);
        // A department's list and a centre's list, each by deadline.
        builder.HasIndex(a => new { a.OwnerDepartmentCode, a.Deadline });
        builder.HasIndex(a => new { a.CenterCode, a.Deadline });
    }
}
