using ClosedXML.Excel;
using Zhifa.Core.Time;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Features.Coordination;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Server.Features.Analysis.Packs;

/// <summary>
/// A pack as an .xlsx workbook: a sheet of what it is, then one sheet per section, headers in Chinese in
/// the first row, counts and minutes as numbers and rates as numbers formatted as percentages, so that the
/// figures sort, sum and chart in the spreadsheet as they are.
/// </summary>
public static class PackWorkbook
{
    public const string PercentFormat = "0.0%";

    public static readonly string[] IndicatorHeaders =
    [
        "编码", "名称", "受理数", "派遣数", "办结数", "按时办结数", "超期未办结数", "超期数", "按时办结率", "办结率", "返工率", "退回率", "延期率",
        "平均处置时长(分钟)", "P90处置时长(分钟)", "重复占比", "上期受理数", "上期办结数", "上期按时办结率",
    ];

    public static byte[] Write(PackView pack, ReferenceData reference)
    {
        using var book = new XLWorkbook();
        About(book.Worksheets.Add("说明"), pack, reference);
        if (pack.Daily is { } daily)
        {
            Indicators(book.Worksheets.Add("当日概况"), [daily.Headline]);
            Incidents(book.Worksheets.Add("新增紧急事件"), daily.NewUrgent);
            Incidents(book.Worksheets.Add("超期事件"), daily.Overdue);
            Incidents(book.Worksheets.Add("待裁定争议"), daily.Disputes);
            Warnings(book.Worksheets.Add("风险预警"), daily.Warnings);
        }
        if (pack.Weekly is { } weekly)
        {
            Indicators(book.Worksheets.Add("总体指标"), [weekly.Total]);
            Indicators(book.Worksheets.Add("部门指标"), weekly.ByDepartment);
            Indicators(book.Worksheets.Add("事项指标"), weekly.ByMatter);
            Trend(book.Worksheets.Add("每日趋势"), weekly.Trend);
            Hotspots(book.Worksheets.Add("本周热点"), weekly.Hotspots);
            Chronic(book.Worksheets.Add("顽疾点位"), weekly.Chronic);
            Ranking(book.Worksheets.Add("部门排名"), weekly.Ranking);
        }
        if (pack.Monthly is { } monthly)
        {
            Indicators(book.Worksheets.Add("总体指标"), [monthly.Total]);
            Indicators(book.Worksheets.Add("部门指标"), monthly.ByDepartment);
            Indicators(book.Worksheets.Add("事项指标"), monthly.ByMatter);
            Indicators(book.Worksheets.Add("区域指标"), monthly.ByRegion);
            Ranking(book.Worksheets.Add("部门排名"), monthly.Ranking);
            if (monthly.Assessment is { } assessment)
                Assessment(book.Worksheets.Add("部门考核"), assessment);
            Agenda(book.Worksheets.Add("会商议题"), monthly.Agenda);
        }
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void About(IXLWorksheet sheet, PackView pack, ReferenceData reference)
    {
        string[] kinds = ["日关注", "周研判", "月会商"];
        var kind = pack.Daily is not null ? kinds[0] : pack.Weekly is not null ? kinds[1] : kinds[2];
        object?[][] rows =
        [
            ["类型", kind], ["指挥中心", reference.CommandCenters.GetValueOrDefault(pack.CenterCode)?.Name ?? pack.CenterCode],
            ["区域编码", pack.RegionCode], ["周期", pack.Period],
            ["生成时间", PlatformTime.ToLocal(pack.GeneratedAt).ToString("yyyy-MM-dd HH:mm")], ["生成人", pack.GeneratedBy ?? "定时生成"],
        ];
        Table(sheet, ["项目", "内容"], rows);
    }

    private static void Indicators(IXLWorksheet sheet, IEnumerable<IndicatorRowView> rows)
    {
        Table(sheet, IndicatorHeaders, rows.Select(r => new object?[]
        {
            r.Key.Length == 0 ? "合计" : r.Key, r.Name, r.Received, r.Dispatched, r.Closed, r.ClosedOnTime, r.OpenOverdue, r.Overdue,
            Rate(r.OnTimeRate), Rate(r.ClosureRate), Rate(r.ReworkRate), Rate(r.ReturnRate), Rate(r.ExtensionRate),
            r.MeanHandlingMinutes, r.P90HandlingMinutes, Rate(r.DuplicateShare), r.Previous.Received, r.Previous.Closed, Rate(r.Previous.OnTimeRate),
        }));
    }

    private static void Incidents(IXLWorksheet sheet, IEnumerable<AgendaIncident> incidents) =>
        Table(sheet, ["事件编号", "摘要", "状态", "事项", "网格", "处置中心", "链接"],
            incidents.Select(i => new object?[] { i.Number, i.Summary, i.Status.ToString(), i.MatterCode, i.GridCode, i.HandlingCenterCode, i.Href }));

    private static void Warnings(IXLWorksheet sheet, IEnumerable<WarningView> warnings) =>
        Table(sheet, ["预警规则", "级别", "阈值", "起", "止", "事件数", "事件编号"],
            warnings.Select(w => new object?[] { w.RuleName, w.Severity.ToString(), w.Threshold, Local(w.After), Local(w.UpTo), w.Count,
                string.Join("、", w.Incidents.Select(i => i.Number)) }));

    private static void Trend(IXLWorksheet sheet, IEnumerable<TrendDay> days) =>
        Table(sheet, ["日期", "受理数", "派遣数", "办结数", "按时办结数"],
            days.Select(d => new object?[] { d.Date.ToString("yyyy-MM-dd"), d.Received, d.Dispatched, d.Closed, d.ClosedOnTime }));

    private static void Hotspots(IXLWorksheet sheet, IEnumerable<HotspotView> hotspots) =>
        Table(sheet, ["网格", "事项", "本周数", "基线", "倍率", "P值", "事件编号"],
            hotspots.Select(h => new object?[] { h.GridCode ?? "全区域", h.MatterCode, h.Count, h.Baseline, h.Rate, h.PValue,
                string.Join("、", h.Incidents.Select(i => i.Number)) }));

    private static void Chronic(IXLWorksheet sheet, IEnumerable<ChronicPlaceView> places) =>
        Table(sheet, ["网格", "事项", "纬度", "经度", "次数", "首次", "最近", "事件编号"],
            places.Select(p => new object?[] { p.GridCode, p.MatterCode, p.Lat, p.Lon, p.Count, Local(p.FirstReportedAt), Local(p.LastReportedAt),
                string.Join("、", p.Incidents.Select(i => i.Number)) }));

    private static void Ranking(IXLWorksheet sheet, PackRanking ranking) =>
        Table(sheet, ["榜单", "名次", "部门编码", "部门", "按时办结率", "按时办结数", "办结及超期数"],
            ranking.Best.Select(r => Ranked("最好", r)).Concat(ranking.Worst.Select(r => Ranked("最差", r))));

    private static object?[] Ranked(string list, RankedDepartment r) => [list, r.Rank, r.Code, r.Name, Rate(r.OnTimeRate), r.ClosedOnTime, r.Judged];

    public static readonly string[] AssessmentHeaders = ["名次", "部门编码", "部门", "得分", "按时办结率", "办结率", "办结数", "超期未办结数"];

    /// <summary>The assessed by rank with their score; those not assessed (nothing closed, nothing overdue) with neither.</summary>
    private static void Assessment(IXLWorksheet sheet, IEnumerable<AssessmentRowView> rows) =>
        Table(sheet, AssessmentHeaders, rows.Select(r => new object?[]
        {
            r.Rank, r.DepartmentCode, r.Name, r.Score, Rate(r.Indicators.OnTimeRate), Rate(r.Indicators.ClosureRate), r.Indicators.Closed,
            r.Indicators.OpenOverdue,
        }));

    private static void Agenda(IXLWorksheet sheet, ProposedAgenda agenda)
    {
        IEnumerable<object?[]> Section(string name, IEnumerable<AgendaIncident> incidents) =>
            incidents.Select(i => new object?[] { name, i.Number, i.Summary, i.Status.ToString(), i.MatterCode, i.GridCode, i.HandlingCenterCode });
        Table(sheet, ["议题类别", "事件编号", "摘要", "状态", "事项", "网格", "处置中心"],
            Section("争议事件", agenda.Disputes).Concat(Section("超期事件", agenda.Overdue)).Concat(Section("督办事件", agenda.Supervised))
                .Concat(agenda.Hotspots.SelectMany(h => Section($"顽疾 {h.GridCode} {h.MatterCode} ×{h.Count}", h.Incidents))));
    }

    /// <summary>A rate cell: the number itself, shown as a percentage; blank when the rate has no denominator.</summary>
    private sealed record RateCell(double Value);

    private static RateCell? Rate(double? value) => value is { } v ? new RateCell(v) : null;

    private static string Local(DateTimeOffset at) => PlatformTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm");

    private static void Table(IXLWorksheet sheet, string[] headers, IEnumerable<object?[]> rows)
    {
        for (var c = 0; c < headers.Length; c++)
            sheet.Cell(1, c + 1).Value = headers[c];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                Put(sheet.Cell(r, c + 1), row[c]);
            r++;
        }
        sheet.SheetView.FreezeRows(1);
        // Fixed widths: measuring the text needs the host's fonts, which a server may not have.
        sheet.Columns(1, headers.Length).Width = 16;
    }

    private static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case RateCell rate:
                cell.Value = rate.Value;
                cell.Style.NumberFormat.Format = PercentFormat;
                return;
            case int or long or double:
                cell.Value = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                return;
            default:
                // Text stays text: a number like an incident's never turns into a figure.
                cell.SetValue(value.ToString());
                return;
        }
    }
}
