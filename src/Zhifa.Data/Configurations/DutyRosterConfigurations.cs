using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Coordination;
using Zhifa.Core.Organization;

namespace Zhifa.Data.Configurations;

internal sealed class DutyRosterConfiguration : IEntityTypeConfiguration<DutyRoster>
{
    public void Configure(EntityTypeBuilder<DutyRoster> builder)
    {
        // One roster per centre: the centre's code is its key.
        builder.HasKey(r => r.CenterCode);
        builder.Property(r => r.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.HasOne<CommandCenter>().WithOne().HasForeignKey<DutyRoster>(r => r.CenterCode).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.StandingCommander).HasMaxLength(DutyRoster.MaxUserNameLength);
        // User names, in rotation order; they hold no ';' (see the user name rule).
        builder.Property(r => r.Rotation).AsCodeList(n => n, n => n)
            .HasMaxLength(DutyRoster.MaxRotation * (DutyRoster.MaxUserNameLength + 1));
        builder.Property(r => r.UpdatedBy).HasMaxLength(DutyRoster.MaxUserNameLength);
        builder.HasMany(r => r.Swaps).WithOne().HasForeignKey(s => s.CenterCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Swaps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DutySwapConfiguration : IEntityTypeConfiguration<DutySwap>
{
    public void Configure(EntityTypeBuilder<DutySwap> builder)
    {
        // One swap per centre and duty day: a later swap of the day replaces it.
        builder.HasKey(s => new { s.CenterCode, s.Date });
        builder.Property(s => s.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.Property(s => s.UserName).HasMaxLength(DutyRoster.MaxUserNameLength);
        builder.Property(s => s.RequestedBy).HasMaxLength(DutyRoster.MaxUserNameLength);
        builder.Property(s => s.Reason).HasMaxLength(DutySwap.MaxReasonLength);
    }
}

internal sealed class HandoverNoteConfiguration : IEntityTypeConfiguration<HandoverNote>
{
    public void Configure(EntityTypeBuilder<HandoverNote> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.CenterCode).HasMaxLength(CommandCenter.MaxCodeLength);
        builder.HasOne<CommandCenter>().WithMany().HasForeignKey(h => h.CenterCode).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.From).HasMaxLength(DutyRoster.MaxUserNameLength);
        builder.Property(h => h.To).HasMaxLength(DutyRoster.MaxUserNameLength);
        builder.Property(h => h.Text).HasMaxLength(HandoverNote.MaxTextLength);
        // The centre's notes, newest first: the incoming commander reads the latest.
        builder.HasIndex(h => new { h.CenterCode, h.At });
    }
}
