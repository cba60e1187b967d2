using SkiaSharp;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Zhifa.Server.Features.Auth;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Ui;

/// <summary>
/// The platform on a real Kestrel port, and Debian's Chromium driven by Playwright: what a person's
/// browser meets. One server and one browser serve every browser test; each test opens its own
/// context (cookies of its own).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const string CjkFonts = "/usr/share/fonts/opentype/noto";

    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public BrowserApp() => UseKestrel(k => k.Listen(IPAddress.Loopback, 0));

    public FakeTimeProvider Time { get; } = new(ZhifaApp.Start);
    public IBrowser Browser { get; private set; } = default!;
    public Uri Address { get; private set; } = default!;

    /// <summary>Where screenshots go: the test output, kept with the run's results.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        _database = await TestDatabase.CreateAsync();
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedDemoUsersAsync();
            await scope.ServiceProvider.GetRequiredService<global::Zhifa.Server.Data.Seeding.DemoOfficers>().SeedAsync(CancellationToken.None);
        }
        // The triage queue's suggestions come from the classifier, trained in the background at start.
        await Services.GetRequiredService<Features.Triage.ClueClassifier>().Ready;
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        ZhifaApp.Configure(builder, _database ?? throw new InvalidOperationException("Not initialised."), Time);

    /// <summary>A fresh browser context (its own cookies) at a phone's or a desk's size, on this server.</summary>
    public Task<IPage> PageAsync(int width = 1920, int height = 1080) =>
        PageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>A phone-sized browser whose location is (<paramref name="lat"/>, <paramref name="lon"/>), allowed to use it.</summary>
    public Task<IPage> PhoneAtAsync(double lat, double lon) => PageAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        Geolocation = new Geolocation { Latitude = (float)lat, Longitude = (float)lon, Accuracy = 12 },
        Permissions = ["geolocation"],
    });

    /// <summary>A photo as a phone's camera hands it to a page's file input: a small PNG of one colour.</summary>
    public static FilePayload Photo(string name, SKColor colour)
    {
        using var bitmap = new SKBitmap(64, 48);
        bitmap.Erase(colour);
        return new FilePayload { Name = name, MimeType = "image/png", Buffer = Media.TestImages.Encode(bitmap, SKEncodedImageFormat.Png) };
    }

    /// <summary>A fresh browser context with the caller's options (a phone's location, say), on this server, in Chinese.</summary>
    public async Task<IPage> PageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = Address.ToString();
        options.Locale ??= "zh-CN";
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    /// <summary>An API client on the real port, signed in with a bearer token as a demo user (with a code from the authenticator when the role needs one).</summary>
    public async Task<HttpClient> ApiAsAsync(string userName, string? twoFactorCode = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Auth.AuthApi.DemoPassword, twoFactorCode });
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>
    /// Debian's Chromium, and CJK fonts for the Chinese pages' screenshots, installed from Debian's
    /// packages when the machine lacks them, so that a plain `dotnet test` sets up what it needs, as CI does.
    /// </summary>
    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath) && Directory.Exists(CjkFonts))
            return;
        using var install = Process.Start(new ProcessStartInfo("sh", ["-c", "apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DEBIAN_FRONTEND"] = "noninteractive" },
        }) ?? throw new InvalidOperationException("apt-get did not start.");
        await install.WaitForExitAsync();
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath}, and `apt-get install chromium fonts-noto-cjk` failed: {await install.StandardError.ReadToEndAsync()}");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await base.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
