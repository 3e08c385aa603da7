using BudgetApi.Opslag;
using Microsoft.AspNetCore.OutputCaching;

namespace BudgetApi.Http;

/// <summary>The bound of the answer cache, from "Budget:Cache" (docs/api.md, "Caching").</summary>
public sealed class CacheOpties
{
    /// <summary>The most the cached answers may take together, in MiB (headers and body as stored); 0 switches the cache off.</summary>
    public int Megabytes { get; set; } = 64;

    /// <summary>How long an unused answer may stay. An answer is never stale while its data version stands; this only frees memory sooner.</summary>
    public TimeSpan Bewaartijd { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Between two loads every answer is a pure function of the data version, the path, the query string, the representation
/// (JSON or CSV) and the content coding (br, gzip or none: <see cref="Compressie"/>), so the framework's output cache keeps the bytes of each 200 under exactly that key. A new data version is a new
/// key: nothing is served from an older version, and the older version's answers are evicted when the first request of the new
/// one arrives. The store is bounded by <see cref="CacheOpties.Megabytes"/>, so memory does not grow with the number of
/// distinct requests. ETags and 304s are in <see cref="Voorwaardelijk"/>.
/// </summary>
public static class Antwoordcache
{
    public static IServiceCollection VoegAntwoordcacheToe(this IServiceCollection services, IConfiguration configuratie)
    {
        var opties = configuratie.GetSection("Budget:Cache").Get<CacheOpties>() ?? new CacheOpties();
        services.AddOutputCache(o =>
        {
            o.SizeLimit = Math.Max(1, opties.Megabytes) * 1024L * 1024L;
            // An answer larger than the whole cache could never be kept: stop copying it as soon as it is.
            o.MaximumBodySize = o.SizeLimit;
            // Paths echo into the answers' links, so /v1/begrotingen/jenv and /v1/begrotingen/JenV are two entries.
            o.UseCaseSensitivePaths = true;
            o.DefaultExpirationTimeSpan = opties.Bewaartijd;
        });
        services.AddSingleton(new Gegevensbeleid(opties.Megabytes > 0));
        return services;
    }

    /// <summary>
    /// Conditional GETs first (they see every answer, cached or computed), then the output cache, then the compression of
    /// what the cache does not hold yet (so each coding is compressed once and kept).
    /// </summary>
    public static IApplicationBuilder GebruikAntwoordcache(this IApplicationBuilder app) =>
        app.GebruikVoorwaardelijkeVerzoeken().UseOutputCache().GebruikCompressie();

    /// <summary>Every endpoint of the group answers from the cache, with an ETag, and honours If-None-Match.</summary>
    public static RouteGroupBuilder MetAntwoordcache(this RouteGroupBuilder groep)
    {
        groep.WithMetadata(new Versieafhankelijk());
        groep.AddEndpointFilter(Voorwaardelijk.ZetEtag);
        groep.CacheOutput(((IEndpointRouteBuilder)groep).ServiceProvider.GetRequiredService<Gegevensbeleid>());
        return groep;
    }
}

/// <summary>Marks an endpoint whose 200 answers depend only on the data version and the request: cacheable, with an ETag.</summary>
public sealed class Versieafhankelijk;

/// <summary>The output-cache policy of the data endpoints: only 200s to GETs, keyed by data version, query string and representation.</summary>
public sealed class Gegevensbeleid(bool aan) : IOutputCachePolicy
{
    private const string TagVoorvoegsel = "gegevensversie:";

    // Only to notice that the version changed, so the previous version's entries can go at once; never used to answer.
    private string? _laatsteVersie;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        context.EnableOutputCaching = aan && HttpMethods.IsGet(http.Request.Method) && Voorwaardelijk.Representatie(http.Request) is not null;
        if (!context.EnableOutputCaching) return;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        // Concurrent first requests for one key compute it once.
        context.AllowLocking = true;

        var versie = Voorwaardelijk.Gegevensversie(http);
        var regels = context.CacheVaryByRules;
        regels.VaryByHost = false;
        // The query string as sent: /v1/bedragen repeats it in its links, so two spellings of one query are two answers.
        regels.VaryByValues["verzoek"] = http.Request.QueryString.Value ?? "";
        regels.VaryByValues["representatie"] = Voorwaardelijk.Representatie(http.Request)!;
        // The coding, not the Accept-Encoding header as sent: its many spellings come down to br, gzip or none, one entry each.
        regels.VaryByValues["codering"] = Compressie.Codering(http.Request) ?? "identity";
        regels.VaryByValues["gegevensversie"] = versie;
        context.Tags.Add(TagVoorvoegsel + versie);

        var vorige = Interlocked.Exchange(ref _laatsteVersie, versie);
        if (vorige is not null && vorige != versie)
        {
            // A request still in flight on the old version may swap them back once; that costs a few recomputations, never a stale answer.
            await http.RequestServices.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(TagVoorvoegsel + vorige, cancellation);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only a 200 is kept: problems (400, 404) are answered anew every time. A 200 turned into a 304 for this client
        // (Voorwaardelijk) is still the 200 the output cache copied, so it is kept.
        var http = context.HttpContext;
        var status = Voorwaardelijk.WasNietGewijzigd(http) ? StatusCodes.Status200OK : http.Response.StatusCode;
        if (status != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
