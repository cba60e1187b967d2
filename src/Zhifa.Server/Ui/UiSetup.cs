using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Zhifa.Server.Components;

namespace Zhifa.Server.Ui;

/// <summary>
/// The command centre in the browser: Blazor in Interactive Server mode with MudBlazor, Chinese by
/// default with English on request (a cookie), every page a client of the platform's own API.
/// </summary>
public static class UiSetup
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    public static IServiceCollection AddZhifaUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddLocalization();
        services.AddHttpClient(PlatformApi.ClientName);
        services.AddSingleton<LoopbackAddress>();
        services.AddScoped<PlatformApi>();
        return services;
    }

    public static IApplicationBuilder UseZhifaUiCulture(this IApplicationBuilder app) => app.UseRequestLocalization(o =>
    {
        o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
        // The cookie alone chooses: a browser's Accept-Language must not turn a Chinese office's screens English.
        o.RequestCultureProviders = [new CookieRequestCultureProvider()];
    });

    public static void MapZhifaUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Pages decide access themselves ([Authorize] in the router), sending the signed-out to /login
        // rather than answering 401 as the API does.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();
        app.MapGet("/culture/{culture}", (string culture, string? back, HttpContext http) =>
        {
            if (!Cultures.Contains(culture))
                return Results.NotFound();
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
            // Only a path of this site, never another address.
            return Results.LocalRedirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) ? back : "/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
}
