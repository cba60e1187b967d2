using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(PlatformUser.MaxDisplayNameLength);
        builder.Property(u => u.HomeCenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(u => u.HomeDepartmentCode).HasMaxLength(Department.MaxCodeLength);
        // A grid supervisor may hold every grid of a township: well over the 200 characters of a matter's list.
        builder.Property(u => u.GridCodes).AsCodeList(g => g, g => g).HasMaxLength(4000);
    }
}
