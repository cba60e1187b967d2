using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zhifa.Core.Analysis.Assessment;

namespace Zhifa.Data.Configurations;

internal sealed class AssessmentWeightConfiguration : IEntityTypeConfiguration<AssessmentWeightSetting>
{
    public void Configure(EntityTypeBuilder<AssessmentWeightSetting> builder)
    {
        builder.ToTable("AssessmentWeights");
        builder.HasKey(w => w.Criterion);
        builder.Property(w => w.Criterion).HasConversion<string>().HasMaxLength(32);
        builder.Property(w => w.UpdatedBy).HasMaxLength(AssessmentWeightSetting.MaxUserNameLength);
    }
}
