using System.Net;
using ClosedXML.Excel;
using Zhifa.Core.Time;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Packs;

/// <summary>The acceptance test of the downloads: an .xlsx opened with ClosedXML holds the very figures of the pack's JSON, as numbers.</summary>
[Collection(ApiCollection.Name)]
public sealed class PackWorkbookTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");

    [Fact]
    public async Task AWeeklyPacksWorkbook_HoldsTheSameNumbersAsItsJson()
    {
        await _scenario.ReportAsync("SR01");
        await _scenario.ReportAsync("SY01");
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var week = PackPeriods.KeyOf(AnalysisPackKind.Weekly, PackPeriods.Holding(AnalysisPackKind.Weekly, today));
        var pack = await PackApiTests.GenerateAsync(Dispatcher, new { kind = "weekly", period = week });
        var weekly = pack.Weekly!;
        Assert.True(weekly.Total.Received >= 2);

        using var book = await DownloadAsync(pack);

        Assert.Equal(week, Text(book.Worksheet("说明"), 5, 2));
        AssertIndicators(book.Worksheet("总体指标"), [weekly.Total]);
        AssertIndicators(book.Worksheet("部门指标"), weekly.ByDepartment);
        AssertIndicators(book.Worksheet("事项指标"), weekly.ByMatter);
        var trend = book.Worksheet("每日趋势");
        for (var n = 0; n < weekly.Trend.Length; n++)
        {
            var day = weekly.Trend[n];
            Assert.Equal($"{day.Date:yyyy-MM-dd}", Text(trend, n + 2, 1));
            Assert.Equal(new double[] { day.Received, day.Dispatched, day.Closed, day.ClosedOnTime },
                Enumerable.Range(2, 4).Select(c => Number(trend, n + 2, c)));
        }
        Assert.Equal(weekly.Hotspots.Length, book.Worksheet("本周热点").LastRowUsed()!.RowNumber() - 1);
        Assert.Equal(weekly.Chronic.Length, book.Worksheet("顽疾点位").LastRowUsed()!.RowNumber() - 1);
        var ranking = book.Worksheet("部门排名");
        var ranked = weekly.Ranking.Best.Concat(weekly.Ranking.Worst).ToArray();
        for (var n = 0; n < ranked.Length; n++)
        {
            Assert.Equal(ranked[n].Code, Text(ranking, n + 2, 3));
            AssertRate(ranking.Cell(n + 2, 5), ranked[n].OnTimeRate);
            Assert.Equal(ranked[n].Judged, Number(ranking, n + 2, 7));
        }
    }

    [Fact]
    public async Task AMonthlyAndADailyPacksWorkbooks_HoldTheSameNumbersAsTheirJson()
    {
        await _scenario.ReportAsync("SR08", text: "导出测试：夜间施工噪声");
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var monthly = await PackApiTests.GenerateAsync(Dispatcher, new { kind = "monthly", period = $"{today:yyyy-MM}" });
        var daily = await PackApiTests.GenerateAsync(Dispatcher, new { kind = "daily", period = $"{today:yyyy-MM-dd}" });

        using (var book = await DownloadAsync(monthly))
        {
            AssertIndicators(book.Worksheet("总体指标"), [monthly.Monthly!.Total]);
            AssertIndicators(book.Worksheet("部门指标"), monthly.Monthly.ByDepartment);
            AssertIndicators(book.Worksheet("区域指标"), monthly.Monthly.ByRegion);
            var agenda = monthly.Monthly.Agenda;
            Assert.Equal(agenda.Disputes.Length + agenda.Overdue.Length + agenda.Supervised.Length + agenda.Hotspots.Sum(h => h.Incidents.Length),
                book.Worksheet("会商议题").LastRowUsed()!.RowNumber() - 1);
            AssertAssessment(book.Worksheet("部门考核"), monthly.Monthly.Assessment!);
        }
        using (var book = await DownloadAsync(daily))
        {
            AssertIndicators(book.Worksheet("当日概况"), [daily.Daily!.Headline]);
            var urgent = book.Worksheet("新增紧急事件");
            Assert.Equal(daily.Daily.NewUrgent.Select(i => i.Number),
                Enumerable.Range(2, daily.Daily.NewUrgent.Length).Select(r => Text(urgent, r, 1)));
        }
    }

    private async Task<XLWorkbook> DownloadAsync(PackView pack)
    {
        var response = await Dispatcher.GetAsync($"/api/v1/analysis/packs/{pack.Id}.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PackEndpoints.XlsxType, response.Content.Headers.ContentType?.MediaType);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>Each row's figures, read back by their Chinese headers, equal the JSON's: counts and minutes as numbers, rates as percentages.</summary>
    private static void AssertIndicators(IXLWorksheet sheet, IReadOnlyList<IndicatorRowView> rows)
    {
        var column = PackWorkbook.IndicatorHeaders.Select((h, n) => (h, n)).ToDictionary(x => x.h, x => x.n + 1);
        Assert.Equal(PackWorkbook.IndicatorHeaders, Enumerable.Range(1, column.Count).Select(c => Text(sheet, 1, c)));
        Assert.Equal(rows.Count, sheet.LastRowUsed()!.RowNumber() - 1);
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            var r = n + 2;
            Assert.Equal(row.Key.Length == 0 ? "合计" : row.Key, Text(sheet, r, column["编码"]));
            foreach (var (header, value) in new (string, int)[]
            {
                ("受理数", row.Received), ("派遣数", row.Dispatched), ("办结数", row.Closed), ("按时办结数", row.ClosedOnTime),
                ("超期未办结数", row.OpenOverdue), ("超期数", row.Overdue), ("上期受理数", row.Previous.Received), ("上期办结数", row.Previous.Closed),
            })
                Assert.True(value == Number(sheet, r, column[header]), $"{sheet.Name} row {r} {header}: {value} in JSON");
            foreach (var (header, rate) in new (string, double?)[]
            {
                ("按时办结率", row.OnTimeRate), ("办结率", row.ClosureRate), ("返工率", row.ReworkRate), ("退回率", row.ReturnRate),
                ("延期率", row.ExtensionRate), ("重复占比", row.DuplicateShare), ("上期按时办结率", row.Previous.OnTimeRate),
            })
                AssertRate(sheet.Cell(r, column[header]), rate);
            AssertNumberOrBlank(sheet.Cell(r, column["平均处置时长(分钟)"]), row.MeanHandlingMinutes);
            AssertNumberOrBlank(sheet.Cell(r, column["P90处置时长(分钟)"]), row.P90HandlingMinutes);
        }
    }

    /// <summary>Each department's rank, score and figures as numbers; blank where one is not assessed.</summary>
    private static void AssertAssessment(IXLWorksheet sheet, IReadOnlyList<AssessmentRowView> rows)
    {
        Assert.NotEmpty(rows);
        Assert.Equal(PackWorkbook.AssessmentHeaders, Enumerable.Range(1, PackWorkbook.AssessmentHeaders.Length).Select(c => Text(sheet, 1, c)));
        Assert.Equal(rows.Count, sheet.LastRowUsed()!.RowNumber() - 1);
        for (var n = 0; n < rows.Count; n++)
        {
            var (row, r) = (rows[n], n + 2);
            Assert.Equal(row.DepartmentCode, Text(sheet, r, 2));
            AssertNumberOrBlank(sheet.Cell(r, 1), row.Rank);
            AssertNumberOrBlank(sheet.Cell(r, 4), row.Score);
            AssertRate(sheet.Cell(r, 5), row.Indicators.OnTimeRate);
            AssertRate(sheet.Cell(r, 6), row.Indicators.ClosureRate);
            Assert.Equal(row.Indicators.Closed, Number(sheet, r, 7));
            Assert.Equal(row.Indicators.OpenOverdue, Number(sheet, r, 8));
        }
    }

    private static void AssertRate(IXLCell cell, double? rate)
    {
        if (rate is null)
        {
            Assert.True(cell.IsEmpty(), $"{cell.Address}: a rate without a denominator is blank");
            return;
        }
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(PackWorkbook.PercentFormat, cell.Style.NumberFormat.Format);
        Assert.Equal(rate.Value, cell.GetDouble(), 12);
    }

    private static void AssertNumberOrBlank(IXLCell cell, double? minutes)
    {
        if (minutes is null)
            Assert.True(cell.IsEmpty());
        else
            Assert.Equal(minutes.Value, cell.GetDouble(), 9);
    }

    private static double Number(IXLWorksheet sheet, int row, int column)
    {
        var cell = sheet.Cell(row, column);
        Assert.True(cell.DataType == XLDataType.Number, $"{sheet.Name}!{cell.Address} is {cell.DataType}, not a number");
        return cell.GetDouble();
    }

    private static string Text(IXLWorksheet sheet, int row, int column) => sheet.Cell(row, column).GetString();
}
