using System.Net;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Features.Users;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Users.UsersApi;

namespace Zhifa.Server.Tests.Users;

/// <summary>Making people and listing them: the admin's, checked field by field, and audited.</summary>
[Collection(ApiCollection.Name)]
public sealed class UserAdministrationTests(ZhifaApp app)
{
    [Fact]
    public async Task Create_WhenAdmin_Answers201WithLocationAndThePersonSignsIn()
    {
        var api = await StartAsync(app);
        var name = NewName("dispatcher");

        var response = await api.Admin.PostJsonAsync(Root, Dispatcher(name));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Root}/{name}", response.Headers.Location?.OriginalString);
        var saved = await response.ReadAsync<SavedUser>();
        Assert.Null(saved.TotpKey);
        var view = await api.GetAsync(name);
        Assert.Equal(["Dispatcher"], view.Roles);
        Assert.Equal("330503-ZHZX", view.CenterCode);
        Assert.False(view.LockedOut);
        var me = await (await (await api.SignedInAsync(name)).GetAsync(AuthApi.Me)).ReadAsync<MeView>();
        Assert.Equal("测试调度员", me.DisplayName);
    }

    [Fact]
    public async Task Create_AnAdmin_AnswersItsTotpKeyOnceAndSignInNeedsTheCode()
    {
        var api = await StartAsync(app);
        var name = NewName("admin");

        var saved = await api.CreateAsync(new { userName = name, displayName = "第二管理员", roles = new[] { "Admin" }, password = AuthApi.TestPassword });

        Assert.NotNull(saved.TotpKey);
        Assert.StartsWith("otpauth://totp/", saved.TotpUri);
        Assert.True(saved.User.TwoFactorEnabled);
        await ProblemAssert.IsProblemAsync(await app.CreateClient().LoginAsync(name, AuthApi.TestPassword), HttpStatusCode.Unauthorized, "auth.two_factor_required");
        var admin = await api.SignedInAsync(name, totpKey: saved.TotpKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Root)).StatusCode);
        Assert.DoesNotContain(saved.TotpKey!, await (await api.Admin.GetAsync($"{Root}/{name}")).Content.ReadAsStringAsync());
    }

    public static TheoryData<string, object> BadUsers(string name) => new()
    {
        { "roles", new { userName = name, displayName = "x", roles = new[] { "Mayor" }, password = AuthApi.TestPassword, centerCode = "330503-ZHZX" } },
        { "roles", new { userName = name, displayName = "x", roles = Array.Empty<string>(), password = AuthApi.TestPassword } },
        { "centerCode", new { userName = name, displayName = "x", roles = new[] { "Dispatcher" }, password = AuthApi.TestPassword, centerCode = "999999-ZHZX" } },
        { "centerCode", new { userName = name, displayName = "x", roles = new[] { "Analyst" }, password = AuthApi.TestPassword } },
        { "departmentCode", new { userName = name, displayName = "x", roles = new[] { "DepartmentOfficer" }, password = AuthApi.TestPassword } },
        { "departmentCode", new { userName = name, displayName = "x", roles = new[] { "DepartmentLeader" }, password = AuthApi.TestPassword, departmentCode = "NOPE" } },
        { "gridCodes", new { userName = name, displayName = "x", roles = new[] { "GridWorker" }, password = AuthApi.TestPassword, centerCode = "330503106-ZHZX" } },
        { "gridCodes", new { userName = name, displayName = "x", roles = new[] { "GridWorker" }, password = AuthApi.TestPassword, centerCode = "330503106-ZHZX", gridCodes = new[] { "000" } } },
        { "gridCodes", new { userName = name, displayName = "x", roles = new[] { "Admin" }, password = AuthApi.TestPassword, gridCodes = new[] { "330503106023" } } },
        { "password", new { userName = name, displayName = "x", roles = new[] { "Admin" }, password = "short" } },
        { "password", new { userName = name, displayName = "x", roles = new[] { "Admin" }, password = "alllowercaseletters" } },
        { "password", new { userName = name, displayName = "x", roles = new[] { "Admin" } } },
        { "displayName", new { userName = name, displayName = " ", roles = new[] { "Admin" }, password = AuthApi.TestPassword } },
        { "userName", new { userName = "张三", displayName = "x", roles = new[] { "Admin" }, password = AuthApi.TestPassword } },
        { "userName", new { displayName = "x", roles = new[] { "Admin" }, password = AuthApi.TestPassword } },
    };

    [Theory]
    [MemberData(nameof(BadUsers), "u.refused")]
    public async Task Create_WithABadField_NamesTheFieldAndMakesNoOne(string field, object body)
    {
        var api = await StartAsync(app);

        await ProblemAssert.NamesFieldAsync(await api.Admin.PostJsonAsync(Root, body), field);

        await api.AssertNoUserAsync("u.refused");
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"userName\":\"u.malformed\",\"roles\":[null],\"gridCodes\":[null]}")]
    [InlineData("{\"userName\":\"u.malformed\",\"roles\":\"Admin\"}")]
    public async Task Create_WithAMalformedBody_Answers400AndMakesNoOne(string json)
    {
        var api = await StartAsync(app);

        var response = await api.Admin.PostRawJsonAsync(Root, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await api.AssertNoUserAsync("u.malformed");
    }

    [Fact]
    public async Task Create_WithATakenName_Answers409AndLeavesTheFirstAlone()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("taken");

        var again = await api.Admin.PostJsonAsync(Root, new { userName = name, displayName = "别人", roles = new[] { "Analyst" }, password = "Other-Passw0rd-1", centerCode = "330500-ZHZX" });

        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "users.user_name_taken");
        Assert.Equal(["Dispatcher"], (await api.GetAsync(name)).Roles);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync(name, AuthApi.TestPassword)).StatusCode);
    }

    [Fact]
    public async Task List_FiltersByRoleAndByAPieceOfTheName()
    {
        var api = await StartAsync(app);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await api.CreateAsync(Dispatcher($"list.{marker}.a"));
        await api.CreateAsync(new { userName = $"list.{marker}.b", displayName = "分析员", roles = new[] { "Analyst" }, password = AuthApi.TestPassword, centerCode = "330500-ZHZX" });

        var both = await (await api.Admin.GetAsync($"{Root}?q={marker.ToUpperInvariant()}")).ReadAsync<PagedList<UserView>>();
        var analysts = await (await api.Admin.GetAsync($"{Root}?q={marker}&role=Analyst&pageSize=1")).ReadAsync<PagedList<UserView>>();

        Assert.Equal([$"list.{marker}.a", $"list.{marker}.b"], both.Items.Select(u => u.UserName));
        Assert.Equal(2, both.Total);
        Assert.Equal($"list.{marker}.b", Assert.Single(analysts.Items).UserName);
        Assert.Equal(1, analysts.Total);
    }

    [Theory]
    [InlineData("role=Mayor", "role")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_WithABadParameter_NamesIt(string query, string field)
    {
        var api = await StartAsync(app);

        await ProblemAssert.NamesFieldAsync(await api.Admin.GetAsync($"{Root}?{query}"), field);
    }

    [Fact]
    public async Task UserEndpoints_ForAnyoneButAnAdmin_AreRefusedAndMakeNoOne()
    {
        var api = await StartAsync(app);
        var name = NewName("nobody");

        var asDispatcher = await app.Cast.As(Cast.CityDispatcher).PostJsonAsync(Root, Dispatcher(name));
        var asCommander = await app.Cast.As(Cast.CityCommander).GetAsync(Root);
        var anonymous = await app.CreateClient().PostJsonAsync(Root, Dispatcher(name));

        Assert.Equal(HttpStatusCode.Forbidden, asDispatcher.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCommander.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await api.AssertNoUserAsync(name);
    }

    [Fact]
    public async Task Create_TheSameNameTwiceAtOnce_MakesOneAndAnswers409ToTheOther()
    {
        var api = await StartAsync(app);
        var name = NewName("race");

        // Both requests are in flight together, so both can pass the name check before either inserts.
        var answers = await Task.WhenAll(api.Admin.PostJsonAsync(Root, Dispatcher(name)), api.Admin.PostJsonAsync(Root, Dispatcher(name)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await ProblemAssert.IsProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "users.user_name_taken");
        var found = await (await api.Admin.GetAsync($"{Root}?q={name}")).ReadAsync<PagedList<UserView>>();
        Assert.Equal(name, Assert.Single(found.Items).UserName);
        Assert.Equal(["Dispatcher"], found.Items[0].Roles);
    }

    [Fact]
    public async Task Create_IsInTheAuditTrailUnderTheAdminWithoutThePassword()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("audited");

        var trail = await (await api.Admin.GetAsync($"/api/v1/audit?actor={api.AdminName}")).ReadAsync<PagedList<Features.Audit.AuditEntryView>>();

        var entry = Assert.Single(trail.Items, e => e.Target == name);
        Assert.Equal("POST /api/v1/users/", entry.Action);
        Assert.Equal(201, entry.Status);
        Assert.DoesNotContain(AuthApi.TestPassword, entry.Summary ?? "");
    }

    [Fact]
    public async Task Create_WithATakenName_IsAuditedAgainstTheNameWithoutTheMadeSummary()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("twice");

        await ProblemAssert.IsProblemAsync(await api.Admin.PostJsonAsync(Root, Dispatcher(name)), HttpStatusCode.Conflict, "users.user_name_taken");

        var trail = await (await api.Admin.GetAsync($"/api/v1/audit?actor={api.AdminName}")).ReadAsync<PagedList<Features.Audit.AuditEntryView>>();
        var refused = Assert.Single(trail.Items, e => e.Target == name && e.Status == 409);
        Assert.Null(refused.Summary);
    }
}
