using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Matters;

namespace Zhifa.Data.Configurations;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> builder)
    {
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(8);
        builder.Property(m => m.Category).HasMaxLength(32);
        builder.Property(m => m.Name).HasMaxLength(64);
        builder.Property(m => m.NameEn).HasMaxLength(128);
        builder.Property(m => m.LeadDepartmentType).HasMaxLength(8);
        builder.Property(m => m.LegalBasis).HasMaxLength(128);
        builder.Property(m => m.CoDepartmentTypes).AsCodeList(t => t, t => t);
        builder.Ignore(m => m.LedByTownshipTeam);
    }
}
