using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Organization;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>
/// Makes and keeps packs. A scheduled pack carries its schedule key, unique, so a period's pack is made
/// once however many workers race for it; a pack made by hand is a new version beside any others, the
/// list showing the newest first (decision 0033).
/// </summary>
public sealed class PackStore(ZhifaDbContext db, PackBuilder builder, TimeProvider time)
{
    /// <summary>The stored content's JSON: as the API writes it, so the kept text reads like the answer.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Makes a pack by hand: always a new version.</summary>
    public async Task<AnalysisPack> GenerateAsync(AnalysisPackKind kind, CommandCenter center, IndicatorPeriod period, string generatedBy, CancellationToken ct)
    {
        var pack = await MakeAsync(kind, center, period, generatedBy, ct);
        db.AnalysisPacks.Add(pack);
        await db.SaveChangesAsync(ct);
        return pack;
    }

    /// <summary>Makes the schedule's pack of a period unless it exists; answers whether this call made it.</summary>
    public async Task<bool> ScheduleAsync(AnalysisPackKind kind, CommandCenter center, IndicatorPeriod period, CancellationToken ct)
    {
        var key = AnalysisPack.KeyOf(kind, center.Code, PackPeriods.KeyOf(kind, period));
        if (await db.AnalysisPacks.AnyAsync(p => p.ScheduleKey == key, ct))
            return false;
        var pack = await MakeAsync(kind, center, period, null, ct);
        pack.ScheduleKey = key;
        db.AnalysisPacks.Add(pack);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another worker made this period's pack first; any other failure is the caller's to hear.
            if (await MadeElsewhereAsync(key, ct))
                return false;
            throw;
        }
    }

    private async Task<bool> MadeElsewhereAsync(string key, CancellationToken ct)
    {
        Forget();
        return await db.AnalysisPacks.AnyAsync(p => p.ScheduleKey == key, ct);
    }

    /// <summary>Drops what a failed save left tracked, so the next pack starts clean.</summary>
    public void Forget() => db.ChangeTracker.Clear();

    public static PackView View(AnalysisPack pack)
    {
        T? Read<T>(AnalysisPackKind kind) where T : class => pack.Kind == kind ? JsonSerializer.Deserialize<T>(pack.Content, Json) : null;
        return new PackView(pack.Id, Name(pack.Kind), pack.CenterCode, pack.RegionCode, pack.Period, pack.GeneratedAt, pack.GeneratedBy,
            Read<DailyFocus>(AnalysisPackKind.Daily), Read<WeeklyAnalysis>(AnalysisPackKind.Weekly), Read<MonthlyConsultation>(AnalysisPackKind.Monthly));
    }

    public static PackSummary Summary(AnalysisPack pack) => new(pack.Id, Name(pack.Kind), pack.CenterCode, pack.RegionCode, pack.Period,
        pack.GeneratedAt, pack.GeneratedBy, $"/api/v1/analysis/packs/{pack.Id}", $"/api/v1/analysis/packs/{pack.Id}.xlsx");

    public static string Name(AnalysisPackKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private async Task<AnalysisPack> MakeAsync(AnalysisPackKind kind, CommandCenter center, IndicatorPeriod period, string? generatedBy, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var content = await builder.BuildAsync(kind, center, period, now, ct);
        return new AnalysisPack
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            CenterCode = center.Code,
            RegionCode = center.RegionCode,
            Period = PackPeriods.KeyOf(kind, period),
            GeneratedAt = now,
            GeneratedBy = generatedBy,
            Content = JsonSerializer.Serialize(content, content.GetType(), Json),
        };
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new PlatformTimeJsonConverter());
        return options;
    }
}
