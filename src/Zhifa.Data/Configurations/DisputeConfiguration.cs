using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<IncidentDispute>
{
    public void Configure(EntityTypeBuilder<IncidentDispute> builder)
    {
        builder.ToTable("Disputes");
        // Identified by its place among the incident's disputes, as timeline entries are.
        builder.HasKey(d => new { d.IncidentId, d.Seq });
        builder.Property(d => d.MatterCode).HasMaxLength(8);
        builder.Property(d => d.HandlingCenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(d => d.ReturnedByDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(d => d.SuggestedDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(d => d.RuledDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(d => d.Reason).HasMaxLength(IncidentDispute.MaxTextLength);
        builder.Property(d => d.RulingReason).HasMaxLength(IncidentDispute.MaxTextLength);
        builder.Property(d => d.LegalBasis).HasMaxLength(IncidentDispute.MaxLegalBasisLength);
        builder.Property(d => d.OpenedBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Property(d => d.RuledBy).HasMaxLength(TimelineEntry.MaxActorLength);
        builder.Ignore(d => d.IsOpen);
        // The statistics read disputes by when they opened, per matter.
        builder.HasIndex(d => new { d.OpenedAt, d.MatterCode });
    }
}
