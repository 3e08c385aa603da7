namespace BudgetApi.Http;

/// <summary>Headers on every response: the API version (ADR /core/version-header) and the security headers (ADR /core/transport/security-headers).</summary>
public static class Kopteksten
{
    public static IApplicationBuilder GebruikKopteksten(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
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
            return Task.CompletedTask;
        });
        await next(context);
    });
}
