using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Analysis.Hotspots;

namespace Zhifa.Data.Configurations;

internal sealed class WarningRuleConfiguration : IEntityTypeConfiguration<WarningRule>
{
    public void Configure(EntityTypeBuilder<WarningRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(WarningRule.MaxNameLength);
        builder.Property(r => r.MatterCode).HasMaxLength(8);
        builder.Property(r => r.RegionCode).HasMaxLength(12);
        builder.Property(r => r.Channel).HasMaxLength(16);
        builder.Property(r => r.Severity).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
