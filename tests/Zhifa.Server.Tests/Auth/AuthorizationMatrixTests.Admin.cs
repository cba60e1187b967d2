using System.Net;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The matrix's rules for administering reference data: the responsibility list and the grids.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private MatterView? _fireLanes;

    private void AddAdminRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        // Reference reads, like the others: anyone signed in.
        rules["GET /api/v1/department-types"] = new(Signed, (c, _) => Send(c, HttpMethod.Get, "/api/v1/department-types"), ok, ok);
        rules["GET /api/v1/grids/counts"] = new(Signed, (c, _) => Send(c, HttpMethod.Get, "/api/v1/grids/counts"), ok, ok);

        // The admin edits a matter: written back as it is, so the rule changes no routing.
        rules["PUT /api/v1/matters/{code}"] = new([Caller.Admin], async (c, _) =>
        {
            var m = _fireLanes ??= await (await _clients[Caller.Admin].GetAsync("/api/v1/matters/AQ04")).ReadAsync<MatterView>();
            return await SendJson(c, HttpMethod.Put, "/api/v1/matters/AQ04", new
            {
                m.LeadDepartmentType, m.CoDepartmentTypes, m.DelegatedToTownship, m.AcceptLimit, m.HandleLimit,
                priority = m.Priority.ToString().ToLowerInvariant(), m.LegalBasis, m.DuplicateRadiusMeters, m.DuplicateWindowHours,
            });
        }, ok, ok);

        // The admin imports grids: one square outside the city, created once and then updated.
        rules["POST /api/v1/grids/import"] = new([Caller.Admin], async (c, _) =>
        {
            using var file = GridFiles.GeoJson(GridFiles.Collection(GridFiles.Square("330523203999", "矩阵测试网格", GridFiles.Shanchuan, 29.30, 119.00)));
            using var response = await _clients[c].PostAsync("/api/v1/grids/import", file);
            return response.StatusCode;
        }, ok, ok);
    }
}
