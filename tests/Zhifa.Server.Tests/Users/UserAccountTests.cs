using System.Net;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Users;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Users.UsersApi;

namespace Zhifa.Server.Tests.Users;

/// <summary>Changing a person's post, locking them out and resetting their password: each ends their sessions at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class UserAccountTests(ZhifaApp app)
{
    private const string Dashboard = "/api/v1/dashboard";
    private const string Inbox = "/api/v1/inbox";

    [Fact]
    public async Task Update_ARoleChange_TakesEffectOnThePersonsNextRequest()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("moved");
        var before = await api.SignedInAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(Dashboard)).StatusCode);

        var saved = await (await api.Admin.PutJsonAsync($"{Root}/{name}",
            new { displayName = "调岗执法员", roles = new[] { "DepartmentOfficer" }, departmentCode = "330503-NYNC" })).ReadAsync<SavedUser>();

        Assert.Equal(["DepartmentOfficer"], saved.User.Roles);
        Assert.Null(saved.User.CenterCode);
        // The old session carries the old post: it ends, so it can no longer use it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync(Dashboard)).StatusCode);
        var after = await api.SignedInAsync(name);
        Assert.Equal(HttpStatusCode.Forbidden, (await after.GetAsync(Dashboard)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync(Inbox)).StatusCode);
    }

    [Fact]
    public async Task Update_WithABadField_NamesItAndChangesNothing()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("kept");
        var session = await api.SignedInAsync(name);

        var response = await api.Admin.PutJsonAsync($"{Root}/{name}", new { displayName = "新名字", roles = new[] { "Supervisor", "Mayor" }, centerCode = "330503-ZHZX" });

        await ProblemAssert.NamesFieldAsync(response, "roles");
        var view = await api.GetAsync(name);
        Assert.Equal(["Dispatcher"], view.Roles);
        Assert.Equal("测试调度员", view.DisplayName);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(Dashboard)).StatusCode);
    }

    [Fact]
    public async Task Update_GivingACommanderRole_EnrolsTotpAndAnswersTheKeyOnce()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("promoted");

        var saved = await (await api.Admin.PutJsonAsync($"{Root}/{name}",
            new { displayName = "值班指挥长", roles = new[] { "DutyCommander" }, centerCode = "330503-ZHZX" })).ReadAsync<SavedUser>();

        Assert.NotNull(saved.TotpKey);
        Assert.True(saved.User.TwoFactorEnabled);
        var commander = await api.SignedInAsync(name, totpKey: saved.TotpKey);
        Assert.Equal(HttpStatusCode.OK, (await commander.GetAsync(Dashboard)).StatusCode);
    }

    [Fact]
    public async Task Update_TakingAdminFromOneself_Answers409AndKeepsTheRole()
    {
        var api = await StartAsync(app);

        var response = await api.Admin.PutJsonAsync($"{Root}/{api.AdminName}", new { displayName = "管理员", roles = new[] { "Analyst" }, centerCode = "330500-ZHZX" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "users.own_admin_role");
        Assert.Equal(["Admin"], (await api.GetAsync(api.AdminName)).Roles);
    }

    [Fact]
    public async Task Update_OfNoSuchUser_Answers404()
    {
        var api = await StartAsync(app);

        var response = await api.Admin.PutJsonAsync($"{Root}/no.such.user", new { displayName = "x", roles = new[] { "Admin" } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "users.not_found");
    }

    [Fact]
    public async Task Lock_EndsTheSessionAndRefusesSignInUntilUnlocked()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("locked");
        var session = await api.SignedInAsync(name);

        var locked = await (await api.Admin.PostJsonAsync($"{Root}/{name}/lock", new { })).ReadAsync<UserView>();

        Assert.True(locked.LockedOut);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(Dashboard)).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.CreateClient().LoginAsync(name, AuthApi.TestPassword), HttpStatusCode.Unauthorized, "auth.locked_out");

        var unlocked = await (await api.Admin.PostJsonAsync($"{Root}/{name}/unlock", new { })).ReadAsync<UserView>();

        Assert.False(unlocked.LockedOut);
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync(name)).GetAsync(Dashboard)).StatusCode);
    }

    [Fact]
    public async Task Lock_Oneself_Answers409AndLeavesTheSessionWorking()
    {
        var api = await StartAsync(app);

        await ProblemAssert.IsProblemAsync(await api.Admin.PostJsonAsync($"{Root}/{api.AdminName}/lock", new { }), HttpStatusCode.Conflict, "users.lock_self");

        Assert.Equal(HttpStatusCode.OK, (await api.Admin.GetAsync(Root)).StatusCode);
        Assert.False((await api.GetAsync(api.AdminName)).LockedOut);
    }

    [Fact]
    public async Task ResetPassword_SetsTheNewOneAndEndsTheOldSessions()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("reset");
        var session = await api.SignedInAsync(name);

        var response = await api.Admin.PostJsonAsync($"{Root}/{name}/password", new { password = "Brand-New-Passw0rd" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(Dashboard)).StatusCode);
        await ProblemAssert.IsProblemAsync(await app.CreateClient().LoginAsync(name, AuthApi.TestPassword), HttpStatusCode.Unauthorized, "auth.failed");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync(name, "Brand-New-Passw0rd")).StatusCode);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("onlylowercaseletters")]
    [InlineData("")]
    public async Task ResetPassword_ThePolicyRefuses_NamesPasswordAndKeepsTheOldOne(string password)
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("weak");

        await ProblemAssert.NamesFieldAsync(await api.Admin.PostJsonAsync($"{Root}/{name}/password", new { password }), "password");

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().LoginAsync(name, AuthApi.TestPassword)).StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ThePolicyRefuses_IsAuditedAgainstTheUser()
    {
        var api = await StartAsync(app);
        var name = await api.NewDispatcherAsync("audited.refusal");

        await ProblemAssert.NamesFieldAsync(await api.Admin.PostJsonAsync($"{Root}/{name}/password", new { password = "short" }), "password");

        var trail = await (await api.Admin.GetAsync($"/api/v1/audit?actor={api.AdminName}")).ReadAsync<PagedList<AuditEntryView>>();
        var entry = Assert.Single(trail.Items, e => e.Action == "POST /api/v1/users/{userName}/password");
        Assert.Equal((name, 400), (entry.Target, entry.Status));
        // Nothing was reset, so the trail must not say it was.
        Assert.Null(entry.Summary);
    }

    [Fact]
    public async Task Lock_OfNoSuchUser_IsAuditedAgainstTheNameTried()
    {
        var api = await StartAsync(app);

        await ProblemAssert.IsProblemAsync(await api.Admin.PostJsonAsync($"{Root}/no.such.user/lock", new { }), HttpStatusCode.NotFound, "users.not_found");

        var trail = await (await api.Admin.GetAsync($"/api/v1/audit?actor={api.AdminName}")).ReadAsync<PagedList<AuditEntryView>>();
        var entry = Assert.Single(trail.Items, e => e.Action == "POST /api/v1/users/{userName}/lock");
        Assert.Equal(("no.such.user", 404), (entry.Target, entry.Status));
    }
}
