using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Data.Configurations;

internal sealed class ChannelWebhookConfiguration : IEntityTypeConfiguration<ChannelWebhook>
{
    public void Configure(EntityTypeBuilder<ChannelWebhook> builder)
    {
        builder.HasKey(w => w.Channel);
        builder.Property(w => w.Channel).HasMaxLength(16);
        builder.Property(w => w.Url).HasMaxLength(ChannelWebhook.MaxUrlLength);
        builder.Property(w => w.SealedSecret).HasMaxLength(1000);
    }
}

internal sealed class FeedbackDeliveryConfiguration : IEntityTypeConfiguration<FeedbackDelivery>
{
    public void Configure(EntityTypeBuilder<FeedbackDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Channel).HasMaxLength(16);
        builder.Property(d => d.Event).HasMaxLength(16);
        builder.Property(d => d.ExternalId).HasMaxLength(100);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(FeedbackDelivery.MaxErrorLength);
        // The worker's question: what is due now?
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.IncidentId);
    }
}
