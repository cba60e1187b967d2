using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organization;
using Zhifa.Data.Analysis;

namespace Zhifa.Data.Configurations;

internal sealed class AnalysisPackConfiguration : IEntityTypeConfiguration<AnalysisPack>
{
    public void Configure(EntityTypeBuilder<AnalysisPack> builder)
    {
        builder.ToTable("AnalysisPacks");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.Property(p => p.Period).HasMaxLength(AnalysisPack.MaxPeriodLength);
        builder.Property(p => p.GeneratedBy).HasMaxLength(256);
        builder.Property(p => p.ScheduleKey).HasMaxLength(48);
        // Null keys (packs made on demand) never collide: both providers let a unique index hold many nulls.
        builder.HasIndex(p => p.ScheduleKey).IsUnique();
        builder.HasIndex(p => new { p.RegionCode, p.Kind, p.GeneratedAt });
    }
}
