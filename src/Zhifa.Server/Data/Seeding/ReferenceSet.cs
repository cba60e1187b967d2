using Zhifa.Core.Matters;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Data.Seeding;

/// <summary>All reference data as the seed files define it, before it meets the database.</summary>
internal sealed record ReferenceSet(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Grid> Grids,
    IReadOnlyList<CommandCenter> CommandCenters,
    IReadOnlyList<DepartmentType> DepartmentTypes,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Matter> Matters);
