using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.Property(r => r.Name).HasMaxLength(64);
        builder.Property(r => r.NameEn).HasMaxLength(64);
        builder.Property(r => r.ParentCode).HasMaxLength(12);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.HasIndex(r => r.ParentCode);
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> builder)
    {
        builder.HasKey(g => g.Code);
        builder.Property(g => g.Code).HasMaxLength(16);
        builder.Property(g => g.Name).HasMaxLength(64);
        builder.Property(g => g.TownshipCode).HasMaxLength(12);
        builder.Property(g => g.CountyCode).HasMaxLength(12);
        builder.HasIndex(g => g.TownshipCode);
        builder.HasIndex(g => g.CountyCode);
    }
}

internal sealed class CommandCenterConfiguration : IEntityTypeConfiguration<CommandCenter>
{
    public void Configure(EntityTypeBuilder<CommandCenter> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.RegionCode).HasMaxLength(12);
        builder.Property(c => c.ParentCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.HasIndex(c => c.RegionCode).IsUnique();
    }
}

internal sealed class DepartmentTypeConfiguration : IEntityTypeConfiguration<DepartmentType>
{
    public void Configure(EntityTypeBuilder<DepartmentType> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(8);
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.NameEn).HasMaxLength(128);
        builder.Property(t => t.Levels).AsCodeList(l => l.ToString(), Enum.Parse<RegionLevel>);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(Department.MaxCodeLength);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.TypeCode).HasMaxLength(8);
        builder.Property(d => d.RegionCode).HasMaxLength(12);
        builder.HasIndex(d => d.RegionCode);
        builder.HasIndex(d => d.TypeCode);
    }
}
