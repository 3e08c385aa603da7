using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// Requests per client (remote address) per minute, with the built-in rate limiter. Reads share one limit, set high enough
/// that a person or a dashboard never meets it; the import has its own, stricter one. 0 switches a limit off.
/// An exceeded limit is a 429 problem with Retry-After.
/// </summary>
public static class Snelheidslimiet
{
    public const string Sectie = "Budget:Snelheidslimiet";

    /// <summary>The name of the import's policy: <c>.RequireRateLimiting(Snelheidslimiet.ImportBeleid)</c> on the import operation.</summary>
    public const string ImportBeleid = "import";

    public static IServiceCollection VoegSnelheidslimietToe(this IServiceCollection diensten, IConfiguration configuratie)
    {
        var limiet = configuratie.GetSection(Sectie).Get<SnelheidslimietInstellingen>() ?? new SnelheidslimietInstellingen();
        diensten.AddRateLimiter(o =>
        {
            // Off is no limiter at all, not one that always grants: the middleware then passes every read straight on, without
            // a lease, its metrics and a partition lookup on each request (docs/performance.md).
            if (limiet.PerMinuut > 0)
            {
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Partitie(Client(context), limiet.PerMinuut));
            }
            o.AddPolicy(ImportBeleid, context => Partitie(Client(context), limiet.ImportPerMinuut));
            o.OnRejected = Weiger;
        });
        return diensten;
    }

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "onbekend";

    private static RateLimitPartition<string> Partitie(string client, int perMinuut) => perMinuut <= 0
        ? RateLimitPartition.GetNoLimiter(client)
        : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinuut,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static async ValueTask Weiger(OnRejectedContext afgewezen, CancellationToken ct)
    {
        var context = afgewezen.HttpContext;
        var seconden = afgewezen.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wacht) ? Math.Max(1, (int)Math.Ceiling(wacht.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconden.ToString(CultureInfo.InvariantCulture);
        var limiet = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == ImportBeleid ? "imports" : "verzoeken";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://datatracker.ietf.org/doc/html/rfc6585#section-4",
                Title = "Te veel verzoeken",
                Detail = $"Dit adres heeft het maximum aantal {limiet} per minuut bereikt. Probeer het over {seconden} seconden opnieuw (zie Retry-After).",
            },
        });
    }

    /// <summary>After routing (the import's policy is endpoint metadata) and after CORS (a browser can read the 429).</summary>
    public static IApplicationBuilder GebruikSnelheidslimiet(this IApplicationBuilder app) => app.UseRateLimiter();
}

/// <summary>The settings under Budget:Snelheidslimiet.</summary>
public sealed class SnelheidslimietInstellingen
{
    /// <summary>Reads per client per minute (all resources together; health and metrics do not count). 0 = off.</summary>
    public int PerMinuut { get; set; } = 1200;

    /// <summary>Imports per client per minute. 0 = off.</summary>
    public int ImportPerMinuut { get; set; } = 10;
}
