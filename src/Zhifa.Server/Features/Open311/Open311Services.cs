using System.Globalization;
using Zhifa.Core.Matters;
using Zhifa.Server.Features.Reference;
using static Zhifa.Server.Features.Open311.Open311Tree;

namespace Zhifa.Server.Features.Open311;

/// <summary>
/// The responsibility list as GeoReport services: one service per matter, its code the matter's
/// code, grouped by the matter's category. Every service takes the optional occurred_at attribute,
/// so every service has metadata.
/// </summary>
internal static class Open311Services
{
    public const string OccurredAt = "occurred_at";

    public static Open311List List(ReferenceData reference) =>
        Open311Tree.List("services", reference.Matters.Values.OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => Service(m, reference)));

    public static Open311Object Definition(Matter matter) => Object("service_definition",
        Value("service_code", matter.Code),
        Open311Tree.List("attributes",
        [
            Object("attribute",
                Value("variable", true),
                Value("code", OccurredAt),
                Value("datatype", "datetime"),
                Value("required", false),
                Value("datatype_description", "ISO 8601 with offset, e.g. 2026-11-27T09:30:00+08:00; without an offset it is Beijing time."),
                Value("order", 1),
                Value("description", "发现问题的时间 (when the problem was observed)"),
                Open311Tree.List("values", [])),
        ]));

    private static Open311Object Service(Matter m, ReferenceData reference) => Object("service",
        Value("service_code", m.Code),
        Value("service_name", m.Name),
        Value("description", $"{m.NameEn}. 由{LeadName(m, reference)}牵头处置，受理时限{Describe(m.AcceptLimit)}，处置时限{Describe(m.HandleLimit)}。"),
        Value("metadata", true),
        Value("type", "realtime"),
        Value("keywords", string.Join(", ", m.Name, m.NameEn, m.Category)),
        Value("group", m.Category));

    private static string LeadName(Matter m, ReferenceData reference) =>
        reference.DepartmentTypes.TryGetValue(m.LeadDepartmentType, out var type) ? type.Name : m.LeadDepartmentType;

    /// <summary>A time limit as a citizen reads it: 2个工作小时, 1个工作日, 30分钟, 4小时.</summary>
    public static string Describe(TimeLimit limit) => limit.Amount.ToString(CultureInfo.InvariantCulture) + limit.Unit switch
    {
        TimeLimitUnit.WorkingHours => "个工作小时",
        TimeLimitUnit.WorkingDays => "个工作日",
        TimeLimitUnit.NaturalMinutes => "分钟",
        _ => "小时",
    };
}
