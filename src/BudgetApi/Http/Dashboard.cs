using Microsoft.Extensions.FileProviders;

namespace BudgetApi.Http;

/// <summary>
/// The dashboard at /dashboard: static files from wwwroot/dashboard, nothing else of wwwroot. Plain HTML, CSS and
/// JavaScript modules with the chart library vendored beside them, so it runs on a closed network and needs no build step.
/// The page names its assets by content-hashed names, made at start (<see cref="Dashboardbestanden"/>).
/// </summary>
public static class Dashboard
{
    public const string Pad = "/dashboard";

    /// <summary>
    /// The narrowest policy the dashboard runs with: its own scripts, styles and icon, fetches to its own origin only,
    /// no inline script or style, no eval, and DOM sinks (innerHTML) refused by Trusted Types. The chart library's one
    /// inline &lt;style&gt; element is removed before it reaches the document (wwwroot/dashboard/js/grafiek.js).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    public static IApplicationBuilder GebruikDashboard(this WebApplication app)
    {
        var map = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "dashboard");
        var bestanden = new PhysicalFileProvider(map);
        // /dashboard answers with a redirect to /dashboard/, so the page's relative addresses resolve inside it. Made here rather than by
        // the static files (which build it from the request's Host header): from the configured public address (Publiekadres).
        app.Use((context, next) =>
        {
            if (!context.Request.Path.Equals(Pad, StringComparison.OrdinalIgnoreCase) || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return next(context);
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = Publiekadres.Van(context, Pad + "/", context.Request.QueryString);
            return Task.CompletedTask;
        });
        // The page and its assets under hashed names, compressed (Dashboardbestanden); any other path of the folder, a source name
        // included, is served as before by the static files below.
        var gehasht = Dashboardbestanden.Lees(map);
        app.Use((context, next) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.StartsWithSegments(Pad, StringComparison.Ordinal, out var rest) && gehasht.Zoek(rest.Value ?? "") is { } bestand
                ? Dashboardbestanden.Dien(context, bestand)
                : next(context));
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Pad, FileProvider = bestanden });
        return app.UseStaticFiles(new StaticFileOptions { RequestPath = Pad, FileProvider = bestanden });
    }
}
