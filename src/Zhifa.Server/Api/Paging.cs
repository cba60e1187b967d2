using Microsoft.EntityFrameworkCore;

namespace Zhifa.Server.Api;

internal static class Paging
{
    /// <summary>One page of an ordered query; a page beyond what an int offset can reach is simply empty.</summary>
    public static async Task<List<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var offset = (long)(page - 1) * pageSize;
        return offset > int.MaxValue ? [] : await ordered.Skip((int)offset).Take(pageSize).ToListAsync(ct);
    }
}
