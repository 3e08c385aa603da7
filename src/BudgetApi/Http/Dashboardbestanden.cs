using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace BudgetApi.Http;

/// <summary>
/// The dashboard's files as a browser should get them (issue 15, target 6): every asset under a name that carries a hash of
/// its content (<c>js/app.3f2a9c1b0d.js</c>), so it can be cached for a year without ever being asked again
/// (<c>Cache-Control: public, max-age=31536000, immutable</c>), and index.html, the one file that names the others, revalidated
/// on every view (<c>no-cache</c> with an ETag, a 304 when unchanged). Made when the service starts, from the files as they are in
/// wwwroot/dashboard: no build step, no renamed source files, so editing a module is all it takes. The references are rewritten
/// in the served copy only: <c>src</c> and <c>href</c> in HTML, relative module specifiers (<c>'./api.js'</c>, <c>'../dom.js'</c>)
/// in JavaScript, <c>url(…)</c> in CSS; a reference is rewritten only when it names a file of the dashboard. A file's hash covers
/// its rewritten content, so a change in a module renames every module that imports it, up to index.html. Each coding (br,
/// gzip) of a file is compressed once, from its first request on, and kept; never per request. The source names stay served as they
/// were (revalidated), for a page that still names them.
/// </summary>
public sealed partial class Dashboardbestanden
{
    /// <summary>What a hashed name's answer says: keep it, for a year, and never revalidate (its name changes with its content).</summary>
    public const string Onveranderlijk = "public, max-age=31536000, immutable";

    /// <summary>HttpContext.Items key: this answer is a hashed asset (Kopteksten then writes <see cref="Onveranderlijk"/>).</summary>
    public const string OnveranderlijkSleutel = "BudgetApi.Dashboard.Onveranderlijk";

    /// <summary>
    /// Brotli at its best: it runs once per file for the life of the process, in the background (d3, 281 KB: 78 KB in about 6 s
    /// on a shared core; gzip 93 KB in 0,1 s: docs/performance.md), and gzip serves until it is done.
    /// </summary>
    private const int BrotliKwaliteit = 11;

    private const string Indexpagina = "index.html";

    private static readonly FileExtensionContentTypeProvider Soorten = new();

    private readonly Dictionary<string, Bestand> _opPad;

    private Dashboardbestanden(Dictionary<string, Bestand> opPad) => _opPad = opPad;

    /// <summary>One served file: its bytes, type, strong tag and codings (compressed on first use).</summary>
    public sealed class Bestand
    {
        internal Bestand(byte[] inhoud, string soort, string hash, bool gehasht)
        {
            Inhoud = inhoud;
            Soort = soort;
            Hash = hash;
            Gehasht = gehasht;
            _br = new Lazy<Task<byte[]>>(() => Achtergrond.Doe(() => Comprimeer(inhoud, s => new BrotliStream(s, new BrotliCompressionOptions { Quality = BrotliKwaliteit }))));
            Gzip = new Lazy<byte[]>(() => Comprimeer(inhoud, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        }

        private readonly Lazy<Task<byte[]>> _br;

        /// <summary>
        /// The br bytes once made; the first ask starts making them in the background (seconds for d3 at quality 11) and gets null,
        /// so no request waits for Brotli: it gets gzip meanwhile.
        /// </summary>
        internal byte[]? Br => _br.Value is { IsCompletedSuccessfully: true } klaar ? klaar.Result : null;

        public byte[] Inhoud { get; }
        public string Soort { get; }
        public string Hash { get; }
        /// <summary>Served under its hashed name (immutable), not index.html (revalidated).</summary>
        public bool Gehasht { get; }
        internal Lazy<byte[]> Gzip { get; }

        private static byte[] Comprimeer(byte[] inhoud, Func<Stream, Stream> maak)
        {
            using var uit = new MemoryStream();
            using (var stroom = maak(uit)) stroom.Write(inhoud);
            return uit.ToArray();
        }
    }

    /// <summary>
    /// One thread that makes the br codings, one file after the other. Not the thread pool: a first view asks for a dozen files at
    /// once, and a dozen seconds-long compressions there starved the requests themselves (a first view on a loaded machine
    /// did not finish in a minute). So Brotli takes at most one core, and only while it has files to do.
    /// </summary>
    private static class Achtergrond
    {
        private static readonly System.Collections.Concurrent.BlockingCollection<Action> Werk = [];
        private static readonly Lazy<Thread> Draad = new(() =>
        {
            var draad = new Thread(() => { foreach (var taak in Werk.GetConsumingEnumerable()) taak(); })
            { IsBackground = true, Name = "Dashboard-br", Priority = ThreadPriority.BelowNormal };
            draad.Start();
            return draad;
        });

        public static Task<byte[]> Doe(Func<byte[]> maak)
        {
            var klaar = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            Werk.Add(() =>
            {
                try { klaar.SetResult(maak()); }
                catch (Exception fout) { klaar.SetException(fout); }
            });
            _ = Draad.Value;
            return klaar.Task;
        }
    }

    /// <summary>The file served at <paramref name="pad"/> (relative to /dashboard, "/" for the page), or null for any other path.</summary>
    public Bestand? Zoek(string pad) => _opPad.GetValueOrDefault(pad);

    /// <summary>The hashed paths (relative to /dashboard) of every asset, by its source path ("js/app.js" → "/js/app.3f2a….js").</summary>
    public IReadOnlyDictionary<string, string> Namen { get; private set; } = new Dictionary<string, string>();

    /// <summary>Reads the folder and rewrites and hashes every file; a reference cycle between modules keeps the cycle's plain names.</summary>
    public static Dashboardbestanden Lees(string map)
    {
        var bronnen = Directory.Exists(map)
            ? Directory.EnumerateFiles(map, "*", SearchOption.AllDirectories)
                .ToDictionary(p => Path.GetRelativePath(map, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal)
            : new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var klaar = new Dictionary<string, (byte[] Inhoud, string Naam)>(StringComparer.Ordinal);
        var bezig = new HashSet<string>(StringComparer.Ordinal);

        // The hashed name of one file, after rewriting the files it names (depth first; a file met again while in progress is a cycle).
        string? Naam(string bron)
        {
            if (klaar.TryGetValue(bron, out var gedaan)) return gedaan.Naam;
            if (!bezig.Add(bron)) return null;
            var inhoud = Herschrijf(bron, bronnen[bron], verwijzing => bronnen.ContainsKey(verwijzing) ? Naam(verwijzing) : null);
            bezig.Remove(bron);
            var naam = MetHash(bron, Hash(inhoud));
            klaar[bron] = (inhoud, naam);
            return naam;
        }

        var opPad = new Dictionary<string, Bestand>(StringComparer.Ordinal);
        var namen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bron in bronnen.Keys.Order(StringComparer.Ordinal))
        {
            var naam = Naam(bron)!;
            var (inhoud, _) = klaar[bron];
            var soort = Soorten.TryGetContentType(bron, out var s) ? s : "application/octet-stream";
            if (soort.StartsWith("text/", StringComparison.Ordinal) || soort is "application/javascript" or "text/javascript" or "image/svg+xml") soort += "; charset=utf-8";
            if (bron == Indexpagina)
            {
                // The page keeps its name (it is what a person opens) and is revalidated on every view.
                var pagina = new Bestand(inhoud, soort, Hash(inhoud), gehasht: false);
                opPad["/"] = pagina;
                opPad["/" + Indexpagina] = pagina;
                continue;
            }
            opPad["/" + naam] = new Bestand(inhoud, soort, Hash(inhoud), gehasht: true);
            namen[bron] = "/" + naam;
        }
        return new Dashboardbestanden(opPad) { Namen = namen };
    }

    /// <summary>
    /// Serves <paramref name="bestand"/>: the coding the client accepts (<see cref="Compressie.Codering"/>) when the file is large
    /// enough to gain (<see cref="Compressie.Drempel"/>), a strong ETag naming that coding, 304 when the client has it.
    /// </summary>
    public static Task Dien(HttpContext context, Bestand bestand)
    {
        var codering = bestand.Inhoud.Length >= Compressie.Drempel ? Compressie.Codering(context.Request) : null;
        // br until it is made: gzip when the client takes it (Compressie.Codering prefers br, so it took gzip as well unless it said q=0).
        if (codering == "br" && bestand.Br is null) codering = Compressie.NeemtGzip(context.Request) ? "gzip" : null;
        var etag = $"\"{bestand.Hash}{(codering is null ? "" : "-" + codering)}\"";
        var antwoord = context.Response;
        antwoord.Headers.ETag = etag;
        antwoord.Headers.Vary = HeaderNames.AcceptEncoding;
        if (bestand.Gehasht) context.Items[OnveranderlijkSleutel] = true;
        // If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == etag)))
        {
            antwoord.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        var inhoud = codering switch
        {
            "br" => bestand.Br!,
            "gzip" => bestand.Gzip.Value,
            _ => bestand.Inhoud,
        };
        antwoord.StatusCode = StatusCodes.Status200OK;
        antwoord.ContentType = bestand.Soort;
        if (codering is not null) antwoord.Headers.ContentEncoding = codering;
        antwoord.ContentLength = inhoud.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : antwoord.Body.WriteAsync(inhoud, context.RequestAborted).AsTask();
    }

    private static string Hash(byte[] inhoud) => Convert.ToHexStringLower(SHA256.HashData(inhoud))[..12];

    /// <summary>"js/app.js" with hash h → "js/app.h.js" (before the last extension: "d3.min.h.js"); a name without one gets ".h".</summary>
    private static string MetHash(string pad, string hash)
    {
        var map = pad.LastIndexOf('/') is var i and >= 0 ? pad[..(i + 1)] : "";
        var naam = pad[map.Length..];
        var punt = naam.LastIndexOf('.');
        return punt < 0 ? $"{map}{naam}.{hash}" : $"{map}{naam[..punt]}.{hash}{naam[punt..]}";
    }

    /// <summary>
    /// The file with every reference to another file of the dashboard replaced by that file's hashed name (relative, as written).
    /// <paramref name="naamVan"/> gives a source path's hashed path, or null to leave the reference as it is.
    /// </summary>
    private static byte[] Herschrijf(string bron, byte[] inhoud, Func<string, string?> naamVan)
    {
        var patroon = Path.GetExtension(bron).ToLowerInvariant() switch
        {
            ".html" or ".htm" => HtmlVerwijzing(),
            ".js" or ".mjs" => ModuleVerwijzing(),
            ".css" => CssVerwijzing(),
            _ => null,
        };
        if (patroon is null) return inhoud;
        var tekst = Encoding.UTF8.GetString(inhoud);
        var map = bron.LastIndexOf('/') is var i and >= 0 ? bron[..(i + 1)] : "";
        var herschreven = patroon.Replace(tekst, m =>
        {
            var groep = m.Groups["url"];
            var verwijzing = groep.Value;
            if (verwijzing.Length == 0 || verwijzing.StartsWith('/') || verwijzing.StartsWith('#') || verwijzing.StartsWith('?') || verwijzing.Contains(':')) return m.Value;
            var einde = verwijzing.IndexOfAny(['?', '#']);
            var padDeel = einde < 0 ? verwijzing : verwijzing[..einde];
            if (Los(map, padDeel) is not { } doel || naamVan(doel) is not { } gehasht) return m.Value;
            // Written relative again, as the source wrote it: only the last segment changes.
            var nieuweNaam = gehasht[(gehasht.LastIndexOf('/') + 1)..];
            var vervangen = padDeel[..(padDeel.LastIndexOf('/') + 1)] + nieuweNaam + (einde < 0 ? "" : verwijzing[einde..]);
            return m.Value[..(groep.Index - m.Index)] + vervangen + m.Value[(groep.Index - m.Index + groep.Length)..];
        });
        return ReferenceEquals(herschreven, tekst) ? inhoud : Encoding.UTF8.GetBytes(herschreven);
    }

    /// <summary>A relative reference from folder <paramref name="map"/> as a path inside the dashboard, or null when it leaves it.</summary>
    private static string? Los(string map, string verwijzing)
    {
        var delen = new List<string>(map.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var deel in verwijzing.Split('/'))
        {
            if (deel is "" or ".") continue;
            if (deel == "..")
            {
                if (delen.Count == 0) return null;
                delen.RemoveAt(delen.Count - 1);
            }
            else delen.Add(deel);
        }
        return string.Join('/', delen);
    }

    // The three kinds of reference. Each names the reference itself as the group 'url'; what is around it stays as it is.
    [GeneratedRegex("""\b(?:src|href)\s*=\s*(?<q>["'])(?<url>[^"'<>\s]*)\k<q>""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlVerwijzing();

    [GeneratedRegex("""(?<q>["'`])(?<url>\.{1,2}/[^"'`\s]*)\k<q>""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ModuleVerwijzing();

    [GeneratedRegex("""url\(\s*(?<q>["']?)(?<url>[^"')\s]+)\k<q>\s*\)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CssVerwijzing();
}
