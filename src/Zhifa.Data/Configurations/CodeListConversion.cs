using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Zhifa.Data.Configurations;

/// <summary>A short list of codes stored in one column as "A;B;C", as the responsibility list writes it.</summary>
internal static class CodeListConversion
{
    public static PropertyBuilder<IReadOnlyList<T>> AsCodeList<T>(this PropertyBuilder<IReadOnlyList<T>> property, Func<T, string> format, Func<string, T> parse) =>
        property.HasConversion(
            list => string.Join(';', list.Select(format)),
            text => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(parse).ToList(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => a != null && b != null && a.SequenceEqual(b),
                list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                list => list.ToList()))
            .HasMaxLength(200);
}
