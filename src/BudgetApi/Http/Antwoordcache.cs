using System.Threading.RateLimiting;
using BudgetApi.Bedrijfsvoering;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

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
/// (JSON or CSV) and the content coding (br, gzip or none: <see cref="Compressie"/>), so the service keeps the bytes of each 200,
/// with the headers that describe them, under exactly that key (<see cref="Antwoordwinkel"/>), and answers a stored one at the
/// very front of the pipeline (<see cref="GebruikOpgeslagenAntwoorden"/>), before every other middleware, doing itself what
/// those would have done to it. That is the one way a cached read is answered. The computed answer is written by the same code (<see cref="Schrijf"/>) from the same
/// stored form, and the rules that differ per request are each in one place that both use: the security, version and caching
/// headers (<see cref="Kopteksten"/>), CORS for the request's Origin (<see cref="Kopteksten.Cors"/>, applied by the framework's
/// CORS service), If-None-Match and 304 (<see cref="Voorwaardelijk"/>), HEAD (<see cref="HttpMethoden"/>).
/// A new data version is a new key: nothing is served from an older version, and the older version's answers are dropped when
/// the first request of the new one arrives. The store is bounded by <see cref="CacheOpties.Megabytes"/>.
/// </summary>
public static class Antwoordcache
{
    private static readonly object SleutelItem = new();

    public static IServiceCollection VoegAntwoordcacheToe(this IServiceCollection services, IConfiguration configuratie)
    {
        var opties = configuratie.GetSection("Budget:Cache").Get<CacheOpties>() ?? new CacheOpties();
        services.AddSingleton(_ => new Antwoordwinkel(opties));
        return services;
    }

    /// <summary>
    /// The first middleware of all: a GET or HEAD whose answer is stored is answered here, with the least work a hit can be
    /// answered with (one key string, one lookup, the headers set, one write of the body), before the request log, HEAD, the
    /// error handling, the security headers, the query limits and routing, which together cost more than the hit itself
    /// (bench/toelichting.md, "The front cache"). What those would have done to this request, the hit does itself, by the
    /// same code: the request log's line (<see cref="Logboek.Schrijf"/>), HEAD (the GET's headers, no body), the header-size
    /// limit (<see cref="Verzoeklimieten.KoptekstenLengte"/>: the headers are not in the key; a request over it goes on and gets
    /// its 431), the security, version and caching headers (<see cref="Kopteksten.Zet"/>), CORS (<see cref="Kopteksten.Cors"/>),
    /// the read rate limit when it is on (the same limiter; a request it refuses goes on into the pipeline, whose rate limiter
    /// answers the 429), the endpoint (so the request metrics count it under its route) and the 304. The query limits need no
    /// check here: the key holds the query string as sent, and only a 200 is stored, so a stored key's query passed them.
    /// A miss goes on through the whole pipeline; concurrent misses of one key under /v1 wait for the first (as the
    /// framework's output cache locked them).
    /// </summary>
    public static IApplicationBuilder GebruikOpgeslagenAntwoorden(this IApplicationBuilder app)
    {
        var winkel = app.ApplicationServices.GetRequiredService<Antwoordwinkel>();
        var bron = app.ApplicationServices.GetService<Gegevensbron>();
        var limiet = app.ApplicationServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
        var cors = app.ApplicationServices.GetRequiredService<ICorsService>();
        var log = Logboek.Verzoeklog(app.ApplicationServices);
        var bezig = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        return app.Use((context, next) =>
        {
            var request = context.Request;
            var methode = request.Method;
            // Only the /v1 data endpoints' answers are stored (MetAntwoordcache): the dashboard, Swagger UI, /odata, health and
            // metrics pass at the cost of this test.
            if (!winkel.Aan || !(HttpMethods.IsGet(methode) || HttpMethods.IsHead(methode)) || !request.Path.StartsWithSegments(OpenApiDocument.Prefix)
                || bron?.Huidig is not { } gegevens || Voorwaardelijk.Representatie(request) is not { } representatie)
            {
                return next(context);
            }
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var volledig = VolledigeSleutel(gegevens.Versie, request, representatie);
            var antwoord = winkel.ZoekVolledig(gegevens.Versie, volledig);
            if (antwoord is not null && limiet is null && Verzoeklimieten.KoptekstenLengte(request) <= Verzoeklimieten.MaxKoptekstenLengte)
            {
                // The common hit, without an async state machine when the write completes at once.
                return Dien(context, antwoord, winkel, cors, log, start);
            }
            return Langzaam(context, next, gegevens, volledig, antwoord, start);
        });

        async Task Langzaam(HttpContext context, RequestDelegate next, Gegevens gegevens, string volledig, OpgeslagenAntwoord? antwoord, long start)
        {
            var sleutel = volledig[(gegevens.Versie.Length + 1)..];
            if (antwoord is null)
            {
                context.Items[SleutelItem] = sleutel;
                // Concurrent first requests for one key compute it once (after an import, 64 connections asking for the
                // same 900 KB of findings would otherwise compute and compress it 64 times): the others wait for the first,
                // then take what it stored. One that was not stored (a problem) they compute themselves.
                var eigen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var lopend = bezig.GetOrAdd(volledig, eigen);
                if (ReferenceEquals(lopend, eigen))
                {
                    try
                    {
                        await next(context);
                    }
                    finally
                    {
                        bezig.TryRemove(new KeyValuePair<string, TaskCompletionSource>(volledig, eigen));
                        eigen.SetResult();
                    }
                    return;
                }
                await lopend.Task.WaitAsync(context.RequestAborted);
                antwoord = winkel.ZoekVolledig(gegevens.Versie, volledig);
                if (antwoord is null)
                {
                    await next(context);
                    return;
                }
            }
            if (Verzoeklimieten.KoptekstenLengte(context.Request) > Verzoeklimieten.MaxKoptekstenLengte)
            {
                await next(context);
                return;
            }
            using var toestemming = limiet?.AttemptAcquire(context);
            if (toestemming is { IsAcquired: false })
            {
                await next(context);
                return;
            }
            await Dien(context, antwoord, winkel, cors, log, start);
        }
    }

    /// <summary>A stored answer as the whole pipeline would have answered it: see <see cref="GebruikOpgeslagenAntwoorden"/>.</summary>
    private static Task Dien(HttpContext context, OpgeslagenAntwoord antwoord, Antwoordwinkel winkel, ICorsService cors, ILogger log, long start)
    {
        winkel.Gediend();
        context.SetEndpoint(antwoord.Endpoint);
        var lichaam = Bereid(context, antwoord);
        // In the order the computed answer gets them: its own headers, then CORS, then the security and version headers (the
        // callbacks of a response run in the reverse order of their registration, and Kopteksten registers first).
        Kopteksten.Cors(context, cors);
        Kopteksten.Zet(context);
        if (!lichaam || HttpMethods.IsHead(context.Request.Method))
        {
            Logboek.Schrijf(log, context, start);
            return Task.CompletedTask;
        }
        var schrijven = context.Response.Body.WriteAsync(antwoord.Lichaam, context.RequestAborted);
        if (!schrijven.IsCompletedSuccessfully) return Gelogd(schrijven, log, context, start);
        schrijven.GetAwaiter().GetResult();
        Logboek.Schrijf(log, context, start);
        return Task.CompletedTask;

        static async Task Gelogd(ValueTask schrijven, ILogger log, HttpContext context, long start)
        {
            await schrijven;
            Logboek.Schrijf(log, context, start);
        }
    }

    /// <summary>
    /// After routing, CORS, the rate limit and authorization: a data endpoint's answer (<see cref="Bewaarbaar"/>) is computed
    /// into memory (compressed inside, <see cref="Compressie"/>, so each coding is compressed once per data version), kept when
    /// it is a 200 with an ETag, and written by <see cref="Schrijf"/> as a stored one is. Problems (400, 404) pass as they are,
    /// never kept. The other data endpoints (the OData feed, whose answers may be large and are not kept) get their 304 from
    /// <see cref="Voorwaardelijk.GebruikVoorwaardelijkeVerzoeken"/>, by the same rule.
    /// </summary>
    public static IApplicationBuilder GebruikAntwoordcache(this IApplicationBuilder app)
    {
        var winkel = app.ApplicationServices.GetRequiredService<Antwoordwinkel>();
        return app.GebruikVoorwaardelijkeVerzoeken().Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<Bewaarbaar>() is null
                || Voorwaardelijk.Representatie(request) is null)
            {
                await next(context);
                return;
            }
            using var buffer = await Opvang.VangOp(context, next);

            var response = context.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ETag.Count == 0 || response.Headers.SetCookie.Count > 0)
            {
                await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
                return;
            }
            var kopteksten = new KeyValuePair<string, StringValues>[response.Headers.Count];
            var i = 0;
            foreach (var kop in response.Headers) kopteksten[i++] = kop;
            var antwoord = new OpgeslagenAntwoord(kopteksten, buffer.ToArray(), context.GetEndpoint()!);
            // Under the version this request was answered from (its scope), which may be newer than the one the front saw.
            var sleutel = context.Items[SleutelItem] as string ?? Sleutel(request);
            winkel.Bewaar(Voorwaardelijk.Gegevensversie(context), sleutel, antwoord);
            response.Headers.Clear();
            await Schrijf(context, antwoord);
        }).GebruikCompressie();
    }

    /// <summary>Every endpoint of the group answers from the cache, with an ETag, and honours If-None-Match.</summary>
    public static RouteGroupBuilder MetAntwoordcache(this RouteGroupBuilder groep)
    {
        groep.WithMetadata(new Versieafhankelijk(), new Bewaarbaar());
        groep.AddEndpointFilter(Voorwaardelijk.ZetEtag);
        return groep;
    }

    /// <summary>
    /// The key within a data version: the path and the query string as sent (case-sensitive: paths and queries echo into the
    /// answers' links), the representation (json or csv) and the coding (br, gzip or none, not the Accept-Encoding header as
    /// sent: its many spellings come down to three entries). A format path (/v1/csv/…) is its own key: it is not the same
    /// request as ?formaat=csv on a resource without a CSV form (Formaatpaden answers that 404).
    /// </summary>
    private static string Sleutel(HttpRequest request) => string.Concat(
        request.Path.Value, request.QueryString.Value, "\n", Voorwaardelijk.Representatie(request), "\n", Compressie.Codering(request));

    /// <summary>The data version and <see cref="Sleutel"/> in one string, made once per request: the store's own key.</summary>
    private static string VolledigeSleutel(string versie, HttpRequest request, string representatie) => string.Concat(
        [versie, "\n", request.Path.Value, request.QueryString.Value, "\n", representatie, "\n", Compressie.Codering(request)]);

    /// <summary>
    /// Writes an answer of a data endpoint, stored or just computed: its headers as they were computed, then the 304 when
    /// If-None-Match holds its ETag (<see cref="Voorwaardelijk.NietGewijzigd"/>), else the body. The per-request headers
    /// (security, version, Cache-Control, CORS) are added as the response starts, by the same callbacks on both paths.
    /// </summary>
    private static Task Schrijf(HttpContext context, OpgeslagenAntwoord antwoord) =>
        Bereid(context, antwoord) ? context.Response.Body.WriteAsync(antwoord.Lichaam, context.RequestAborted).AsTask() : Task.CompletedTask;

    /// <summary>Status and headers of an answer, stored or computed: the 304 or the 200 with its length. True: the body follows.</summary>
    private static bool Bereid(HttpContext context, OpgeslagenAntwoord antwoord)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (naam, waarde) in antwoord.Kopteksten) headers[naam] = waarde;
        var labels = context.Request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(labels) && Voorwaardelijk.KomtOvereen(labels, headers.ETag))
        {
            Voorwaardelijk.NietGewijzigd(response);
            return false;
        }
        response.ContentLength = antwoord.Lichaam.Length;
        return true;
    }
}

/// <summary>Marks an endpoint whose 200 answers depend only on the data version and the request: with an ETag and 304s.</summary>
public sealed class Versieafhankelijk;

/// <summary>Marks a <see cref="Versieafhankelijk"/> endpoint whose 200s are kept in the <see cref="Antwoordwinkel"/>.</summary>
public sealed class Bewaarbaar;

/// <summary>A 200 as computed: the headers that describe it (not the per-request ones), the body, and the endpoint that made it.</summary>
public sealed record OpgeslagenAntwoord(KeyValuePair<string, StringValues>[] Kopteksten, byte[] Lichaam, Endpoint Endpoint)
{
    /// <summary>What it takes in memory, about: the body, and the headers as text.</summary>
    public long Grootte { get; } = Lichaam.Length + Kopteksten.Sum(k => k.Key.Length + k.Value.ToString().Length) * 2L + 200;
}

/// <summary>
/// The stored answers of the current data version, in a memory cache bounded by <see cref="CacheOpties.Megabytes"/> (the least
/// recently used go first when it is full; an answer larger than the whole bound is never kept) with a sliding
/// <see cref="CacheOpties.Bewaartijd"/>. A request on a new version empties it: the previous version's answers can never be
/// asked for again.
/// </summary>
public sealed class Antwoordwinkel : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly TimeSpan _bewaartijd;
    private readonly long _grens;
    private string? _versie;

    public Antwoordwinkel(CacheOpties opties)
    {
        _grens = opties.Megabytes * 1024L * 1024L;
        _bewaartijd = opties.Bewaartijd;
        if (_grens > 0) _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _grens, TrackStatistics = true });
    }

    private long _treffers;

    public bool Aan => _cache is not null;

    /// <summary>How many requests a stored answer served (for the tests and for an operator's curiosity; not exported).</summary>
    public long Treffers => Interlocked.Read(ref _treffers);

    /// <summary>What the stored answers take together, as counted against the bound.</summary>
    public long Bytes => _cache?.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>How many answers are stored.</summary>
    public int Aantal => _cache?.Count ?? 0;

    public void Dispose() => _cache?.Dispose();

    public OpgeslagenAntwoord? Zoek(string versie, string sleutel)
    {
        if (_cache is null) return null;
        if (versie != Volatile.Read(ref _versie))
        {
            // The first request of a new version: the old answers go. A request still in flight on the old version may
            // store one more, under the old version's key, which no request of the new version asks for.
            if (Interlocked.Exchange(ref _versie, versie) is { } vorige && vorige != versie) _cache.Clear();
            return null;
        }
        return _cache.TryGetValue(versie + "\n" + sleutel, out OpgeslagenAntwoord? antwoord) ? antwoord : null;
    }

    /// <summary>As <see cref="Zoek"/>, with the key already prefixed by the version and a newline (the front cache makes it once).</summary>
    internal OpgeslagenAntwoord? ZoekVolledig(string versie, string volledig)
    {
        if (_cache is null) return null;
        if (versie != Volatile.Read(ref _versie))
        {
            if (Interlocked.Exchange(ref _versie, versie) is { } vorige && vorige != versie) _cache.Clear();
            return null;
        }
        return _cache.TryGetValue(volledig, out OpgeslagenAntwoord? antwoord) ? antwoord : null;
    }

    /// <summary>Counts one request answered from the store.</summary>
    public void Gediend() => Interlocked.Increment(ref _treffers);

    public void Bewaar(string versie, string sleutel, OpgeslagenAntwoord antwoord)
    {
        if (_cache is null || antwoord.Grootte > _grens) return;
        _cache.Set(versie + "\n" + sleutel, antwoord, new MemoryCacheEntryOptions { Size = antwoord.Grootte, SlidingExpiration = _bewaartijd });
    }
}
