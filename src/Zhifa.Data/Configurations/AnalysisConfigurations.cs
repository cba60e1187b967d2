using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Analysis;
using Zhifa.Core.Organization;
using Zhifa.Data.Analysis;

namespace Zhifa.Data.Configurations;

internal sealed class IndicatorCellConfiguration : IEntityTypeConfiguration<IndicatorCellRow>
{
    public void Configure(EntityTypeBuilder<IndicatorCellRow> builder)
    {
        builder.ToTable("IndicatorCells");
        // The ledger upserts by this key; a query reads one grouping at one place's level over a range of
        // months or days, which this order keeps together in the index.
        builder.HasKey(d => new { d.Dimension, d.CountyCode, d.TownshipCode, d.Grain, d.Day, d.Key });
        builder.Property(d => d.Dimension).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.Grain).HasConversion<string>().HasMaxLength(5);
        builder.Property(d => d.CountyCode).HasMaxLength(12);
        builder.Property(d => d.TownshipCode).HasMaxLength(12);
        builder.Property(d => d.Key).HasMaxLength(Department.MaxCodeLength);
    }
}

internal sealed class IncidentFactConfiguration : IEntityTypeConfiguration<IncidentFactRow>
{
    public void Configure(EntityTypeBuilder<IncidentFactRow> builder)
    {
        builder.ToTable("IncidentFacts");
        builder.HasKey(f => f.IncidentId);
        builder.Property(f => f.Channel).HasMaxLength(16);
        builder.Property(f => f.CountyCode).HasMaxLength(12);
        builder.Property(f => f.TownshipCode).HasMaxLength(12);
        builder.Property(f => f.LeadDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(f => f.MatterCode).HasMaxLength(8);
        builder.Property(f => f.Version).IsConcurrencyToken();
        // Open and overdue at t: the open ones whose overdue began before t (those closed since are counted
        // by the aggregates), per key and place. Only open incidents are in it, a percent or so, and it holds
        // every column the count reads, so the count never visits the table.
        builder.HasIndex(f => new { f.OverdueSince, f.CountyCode, f.TownshipCode, f.LeadDepartmentCode, f.MatterCode, f.Channel })
            .HasDatabaseName("IX_IncidentFacts_OpenOverdue").HasFilter("\"IsOpen\"");
    }
}
