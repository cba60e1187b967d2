using Zhifa.Core.Incidents;

namespace Zhifa.Server.Data.Seeding;

/// <summary>The words of the demo history: a report as its channel would word it, and a department's result.</summary>
internal static class DemoTexts
{
    public static string Report(DemoCase plan)
    {
        var place = plan.Place.GridName;
        if (plan.Matter is not { } matter)
            return $"群众反映{place}这里有情况，请派人核实";
        var what = matter.Name;
        return plan.Channel switch
        {
            Channels.Grid => $"网格员巡查发现{place}{what}，已拍照取证。",
            Channels.Hotline12345 => $"市民来电反映：{place}附近{what}，已持续多日，请相关部门尽快处理。",
            Channels.CityManagement => $"数字城管上报：{place}{what}。",
            Channels.App => $"群众通过浙里办反映{place}有{what}情况，附现场照片。",
            Channels.Spoil => $"渣土车监管平台告警：{place}{what}。",
            Channels.Open311 => $"市民在线反映：{place}{what}。",
            _ => $"来访登记：{place}{what}。",
        };
    }

    public static string Result(DemoCase plan) => plan.Matter?.Category switch
    {
        "市容环境" => "已到场处置，责令当事人当场整改，现场已恢复整洁。",
        "工程渣土" => "已联合交警拦查，责令清理路面并依法立案调查。",
        "违法建设" => "已下达责令停止违法行为通知书，当事人已自行拆除。",
        _ => "已到场核查处置，对当事人进行教育并责令限期整改，已整改到位。",
    };
}
