using System.IO.Compression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BudgetApi.Http;

/// <summary>
/// br and gzip for the data endpoints (<see cref="Versieafhankelijk"/>), computed once per data version. It runs inside the
/// answer cache (<see cref="Antwoordcache"/>): the coding the client accepts (<see cref="Codering"/>) is part of the cache key, so
/// a miss compresses the 200 once and the cache keeps the compressed bytes with their headers; a hit serves them as they are,
/// never compressing again.
/// A content coding is another representation (RFC 9110 §8.4.1), so the strong ETag names it ("…-json-br") and every answer
/// says <c>Vary: Accept-Encoding</c>; a 304 compares against the tag of the coding asked for. ASP.NET Core's own response
/// compression is not used: it compresses on every request and keeps the uncompressed answer's ETag on the compressed bytes.
/// </summary>
public static class Compressie
{
    /// <summary>
    /// Below this many bytes of body an answer is sent as it is. Measured on the shipped data (docs/performance.md, "Bytes on
    /// the wire"): the headers of a data answer are about 450 bytes, so a body under 1.000 bytes goes out in one TCP segment
    /// of 1.460 bytes whether compressed or not (the smallest, a 950-byte total, would become 484 bytes and still one segment),
    /// while from 1.7 KB on (a total over three years: 1.701 bytes, br 476) compression saves a segment or more.
    /// </summary>
    public const int Drempel = 1000;

    /// <summary>
    /// Brotli's quality (0–11). The compression runs once per answer and data version, not per request, but the first request
    /// after every import waits for it. Measured on the largest answer (/v1/bevindingen without a filter, 903.628 bytes, with
    /// the same libbrotli through Node's zlib): quality 6 gives 46.294 bytes in about 32 ms, 9 gives 45.509 in 145 ms, 10 gives
    /// 41.923 in 1,3 s and 11 gives 39.273 in 4,9 s. Beyond 6 the bytes saved do not pay for the wait. gzip is level 6
    /// (<see cref="CompressionLevel.Optimal"/>): 57.398 bytes in 15 ms.
    /// </summary>
    public const int BrotliKwaliteit = 6;

    private const string Br = "br";
    private const string Gzip = "gzip";

    /// <summary>
    /// The coding this request gets when its answer is large enough: br or gzip as the client's Accept-Encoding allows
    /// (q-values honoured, q=0 refuses, * stands for a coding not named), br first when both are equally welcome; null for none.
    /// </summary>
    public static string? Codering(HttpRequest request)
    {
        var (qBr, qGzip) = Kwaliteiten(request);
        if (qBr <= 0 && qGzip <= 0) return null;
        return qBr >= qGzip ? Br : Gzip;
    }

    /// <summary>Whether the client takes gzip (the dashboard's files fall back to it while their br is being made).</summary>
    public static bool NeemtGzip(HttpRequest request) => Kwaliteiten(request).Gzip > 0;

    /// <summary>The q-values the client's Accept-Encoding gives br and gzip (0: refused or not named).</summary>
    private static (double Br, double Gzip) Kwaliteiten(HttpRequest request)
    {
        var kop = request.Headers.AcceptEncoding;
        if (StringValues.IsNullOrEmpty(kop) || !StringWithQualityHeaderValue.TryParseList(kop, out var waarden)) return (0, 0);
        double? br = null, gzip = null, ster = null;
        foreach (var waarde in waarden)
        {
            var q = waarde.Quality ?? 1;
            if (waarde.Value.Equals(Br, StringComparison.OrdinalIgnoreCase)) br = q;
            else if (waarde.Value.Equals(Gzip, StringComparison.OrdinalIgnoreCase)) gzip = q;
            else if (waarde.Value.Equals("*", StringComparison.Ordinal)) ster = q;
        }
        return (br ?? ster ?? 0, gzip ?? ster ?? 0);
    }

    /// <summary>Inside the answer cache (<see cref="Antwoordcache.GebruikAntwoordcache"/>), so only a miss ever gets here.</summary>
    public static IApplicationBuilder GebruikCompressie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var codering = HttpMethods.IsGet(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<Versieafhankelijk>() is not null
            ? Codering(context.Request)
            : null;
        if (codering is null)
        {
            await next(context);
            return;
        }

        // The whole answer is held until it is known whether it is a 200 large enough to compress; the answer cache
        // holds every answer whole anyway, and the largest is under a megabyte.
        using var buffer = await Opvang.VangOp(context, next);

        var response = context.Response;
        var lichaam = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (response.StatusCode == StatusCodes.Status200OK && response.Headers.ETag.Count > 0
            && response.Headers.ContentEncoding.Count == 0 && lichaam.Length >= Drempel)
        {
            lichaam = Comprimeer(lichaam.Span, codering);
            response.Headers.ContentEncoding = codering;
            response.Headers.ETag = Voorwaardelijk.Etag(context, codering);
        }
        response.ContentLength = lichaam.Length;
        await response.Body.WriteAsync(lichaam, context.RequestAborted);
    });

    private static byte[] Comprimeer(ReadOnlySpan<byte> bytes, string codering)
    {
        if (codering == Br)
        {
            var uit = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
            if (!BrotliEncoder.TryCompress(bytes, uit, out var lengte, BrotliKwaliteit, window: 22))
            {
                throw new InvalidOperationException("Brotli could not compress into its own maximum length.");
            }
            return uit[..lengte];
        }
        using var gz = new MemoryStream();
        using (var stroom = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true)) stroom.Write(bytes);
        return gz.ToArray();
    }
}
