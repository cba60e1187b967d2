using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Zhifa.Core.Organization;
using Zhifa.Data;

namespace Zhifa.Server.Features.ApiKeys;

/// <summary>
/// <c>X-Api-Key</c>: a channel client acts in role Channel, bound to its key's channel (claim
/// <see cref="ChannelClaim"/>). A revoked or unknown key fails authentication.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ZhifaDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ChannelClaim = "zhifa:channel";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(presented))
            return AuthenticateResult.NoResult();
        if (await ApiKeyLookup.FindActiveAsync(db, presented, Context.RequestAborted) is not { } key)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new Claim(ClaimTypes.Name, ApiKeyLookup.ActorName(key)),
            new Claim(ClaimTypes.Role, nameof(Role.Channel)),
            new Claim(ChannelClaim, key.Channel),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
