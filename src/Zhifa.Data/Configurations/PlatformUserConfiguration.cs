using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Data.Configurations;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(PlatformUser.MaxDisplayNameLength);
        builder.Property(u => u.HomeCenterCode).HasMaxLength(20);
        builder.Property(u => u.HomeDepartmentCode).HasMaxLength(24);
    }
}
