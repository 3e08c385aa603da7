using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The dashboard's files (issue 15, target 6): the page names every asset by a content-hashed name, served immutable for a year
/// and compressed; the page itself revalidates. Over HTTP against the shipped dashboard, and on small folders for the rules.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed partial class DashboardbestandenTests(BudgetApiFactory gedeeld)
{
    // The references the rewriting follows: src/href in the page, relative module specifiers in the modules.
    [GeneratedRegex("\\b(?:src|href)=\"(?<url>[^\"?#:]+)\"")]
    private static partial Regex Paginaverwijzing();

    [GeneratedRegex("""['"](?<url>\.{1,2}/[^'"]+\.js)['"]""")]
    private static partial Regex Moduleverwijzing();

    [GeneratedRegex(@"\.(?<hash>[0-9a-f]{12})\.[a-z]+$")]
    private static partial Regex GehashteNaam();

    [Fact]
    public async Task De_pagina_noemt_elk_bestand_gehasht_en_elk_bestand_is_een_jaar_onveranderlijk_en_gecomprimeerd()
    {
        var client = gedeeld.CreateClient();
        using var pagina = await client.GetAsync("/dashboard/");
        pagina.StatusCode.Should().Be(HttpStatusCode.OK);
        pagina.Headers.CacheControl!.NoCache.Should().BeTrue("the page revalidates: it is what names the current assets");
        pagina.Headers.ETag.Should().NotBeNull();
        var html = await pagina.Content.ReadAsStringAsync();

        // Every asset reachable from the page, its modules' imports followed to the end.
        var teDoen = new Queue<Uri>(Paginaverwijzing().Matches(html).Select(m => m.Groups["url"].Value)
            .Where(u => !u.StartsWith("..", StringComparison.Ordinal)).Select(u => new Uri(new Uri("http://x/dashboard/"), u)));
        var gezien = new HashSet<string>();
        while (teDoen.TryDequeue(out var adres))
        {
            if (!gezien.Add(adres.AbsolutePath)) continue;
            var naam = GehashteNaam().Match(adres.AbsolutePath);
            naam.Success.Should().BeTrue($"{adres.AbsolutePath} is named by its content");

            using var gewoon = await client.GetAsync(adres.AbsolutePath);
            gewoon.StatusCode.Should().Be(HttpStatusCode.OK, adres.AbsolutePath);
            gewoon.Headers.GetValues("Cache-Control").Should().Equal([Dashboardbestanden.Onveranderlijk], adres.AbsolutePath);
            gewoon.Headers.Vary.Should().Contain("Accept-Encoding");
            var bytes = await gewoon.Content.ReadAsByteArrayAsync();
            Convert.ToHexStringLower(SHA256.HashData(bytes))[..12].Should().Be(naam.Groups["hash"].Value, $"{adres.AbsolutePath}: the name is its hash");

            if (bytes.Length >= Compressie.Drempel)
            {
                foreach (var (codering, uitpakken) in new (string, Func<Stream, Stream>)[]
                         { ("br", s => new BrotliStream(s, CompressionMode.Decompress)), ("gzip", s => new GZipStream(s, CompressionMode.Decompress)) })
                {
                    // br is made in the background on the first ask, gzip served meanwhile: ask until it is there, bounded.
                    HttpResponseMessage gecomprimeerd;
                    for (var klok = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(100))
                    {
                        using var verzoek = new HttpRequestMessage(HttpMethod.Get, adres.AbsolutePath);
                        verzoek.Headers.TryAddWithoutValidation("Accept-Encoding", codering == "br" ? "br, gzip" : codering);
                        gecomprimeerd = await client.SendAsync(verzoek);
                        gecomprimeerd.Content.Headers.ContentEncoding.Should().ContainSingle().Which.Should().BeOneOf(codering, "gzip");
                        if (gecomprimeerd.Content.Headers.ContentEncoding.Single() == codering || klok.Elapsed > TimeSpan.FromSeconds(120)) break;
                        gecomprimeerd.Dispose();
                    }
                    using var _ = gecomprimeerd;
                    gecomprimeerd.Content.Headers.ContentEncoding.Should().Equal([codering], adres.AbsolutePath);
                    gecomprimeerd.Headers.ETag!.Tag.Should().Be($"\"{naam.Groups["hash"].Value}-{codering}\"");
                    var ingepakt = await gecomprimeerd.Content.ReadAsByteArrayAsync();
                    ingepakt.Length.Should().BeLessThan(bytes.Length);
                    using var uit = new MemoryStream();
                    await using (var stroom = uitpakken(new MemoryStream(ingepakt))) await stroom.CopyToAsync(uit);
                    uit.ToArray().Should().Equal(bytes, $"{adres.AbsolutePath} in {codering} is the same file");
                }
            }
            if (adres.AbsolutePath.EndsWith(".js", StringComparison.Ordinal))
            {
                foreach (Match import in Moduleverwijzing().Matches(Encoding.UTF8.GetString(bytes)))
                {
                    teDoen.Enqueue(new Uri(adres, import.Groups["url"].Value));
                }
            }
        }
        gezien.Should().Contain(p => p.StartsWith("/dashboard/js/app.", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("/dashboard/vendor/d3/d3.min.", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("/dashboard/js/weergaven/", StringComparison.Ordinal), "the views, reached through app.js's imports");
        gezien.Count.Should().Be(Directory.EnumerateFiles(Path.Combine(Repo.Wortel, "src/BudgetApi/wwwroot/dashboard"), "*", SearchOption.AllDirectories)
            .Count(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".css", StringComparison.Ordinal) || p.EndsWith(".svg", StringComparison.Ordinal)),
            "every script, style and icon of the dashboard is reached by a hashed name");
    }

    [Fact]
    public async Task De_pagina_geeft_met_haar_ETag_een_304_en_de_bronnamen_blijven_bereikbaar()
    {
        var client = gedeeld.CreateClient();
        using var eerste = await client.GetAsync("/dashboard/index.html");
        var etag = eerste.Headers.ETag!;
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        verzoek.Headers.IfNoneMatch.Add(etag);
        using var tweede = await client.SendAsync(verzoek);
        tweede.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await tweede.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        // A page still open from before names the source files: they are served as they were, revalidated.
        using var bron = await client.GetAsync("/dashboard/js/app.js");
        bron.StatusCode.Should().Be(HttpStatusCode.OK);
        bron.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public void Een_gewijzigde_module_hernoemt_elke_module_die_haar_importeert_tot_en_met_de_pagina()
    {
        using var map = new TijdelijkeMap();
        Directory.CreateDirectory(map["d/js/weergaven"]);
        File.WriteAllText(map["d/index.html"], """<link href="stijl.css" rel="stylesheet"><script type="module" src="js/app.js"></script><a href="../swagger">api</a><a href="?weergave=x">x</a>""");
        File.WriteAllText(map["d/stijl.css"], "body { background: url('beeld.svg'); }");
        File.WriteAllText(map["d/beeld.svg"], "<svg/>");
        File.WriteAllText(map["d/js/app.js"], "import v from './weergaven/v.js';\nconst api = '../v1/totalen';\nconst tekst = 'dom.js';");
        File.WriteAllText(map["d/js/dom.js"], "export const el = 1;");
        File.WriteAllText(map["d/js/weergaven/v.js"], "import { el } from '../dom.js';\nexport default el;");

        var voor = Dashboardbestanden.Lees(map["d"]);
        File.WriteAllText(map["d/js/dom.js"], "export const el = 2;");
        var na = Dashboardbestanden.Lees(map["d"]);

        foreach (var bron in new[] { "js/dom.js", "js/weergaven/v.js", "js/app.js" })
        {
            na.Namen[bron].Should().NotBe(voor.Namen[bron], $"{bron} changes with the module it imports");
        }
        na.Namen["stijl.css"].Should().Be(voor.Namen["stijl.css"]);
        na.Zoek("/")!.Hash.Should().NotBe(voor.Zoek("/")!.Hash, "the page names app.js by its new name");

        var app = Encoding.UTF8.GetString(na.Zoek(na.Namen["js/app.js"])!.Inhoud);
        app.Should().Contain($"from './weergaven/{Path.GetFileName(na.Namen["js/weergaven/v.js"])}'")
            .And.Contain("'../v1/totalen'", "a path outside the dashboard is left as it is")
            .And.Contain("'dom.js'", "only relative module specifiers are rewritten, not any string");
        Encoding.UTF8.GetString(na.Zoek(na.Namen["js/weergaven/v.js"])!.Inhoud).Should().Contain($"from '../{Path.GetFileName(na.Namen["js/dom.js"])}'");
        Encoding.UTF8.GetString(na.Zoek(na.Namen["stijl.css"])!.Inhoud).Should().Contain($"url('{na.Namen["beeld.svg"][1..]}')");
        Encoding.UTF8.GetString(na.Zoek("/index.html")!.Inhoud).Should()
            .Contain($"src=\"{na.Namen["js/app.js"][1..]}\"").And.Contain("href=\"../swagger\"").And.Contain("href=\"?weergave=x\"");
        na.Zoek("/js/app.js").Should().BeNull("a source name is not a hashed asset");
    }

    [Fact]
    public void Modules_die_elkaar_importeren_houden_hun_gewone_naam_binnen_de_kring()
    {
        using var map = new TijdelijkeMap();
        Directory.CreateDirectory(map["d"]);
        File.WriteAllText(map["d/a.js"], "import './b.js';");
        File.WriteAllText(map["d/b.js"], "import './a.js';");

        var bestanden = Dashboardbestanden.Lees(map["d"]);

        // a is reached first: b names a by its plain name (served, revalidated), a names b by b's hashed name.
        Encoding.UTF8.GetString(bestanden.Zoek(bestanden.Namen["b.js"])!.Inhoud).Should().Be("import './a.js';");
        Encoding.UTF8.GetString(bestanden.Zoek(bestanden.Namen["a.js"])!.Inhoud).Should().Be($"import '.{bestanden.Namen["b.js"]}';");
    }
}
