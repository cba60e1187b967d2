using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Incidents;
using Zhifa.Core.Officers;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).HasMaxLength(Officer.MaxNameLength);
        builder.Property(o => o.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(o => o.CertificateNumber).HasMaxLength(Officer.MaxCertificateLength);
        builder.Property(o => o.UserName).HasMaxLength(Officer.MaxUserNameLength);
        builder.HasIndex(o => o.DepartmentCode);
        builder.HasOne<Department>().WithMany().HasForeignKey(o => o.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Trainings).WithOne().HasForeignKey(t => t.OfficerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Trainings).HasField("_trainings");
    }
}

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.ToTable("OfficerTrainings");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Course).HasMaxLength(Training.MaxCourseLength);
        builder.Property(t => t.Hours).HasPrecision(6, 1);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(Team.MaxCodeLength);
        builder.Property(t => t.Name).HasMaxLength(Team.MaxNameLength);
        builder.Property(t => t.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(t => t.TownshipCode).HasMaxLength(12);
        builder.HasIndex(t => t.DepartmentCode);
        builder.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).HasField("_members");
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamCode, m.OfficerId });
        builder.Property(m => m.TeamCode).HasMaxLength(Team.MaxCodeLength);
        builder.HasIndex(m => m.OfficerId);
        builder.HasOne<Officer>().WithMany().HasForeignKey(m => m.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfficerAssignmentConfiguration : IEntityTypeConfiguration<OfficerAssignment>
{
    public void Configure(EntityTypeBuilder<OfficerAssignment> builder)
    {
        builder.HasKey(a => new { a.IncidentId, a.OfficerId });
        builder.Property(a => a.AssignedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.HasIndex(a => a.OfficerId);
        builder.HasOne<Incident>().WithMany().HasForeignKey(a => a.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}
