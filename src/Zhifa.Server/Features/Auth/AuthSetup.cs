using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.ApiKeys;
using Zhifa.Data;

namespace Zhifa.Server.Features.Auth;

public static class AuthSetup
{
    public const int MinimumPasswordLength = 10;
    public const int MaxFailedSignIns = 5;
    public const int LockoutMinutes = 15;
    /// <summary>Chooses bearer when the request carries an Authorization header, else the browser's cookie.</summary>
    public const string BearerOrCookie = "BearerOrCookie";

    /// <summary>
    /// Identity on the platform's database: password policy, lockout, TOTP, cookies for the
    /// browser and bearer tokens for API clients. A request may carry either.
    /// </summary>
    public static IServiceCollection AddZhifaAuth(this IServiceCollection services)
    {
        services.AddAuthentication(BearerOrCookie)
            .AddPolicyScheme(BearerOrCookie, BearerOrCookie, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName
                : ctx.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(30);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
            })
            .AddIdentityCookies();
        services.AddAuthorizationBuilder().AddZhifaPolicies();
        services.AddSingleton<Jurisdictions>();

        services.AddIdentityCore<PlatformUser>(o =>
            {
                o.Password.RequiredLength = MinimumPasswordLength;
                // The character-class rule is CharacterClassesPasswordValidator's: three of four, not all four.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ZhifaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CharacterClassesPasswordValidator>()
            .AddClaimsPrincipalFactory<PlatformClaims>();
        // An API answers 401 and 403; it does not redirect to a sign-in page.
        services.ConfigureApplicationCookie(o =>
        {
            // The browser sends the cookie only from the platform's own pages: no cross-site POST acts as a user.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Events.OnRedirectToLogin = ctx => Answer(ctx.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx.Response, StatusCodes.Status403Forbidden);
        });
        services.AddScoped<IdentitySeeder>();
        services.AddSingleton<SignInGate>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<Users.UserRules>();
        services.AddScoped<Users.UserAdministration>();
        return services;
    }

    private static Task Answer(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
