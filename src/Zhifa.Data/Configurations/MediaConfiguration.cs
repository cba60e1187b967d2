using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Incidents;

namespace Zhifa.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Sha256).HasMaxLength(MediaFile.HashLength).IsFixedLength();
        builder.Property(m => m.ContentType).HasMaxLength(MediaFile.MaxContentTypeLength);
        builder.Property(m => m.ThumbnailSha256).HasMaxLength(MediaFile.HashLength).IsFixedLength();
        builder.Property(m => m.PublicSha256).HasMaxLength(MediaFile.HashLength).IsFixedLength();
        builder.Property(m => m.PublicToken).HasMaxLength(MediaFile.TokenLength).IsFixedLength();
        builder.Property(m => m.UploadedBy).HasMaxLength(MediaFile.MaxUploadedByLength);
        // A repeated upload finds what the first one stored and derived, instead of decoding again.
        builder.HasIndex(m => m.Sha256);
    }
}

internal sealed class ClueMediaConfiguration : IEntityTypeConfiguration<ClueMedia>
{
    public void Configure(EntityTypeBuilder<ClueMedia> builder)
    {
        // Identified by its place in the clue, like assignments and timeline entries.
        builder.HasKey(l => new { l.ClueId, l.Position });
        builder.HasOne<Clue>().WithMany().HasForeignKey(l => l.ClueId);
        // Evidence outlives nothing that points at it: a linked file cannot be deleted.
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(l => l.MediaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.MediaId);
    }
}

internal sealed class TimelineMediaConfiguration : IEntityTypeConfiguration<TimelineMedia>
{
    public void Configure(EntityTypeBuilder<TimelineMedia> builder)
    {
        builder.HasKey(l => new { l.IncidentId, l.Seq, l.Position });
        builder.HasOne<TimelineEntry>().WithMany().HasForeignKey(l => new { l.IncidentId, l.Seq });
        builder.HasOne<MediaFile>().WithMany().HasForeignKey(l => l.MediaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.MediaId);
    }
}
