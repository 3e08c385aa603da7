using BudgetApi.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// The limits on what a client may send, each answered with its own 4xx problem. The service checks them itself, below
/// Kestrel's hard limits, so a client normally gets a problem+json body; only a request beyond Kestrel's limits
/// (docs/reliability.md) is refused by Kestrel before the service sees it, with the right status and no body.
/// </summary>
public static class Verzoeklimieten
{
    /// <summary>The longest query string the service reads (characters, '?' excluded): 414 problem beyond it.</summary>
    public const int MaxQueryLengte = 4096;

    /// <summary>All request headers together (names and values, in characters): 431 problem beyond it.</summary>
    public const int MaxKoptekstenLengte = 16 * 1024;

    /// <summary>How often one query key may be repeated (begroting=…&amp;begroting=…): 400 problem naming the key beyond it.</summary>
    public const int MaxHerhalingen = 64;

    /// <summary>Kestrel's own limits, above the service's: what lies between is answered by the service with a problem.</summary>
    public const int KestrelMaxRegelLengte = 16 * 1024;
    public const int KestrelMaxKoptekstenLengte = 32 * 1024;

    /// <summary>The import's largest body in bytes (Budget:Import:MaxBytes), 413 problem beyond it.</summary>
    public const string ImportMaxBytesSleutel = "Budget:Import:MaxBytes";
    public const long StandaardImportMaxBytes = 20 * 1024 * 1024;

    public static WebApplicationBuilder VoegVerzoeklimietenToe(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false; // nothing says which server or framework answers
            kestrel.Limits.MaxRequestLineSize = KestrelMaxRegelLengte;
            kestrel.Limits.MaxRequestHeadersTotalSize = KestrelMaxKoptekstenLengte;
            // The reads take no body; the import raises this for its own endpoint (MetImportlimiet).
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        return builder;
    }

    /// <summary>The import's largest body, from Budget:Import:MaxBytes.</summary>
    public static long ImportMaxBytes(IConfiguration configuratie) =>
        configuratie.GetValue<long?>(ImportMaxBytesSleutel) is > 0 and long n ? n : StandaardImportMaxBytes;

    /// <summary>
    /// For the import operation: its stricter rate limit and its body size (413 problem beyond Budget:Import:MaxBytes).
    /// <c>group.MapPost("/standen", …).MetImportlimieten(app.Configuration)</c>.
    /// </summary>
    public static RouteHandlerBuilder MetImportlimieten(this RouteHandlerBuilder builder, IConfiguration configuratie) =>
        builder.RequireRateLimiting(Snelheidslimiet.ImportBeleid)
            .WithMetadata(new Lichaamslimiet(ImportMaxBytes(configuratie)))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>An endpoint's largest request body; the routing middleware applies it to Kestrel's limit for that request.</summary>
    private sealed record Lichaamslimiet(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>Checks query length, header size and repeated keys before routing, so every request is held to them.</summary>
    public static IApplicationBuilder GebruikVerzoeklimieten(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Controleer(context.Request) is { } probleem)
        {
            await probleem.ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static IResult? Controleer(HttpRequest request)
    {
        var query = request.QueryString.Value ?? "";
        if (query.Length - 1 > MaxQueryLengte)
        {
            return Probleem(StatusCodes.Status414UriTooLong, "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.15", "Query te lang",
                $"De query is {query.Length - 1} tekens lang; het maximum is {MaxQueryLengte}.");
        }
        var koptekstenLengte = KoptekstenLengte(request);
        if (koptekstenLengte > MaxKoptekstenLengte)
        {
            return Probleem(StatusCodes.Status431RequestHeaderFieldsTooLarge, "https://datatracker.ietf.org/doc/html/rfc6585#section-5", "Headers te groot",
                $"De headers zijn samen {koptekstenLengte} tekens; het maximum is {MaxKoptekstenLengte}.");
        }
        var teVaak = request.Query.Where(q => q.Value.Count > MaxHerhalingen)
            .Select(q => new OngeldigeParameter(Validatie.Parameternaam(q.Key),
                $"Parameter '{Validatie.Parameternaam(q.Key)}' staat {q.Value.Count} keer in de query; het maximum is {MaxHerhalingen}."))
            .ToList();
        return teVaak.Count > 0 ? Problemen.OngeldigeParameters(teVaak) : null;
    }

    /// <summary>
    /// All request headers together, names and values in characters. The front cache checks it for a stored answer too:
    /// the headers are not in its key, so a request whose key is stored may still be beyond this limit (a 431).
    /// </summary>
    public static int KoptekstenLengte(HttpRequest request)
    {
        var lengte = 0;
        foreach (var (naam, waarden) in request.Headers)
        {
            lengte += naam.Length;
            foreach (var waarde in waarden) lengte += waarde?.Length ?? 0;
        }
        return lengte;
    }

    private static IResult Probleem(int status, string type, string titel, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = type, Title = titel, Detail = detail });
}
