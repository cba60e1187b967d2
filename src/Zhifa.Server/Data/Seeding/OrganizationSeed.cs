using Zhifa.Core.Matters;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Data.Seeding;

/// <summary>Command centres, department types, departments and matters derived from the seed files.</summary>
public static class OrganizationSeed
{
    public static List<CommandCenter> CommandCenters(IReadOnlyList<Region> regions) =>
        regions.Select(r => new CommandCenter
        {
            Code = CommandCenter.CodeFor(r.Code),
            Name = $"{r.Name}{(r.Level == RegionLevel.Township ? "综合指挥室" : "行政执法指挥中心")}",
            RegionCode = r.Code,
            Level = r.Level,
            ParentCode = r.ParentCode is null ? null : CommandCenter.CodeFor(r.ParentCode),
        }).ToList();

    public static List<DepartmentType> DepartmentTypes(string path) =>
        Csv.ReadRecords(path).Select(row => new DepartmentType
        {
            Code = row["type"],
            Name = row["name_zh"],
            NameEn = row["name_en"],
            Levels = row["levels"].Split(';').Select(l => Enum.Parse<RegionLevel>(l, ignoreCase: true)).ToList(),
        }).ToList();

    /// <summary>Each type at each level it lists, in every region of that level.</summary>
    public static List<Department> Departments(IReadOnlyList<Region> regions, IReadOnlyList<DepartmentType> types) =>
        (from region in regions
         from type in types
         where type.Levels.Contains(region.Level)
         select new Department
         {
             Code = Department.CodeFor(region.Code, type.Code),
             Name = region.Name + type.Name,
             TypeCode = type.Code,
             RegionCode = region.Code,
         }).ToList();

    public static List<Matter> Matters(string path) =>
        Csv.ReadRecords(path).Select(row => new Matter
        {
            Code = row["code"],
            Category = row["category"],
            Name = row["name_zh"],
            NameEn = row["name_en"],
            LeadDepartmentType = row["lead"],
            DelegatedToTownship = row["delegated_to_township"] == "yes",
            CoDepartmentTypes = row["co_departments"].Split(';', StringSplitOptions.RemoveEmptyEntries),
            AcceptLimit = TimeLimit.Parse(row["accept_limit"]),
            HandleLimit = TimeLimit.Parse(row["handle_limit"]),
            Priority = Enum.Parse<Priority>(row["priority"], ignoreCase: true),
            DuplicateRadiusMeters = int.Parse(row["duplicate_radius_m"], System.Globalization.CultureInfo.InvariantCulture),
            DuplicateWindowHours = int.Parse(row["duplicate_window_h"], System.Globalization.CultureInfo.InvariantCulture),
            LegalBasis = row["law"].Length == 0 ? null : row["law"],
        }).ToList();
}
