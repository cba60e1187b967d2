using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Analysis;
using Zhifa.Core.Organization;
using Zhifa.Data.Analysis;

namespace Zhifa.Data.Configurations;

internal sealed class IndicatorDayConfiguration : IEntityTypeConfiguration<IndicatorDay>
{
    public void Configure(EntityTypeBuilder<IndicatorDay> builder)
    {
        builder.ToTable("IndicatorDays");
        // The ledger upserts by this key; queries read one grouping over a range of days, in a region.
        builder.HasKey(d => new { d.Dimension, d.Day, d.CountyCode, d.TownshipCode, d.Key });
        builder.Property(d => d.Dimension).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.CountyCode).HasMaxLength(12);
        builder.Property(d => d.TownshipCode).HasMaxLength(12);
        builder.Property(d => d.Key).HasMaxLength(Department.MaxCodeLength);
        // A county's or a township's query reads its own cells, not the whole city's days filtered:
        // the key leads with the dimension and the day only, so without these a township's year reads
        // every township's. Township codes are unique across counties.
        builder.HasIndex(d => new { d.Dimension, d.CountyCode, d.Day });
        builder.HasIndex(d => new { d.Dimension, d.TownshipCode, d.Day });
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
        // Open and overdue at t: the open ones whose overdue began before t.
        builder.HasIndex(f => new { f.IsOpen, f.OverdueSince });
        // Open and overdue at a past period's end t: overdue since before t, and open now or closed at or after t.
        // Only incidents that were ever overdue, a few percent, are in it.
        builder.HasIndex(f => new { f.OverdueSince, f.ClosedAt, f.IsOpen }).HasFilter("\"OverdueSince\" IS NOT NULL");
    }
}
