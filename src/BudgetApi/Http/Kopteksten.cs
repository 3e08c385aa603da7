using Microsoft.AspNetCore.Cors.Infrastructure;

namespace BudgetApi.Http;

/// <summary>
/// Headers on every response: the API version (ADR /core/version-header), the security headers (ADR
/// /core/transport/security-headers), Cache-Control, and CORS. The one place of these rules for a computed answer and a
/// stored one (<see cref="Antwoordcache"/>) alike: both are set as the response starts, whichever way it was answered.
/// </summary>
public static class Kopteksten
{
    /// <summary>
    /// Public, read-only figures: any origin may read them, the OpenAPI document included (ADR /core/publish-openapi). The import
    /// (POST) is not offered cross-origin: a browser on another site cannot send it, with or without credentials. A dashboard on
    /// another origin may revalidate what it holds: If-None-Match is allowed in (any header is), the ETag readable. The CORS
    /// middleware applies it to the computed answers (the default policy), <see cref="Cors"/> to the stored ones.
    /// </summary>
    public static readonly CorsPolicy CorsBeleid = new CorsPolicyBuilder()
        .AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().SetPreflightMaxAge(TimeSpan.FromHours(1))
        .WithExposedHeaders("API-Version", "Content-Disposition", "Retry-After", "ETag").Build();

    /// <summary>
    /// CORS for a stored answer, as the framework's CORS middleware does it for a computed one: a request with an Origin is
    /// evaluated against <see cref="CorsBeleid"/> by the same service, and its result applied to the response. The front cache
    /// calls it when its headers are complete, where the middleware's callback runs as the response starts: the same point.
    /// </summary>
    public static void Cors(HttpContext context, ICorsService cors)
    {
        if (!context.Request.Headers.ContainsKey(CorsConstants.Origin)) return;
        cors.ApplyResult(cors.EvaluatePolicy(context, CorsBeleid), context.Response);
    }

    public static IApplicationBuilder GebruikKopteksten(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(ZetBijStart, context);
        await next(context);
    });

    private static readonly Func<object, Task> ZetBijStart = staat =>
    {
        Zet((HttpContext)staat);
        return Task.CompletedTask;
    };

    /// <summary>
    /// The headers every response gets, from its final status and headers: set as the response starts by
    /// <see cref="GebruikKopteksten"/>, and by the front cache for a stored answer (which it answers before that middleware),
    /// right before it writes, so both paths have them from this one rule.
    /// </summary>
    public static void Zet(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["API-Version"] = OpenApiDocument.Versie;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // ADR default: no-store. A data answer with an ETag (a 200, or the 304 standing for it) may be kept by any cache,
        // but must be revalidated before every use: figures change only on a load or import, and then at once (docs/api.md).
        var status = context.Response.StatusCode;
        // A dashboard asset under its content-hashed name never changes: kept for a year, never revalidated (Dashboardbestanden).
        headers.CacheControl = status is StatusCodes.Status200OK or StatusCodes.Status304NotModified && headers.ETag.Count > 0
            ? context.Items.ContainsKey(Dashboardbestanden.OnveranderlijkSleutel) ? Dashboardbestanden.Onveranderlijk : "no-cache"
            : "no-store";
        headers.StrictTransportSecurity = "max-age=31536000";
        // Swagger UI is a page with its own scripts; the dashboard runs only its own files; the API's JSON needs nothing.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? "frame-ancestors 'none'"
            : context.Request.Path.StartsWithSegments(Dashboard.Pad) ? Dashboard.ContentSecurityPolicy
            : "default-src 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
