using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasMaxLength(Notification.MaxKindLength);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        builder.Property(n => n.IncidentNumber).HasMaxLength(Notification.MaxIncidentNumberLength);
        builder.Property(n => n.DepartmentCode).HasMaxLength(Department.MaxCodeLength);
        builder.Property(n => n.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        // Exactly one recipient, whatever code writes the row. Quoted names read the same on both providers.
        builder.ToTable(t => t.HasCheckConstraint("CK_Notifications_OneRecipient",
            "(CASE WHEN \"UserId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DepartmentCode\" IS NULL THEN 0 ELSE 1 END)"
            + " + (CASE WHEN \"CenterCode\" IS NULL THEN 0 ELSE 1 END) = 1"));
        // A notice to nobody is a bug: the recipient must exist. A user's own notices go with their account.
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.DepartmentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommandCenter>().WithMany().HasForeignKey(n => n.CenterCode).OnDelete(DeleteBehavior.Restrict);
        // The inbox reads each recipient's notices newest first: one index per kind of recipient.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.DepartmentCode, n.CreatedAt });
        builder.HasIndex(n => new { n.CenterCode, n.CreatedAt });
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        // The key answers "has this person read this notice?", which every inbox row asks.
        builder.HasKey(r => new { r.NotificationId, r.UserId });
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.UserId);
    }
}
