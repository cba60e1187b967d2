using System.Net;
using Zhifa.Server.Ui;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// The matrix's rules for the web UI's endpoints. Pages are public shells: the router inside them
/// decides who sees what (the browser tests check that), so each answers every caller alike, except
/// that the matrix's signed-in clients do not follow redirects where the anonymous one does. Static
/// files (the framework's, MudBlazor's, the platform's own) are public; there are many and more come
/// with every library, so their rules are made from the endpoint list.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly string[] StaticRoots = ["/_content/", "/_framework/blazor", "/css/", "/js/", "/lib/"];

    private void AddUiRules(Dictionary<string, Rule> rules, IReadOnlyList<string> mapped)
    {
        foreach (var endpoint in mapped)
        {
            var (method, path) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
            if (method is "GET" or "HEAD" && !path.Contains('{') && StaticRoots.Any(path.StartsWith))
                rules[endpoint] = Public(c => Send(c, new HttpMethod(method), path), HttpStatusCode.OK);
        }
        // An unknown file: the fallback answers only the signed-in, with 404.
        foreach (var method in new[] { "GET", "HEAD" })
            rules[$"{method} /{{**path:file}}"] = new(Signed, (c, _) => Send(c, new HttpMethod(method), "/no-such-file.txt"), Always(HttpStatusCode.NotFound), Always(HttpStatusCode.NotFound));

        // Pages. The anonymous and channel clients follow redirects (the anonymous one to /login); people's do not.
        Func<Caller, HttpStatusCode> redirected = c => c is Caller.Anonymous or Caller.ChannelKey ? HttpStatusCode.OK : HttpStatusCode.Redirect;
        // "/" sends a role to its home page; a role without a page yet is told so there.
        Func<Caller, HttpStatusCode> home = c => Homes.Pages.Any(p => p.Roles.Any(r => r.ToString() == c.ToString())) ? HttpStatusCode.Redirect : HttpStatusCode.OK;
        rules["GET /"] = new([], (c, _) => Send(c, HttpMethod.Get, "/"), home, home, Public: true);
        rules["GET /culture/{culture}"] = new([], (c, _) => Send(c, HttpMethod.Get, "/culture/en?back=/login"), redirected, redirected, Public: true);
        foreach (var page in Homes.All.Select(p => p.Href).Append("/login"))
            rules[$"GET {page}"] = Public(c => Send(c, HttpMethod.Get, page), HttpStatusCode.OK);
        // A form post without the page's antiforgery token is refused.
        foreach (var page in Homes.All.Select(p => p.Href).Append("/login").Append("/"))
            rules[$"POST {page}"] = Public(c => Send(c, HttpMethod.Post, page), HttpStatusCode.BadRequest);

        // The circuit's hub: the same for every caller; a page's circuit carries the browser's cookie.
        rules["ANY /_blazor"] = Public(c => Send(c, HttpMethod.Get, "/_blazor"), HttpStatusCode.BadRequest);
        rules["ANY /_blazor/negotiate"] = Public(c => Send(c, HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1"), HttpStatusCode.OK);
        rules["ANY /_blazor/disconnect"] = Public(c => Send(c, HttpMethod.Post, "/_blazor/disconnect"), HttpStatusCode.BadRequest);
        rules["ANY /_blazor/initializers"] = Public(c => Send(c, HttpMethod.Get, "/_blazor/initializers"), HttpStatusCode.OK);
        rules["GET /_framework/opaque-redirect"] = Public(c => Send(c, HttpMethod.Get, "/_framework/opaque-redirect"), HttpStatusCode.BadRequest);
    }
}
