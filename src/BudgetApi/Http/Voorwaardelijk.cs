using System.IO.Pipelines;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BudgetApi.Http;

/// <summary>
/// Strong ETags and 304s for the data endpoints (<see cref="Versieafhankelijk"/>).
/// The tag is "&lt;data version&gt;-&lt;build&gt;-&lt;json|csv&gt;[-br|-gzip]": the same data and the same build write the same bytes for the same
/// URL and representation, so it is a strong validator; a load, reload or import that changes the data changes the version,
/// and so every tag. The build is in it because a new build may write other bytes for the same data. A compressed answer
/// (<see cref="Compressie"/>) is another representation with other bytes, so its tag names the coding.
/// </summary>
public static class Voorwaardelijk
{
    // The module version id changes with every compilation that differs and stays the same for the same sources.
    internal static readonly string Bouw = typeof(Voorwaardelijk).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    private static readonly object VersieSleutel = new();

    /// <summary>
    /// The data version this request is answered from: resolved from the request's services once per request and kept only in
    /// the request, so the cache key and the ETag of one answer name the same version, and a reload shows in the next request.
    /// </summary>
    public static string Gegevensversie(HttpContext http)
    {
        if (http.Items.TryGetValue(VersieSleutel, out var bekend) && bekend is string versie) return versie;
        versie = http.RequestServices.GetRequiredService<IGegevensversie>().Versie;
        http.Items[VersieSleutel] = versie;
        return versie;
    }

    /// <summary>json or csv: the representations with an ETag. An Excel workbook names its moment of generation in its Toelichting,
    /// so two answers are never the same bytes: it gets no strong ETag and is not cached (null).</summary>
    public static string? Representatie(HttpRequest request) => Formaat.Kies(request) switch
    {
        Uitvoer.Csv => "csv",
        Uitvoer.Json => "json",
        _ => null,
    };

    /// <summary>The tag of this request's answer, in the content coding it is sent with (null: uncompressed).</summary>
    public static string Etag(HttpContext http, string? codering = null) =>
        $"\"{Gegevensversie(http)}-{Bouw}-{Representatie(http.Request)}{(codering is null ? "" : "-" + codering)}\"";

    /// <summary>Endpoint filter: a 200 gets its ETag (and Vary) before it is written; a problem gets neither.</summary>
    public static async ValueTask<object?> ZetEtag(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var resultaat = await next(context);
        if (IsOk(resultaat) && Representatie(context.HttpContext.Request) is not null)
        {
            var headers = context.HttpContext.Response.Headers;
            headers.ETag = Etag(context.HttpContext);
            // JSON or CSV may be chosen by Accept, br, gzip or none by Accept-Encoding (Compressie): a cache must not hand
            // one to a client that asked for another.
            headers.Vary = Vary;
        }
        return resultaat;
    }

    private const string Vary = "Accept, Accept-Encoding";

    private static bool IsOk(object? resultaat)
    {
        while (resultaat is INestedHttpResult genest) resultaat = genest.Result;
        return resultaat is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK };
    }

    /// <summary>If-None-Match against our tag, with the weak comparison RFC 9110 §13.1.2 prescribes; "*" matches any current answer.</summary>
    public static bool KomtOvereen(StringValues ifNoneMatch, StringValues etag)
    {
        if (StringValues.IsNullOrEmpty(etag) || !EntityTagHeaderValue.TryParse(etag.ToString(), out var eigen)) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var labels)) return false;
        foreach (var label in labels)
        {
            if (label.Tag == EntityTagHeaderValue.Any.Tag || label.Compare(eigen, useStrongComparison: false)) return true;
        }
        return false;
    }

    /// <summary>
    /// Conditional GETs on the data endpoints whose answers are not kept (the OData feed; the kept ones are answered by
    /// <see cref="Antwoordcache"/>, with the same <see cref="NietGewijzigd"/>): the 200 is computed and, before anything is
    /// sent, becomes a 304 without a body when the client has its ETag. Problems (400, 404) stay problems whatever the client sends.
    /// </summary>
    public static IApplicationBuilder GebruikVoorwaardelijkeVerzoeken(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var verzoek = context.Request;
        var metadata = context.GetEndpoint()?.Metadata;
        if (!HttpMethods.IsGet(verzoek.Method) || metadata?.GetMetadata<Versieafhankelijk>() is null || metadata.GetMetadata<Bewaarbaar>() is not null)
        {
            await next(context);
            return;
        }
        // No answer carries Last-Modified, so If-Modified-Since has nothing to be compared with: ignored.
        var labels = verzoek.Headers.IfNoneMatch;
        if (StringValues.IsNullOrEmpty(labels))
        {
            await next(context);
            return;
        }
        var origineel = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var lichaam = new NietGewijzigdLichaam(context.Response, origineel, labels);
        context.Features.Set<IHttpResponseBodyFeature>(lichaam);
        context.Features.Set(lichaam);
        try
        {
            await next(context);
            await lichaam.AfrondenAsync();
        }
        finally
        {
            context.Features.Set(origineel);
        }
    });

    /// <summary>
    /// The 200 whose ETag the client holds becomes its 304, for a stored answer and a computed one alike. A 304 keeps the
    /// 200's ETag, Vary, Content-Encoding and caching headers (RFC 9110 §15.4.5), not the headers that describe a body.
    /// </summary>
    public static void NietGewijzigd(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentLength = null;
        response.Headers.Remove(HeaderNames.ContentType);
        response.Headers.Remove(HeaderNames.ContentDisposition);
    }
}

/// <summary>
/// The response body of a conditional GET. At the first write (or start, or flush) it looks at the answer: a 200 whose ETag
/// matches If-None-Match becomes a 304 and everything written after is dropped; anything else passes through untouched.
/// </summary>
internal sealed class NietGewijzigdLichaam(HttpResponse response, IHttpResponseBodyFeature binnen, StringValues labels)
    : Stream, IHttpResponseBodyFeature
{
    private bool? _besluit;
    private PipeWriter? _schrijver;

    private bool Weggooien => _besluit ??= Beslis();

    private bool Beslis()
    {
        if (response.HasStarted || response.StatusCode != StatusCodes.Status200OK || !Voorwaardelijk.KomtOvereen(labels, response.Headers.ETag))
        {
            return false;
        }
        Voorwaardelijk.NietGewijzigd(response);
        return true;
    }

    /// <summary>Writes out what the pipe writer still holds; called when the inner layers are done.</summary>
    public async Task AfrondenAsync()
    {
        if (_schrijver is not null) await _schrijver.CompleteAsync();
    }

    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer => _schrijver ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    void IHttpResponseBodyFeature.DisableBuffering() => binnen.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken) =>
        Weggooien ? Task.CompletedTask : binnen.StartAsync(cancellationToken);

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken) =>
        Weggooien ? Task.CompletedTask : binnen.SendFileAsync(path, offset, count, cancellationToken);

    async Task IHttpResponseBodyFeature.CompleteAsync()
    {
        await AfrondenAsync();
        _ = Weggooien;
        await binnen.CompleteAsync();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!Weggooien) binnen.Stream.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Weggooien ? Task.CompletedTask : binnen.Stream.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Weggooien ? ValueTask.CompletedTask : binnen.Stream.WriteAsync(buffer, cancellationToken);

    public override void Flush()
    {
        if (!Weggooien) binnen.Stream.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Weggooien ? Task.CompletedTask : binnen.Stream.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
