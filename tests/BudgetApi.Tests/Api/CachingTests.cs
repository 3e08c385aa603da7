using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;

namespace BudgetApi.Tests.Api;

/// <summary>
/// HTTP caching of the data endpoints: a strong ETag per data version and representation, 304 on If-None-Match, no-cache
/// on answers that carry an ETag, no-store and no ETag on problems, and a store of answers that stays within its bound.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed partial class CachingTests(BudgetApiFactory gedeeld)
{
    private const string JenV2026 = "/v1/totalen?begroting=JenV&soort=uitgaven&vanJaar=2026&totJaar=2026";

    // "<data version: 16 hex>-<build: 8 hex>-<json|csv>", strong (no W/).
    [GeneratedRegex("^\"[0-9a-f]{16}-[0-9a-f]{8}-(json|csv)\"$")]
    private static partial Regex EtagVorm();

    [Fact]
    public async Task Een_antwoord_heeft_een_sterke_ETag_en_met_die_ETag_volgt_een_304_zonder_lichaam()
    {
        var client = gedeeld.CreateClient();

        var eerste = await client.GetAsync(JenV2026);
        eerste.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = eerste.Headers.ETag!;
        etag.IsWeak.Should().BeFalse();
        etag.Tag.Should().MatchRegex(EtagVorm());
        etag.Tag.Should().EndWith("-json\"");
        eerste.Headers.CacheControl!.ToString().Should().Be("no-cache");
        eerste.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");
        (await Bedrag2026(eerste)).Should().Be(18_596_347);

        var tweede = await Get(client, JenV2026, ifNoneMatch: etag.Tag);
        tweede.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await tweede.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        tweede.Headers.ETag!.Tag.Should().Be(etag.Tag);
        tweede.Headers.CacheControl!.ToString().Should().Be("no-cache");
        tweede.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");

        // If-None-Match compares weakly (RFC 9110 §13.1.2), and a list matches when one of its tags does.
        (await Get(client, JenV2026, ifNoneMatch: "W/" + etag.Tag)).StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await Get(client, JenV2026, ifNoneMatch: "\"iets-anders\", " + etag.Tag)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        var ander = await Get(client, JenV2026, ifNoneMatch: "\"iets-anders\"");
        ander.StatusCode.Should().Be(HttpStatusCode.OK);
        ander.Headers.ETag!.Tag.Should().Be(etag.Tag);
        (await Bedrag2026(ander)).Should().Be(18_596_347);
    }

    [Fact]
    public async Task Een_304_ook_voor_een_antwoord_dat_nog_niet_bewaard_was_en_dat_daarna_uit_de_cache_komt()
    {
        using var factory = new InstelbareFactory();
        var client = factory.CreateClient();
        var etag = (await client.GetAsync(JenV2026)).Headers.ETag!.Tag;

        // Not asked before: the answer is computed, kept in the cache whole, and answered as a 304 (one data version, one tag).
        const string aandelen = "/v1/aandelen?begroting=JenV&niveau=artikel&jaar=2026";
        var voorwaardelijk = await Get(client, aandelen, ifNoneMatch: etag);
        voorwaardelijk.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await voorwaardelijk.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        var winkel = factory.Services.GetRequiredService<Antwoordwinkel>();
        var treffers = winkel.Treffers;
        var daarna = await client.GetAsync(aandelen);
        daarna.StatusCode.Should().Be(HttpStatusCode.OK);
        winkel.Treffers.Should().Be(treffers + 1, "the conditional request left the whole answer in the store");
        daarna.Headers.ETag!.Tag.Should().Be(etag);
        var politie = JsonNode.Parse(await daarna.Content.ReadAsStringAsync())!["gegevens"]!.AsArray()
            .Single(r => r!.Bedrag("artikel") == 31)!;
        politie.Bedrag("bedrag").Should().Be(8_843_848);
        politie.Getal("aandeelVanGeheel").Should().Be(47.56m);
    }

    [Fact]
    public async Task JSON_en_CSV_hebben_elk_hun_eigen_ETag()
    {
        var client = gedeeld.CreateClient();

        var json = await client.GetAsync("/v1/bedragen?begroting=JenV&artikel=31");
        var csv = await client.GetAsync("/v1/bedragen?begroting=JenV&artikel=31&formaat=csv");
        var csvViaAccept = await Get(client, "/v1/bedragen?begroting=JenV&artikel=31", accept: "text/csv");

        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        csvViaAccept.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        json.Headers.ETag!.Tag.Should().EndWith("-json\"");
        csv.Headers.ETag!.Tag.Should().EndWith("-csv\"");
        csvViaAccept.Headers.ETag!.Tag.Should().Be(csv.Headers.ETag.Tag);
        csv.Headers.ETag.Tag.Should().NotBe(json.Headers.ETag.Tag);
        // The same version, so the tags differ only in the representation.
        csv.Headers.ETag.Tag[..^5].Should().Be(json.Headers.ETag.Tag[..^6]);

        // A client holding the JSON gets the CSV in full when it asks for CSV, and a 304 for its own representation.
        var csvMetJsonTag = await Get(client, "/v1/bedragen?begroting=JenV&artikel=31", accept: "text/csv", ifNoneMatch: json.Headers.ETag.Tag);
        csvMetJsonTag.StatusCode.Should().Be(HttpStatusCode.OK);
        csvMetJsonTag.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csvMetJsonTag.Content.ReadAsStringAsync()).Should().Contain("JenV,VI,2026,ontwerpbegroting,uitgaven,31,artikel,,Politie,beleidsartikel,2026,8843848");
        (await Get(client, "/v1/bedragen?begroting=JenV&artikel=31&formaat=csv", ifNoneMatch: csv.Headers.ETag.Tag))
            .StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Andere_gegevens_geven_andere_ETags_en_nooit_een_verouderd_antwoord()
    {
        using var map = new TijdelijkeMap();
        var origineel = map.KopieVanData();
        var gewijzigd = Path.Combine(map.Pad, "gewijzigd");
        Repo.KopieerDocument(origineel, gewijzigd);
        // One figure: Politie 2026 from 8.843.848 to 8.843.849.
        var artikelen = Path.Combine(gewijzigd, "artikelen.csv");
        var tekst = await File.ReadAllTextAsync(artikelen);
        tekst.Should().Contain("JenV,uitgaven,31,Politie,beleidsartikel,8843848,");
        await File.WriteAllTextAsync(artikelen, tekst.Replace("JenV,uitgaven,31,Politie,beleidsartikel,8843848,", "JenV,uitgaven,31,Politie,beleidsartikel,8843849,", StringComparison.Ordinal));

        using var a = new InstelbareFactory(origineel);
        using var aOpnieuw = new InstelbareFactory(origineel);
        using var b = new InstelbareFactory(gewijzigd);
        var clientA = a.CreateClient();
        var clientB = b.CreateClient();

        string[] urls = [JenV2026, "/v1/begrotingen", "/v1/aansluitingen", "/v1/bedragen?formaat=csv", "/v1/organisaties/DJI"];
        foreach (var url in urls)
        {
            var tagA = (await clientA.GetAsync(url)).Headers.ETag!.Tag;
            var tagB = (await clientB.GetAsync(url)).Headers.ETag!.Tag;
            tagB.Should().NotBe(tagA, $"{url}: every ETag changes with the data version, also where this figure is not in the answer");
            // The same files give the same tag after a restart: a client's copy stays valid across restarts.
            (await aOpnieuw.CreateClient().GetAsync(url)).Headers.ETag!.Tag.Should().Be(tagA, url);

            var metOudeTag = await Get(clientB, url, ifNoneMatch: tagA);
            metOudeTag.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: a tag of other data never gets a 304");
        }

        var antwoordB = await Get(clientB, JenV2026, ifNoneMatch: (await clientA.GetAsync(JenV2026)).Headers.ETag!.Tag);
        (await Bedrag2026(antwoordB)).Should().Be(18_596_348, "8.843.849 + the other seven articles (9.752.499)");
        (await Bedrag2026(await clientA.GetAsync(JenV2026))).Should().Be(18_596_347);
    }

    [Fact]
    public async Task Problemen_krijgen_geen_ETag_geen_304_en_worden_niet_bewaard()
    {
        var client = gedeeld.CreateClient();
        var winkel = gedeeld.Services.GetRequiredService<Antwoordwinkel>();
        var treffers = winkel.Treffers;

        foreach (var (url, status) in new[]
                 {
                     ("/v1/totalen?begroting=Onbekend", HttpStatusCode.BadRequest),
                     ("/v1/bedragen?formaat=xml", HttpStatusCode.BadRequest),
                     ("/v1/begrotingen/Onbekend/artikelen", HttpStatusCode.NotFound),
                 })
        {
            for (var keer = 0; keer < 2; keer++)
            {
                var antwoord = await Get(client, url, ifNoneMatch: "*");
                antwoord.StatusCode.Should().Be(status, $"{url}: a precondition is never evaluated on a request that fails (RFC 9110 §13.2.1)");
                antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                antwoord.Headers.ETag.Should().BeNull();
                winkel.Treffers.Should().Be(treffers, $"{url}: problems are not kept in the store");
                antwoord.Headers.CacheControl!.ToString().Should().Be("no-store");
            }
        }
    }

    [Fact]
    public async Task If_None_Match_ster_geeft_een_304_op_elk_bestaand_antwoord()
    {
        var antwoord = await Get(gedeeld.CreateClient(), "/v1/begrotingen/JenV/artikelen/31", ifNoneMatch: "*");

        antwoord.StatusCode.Should().Be(HttpStatusCode.NotModified);
        antwoord.Headers.ETag!.Tag.Should().MatchRegex(EtagVorm());
    }

    [Fact]
    public async Task Een_dashboard_op_een_andere_origin_mag_zelf_revalideren_en_leest_de_ETag()
    {
        var client = gedeeld.CreateClient();

        using var voorvraag = new HttpRequestMessage(HttpMethod.Options, JenV2026);
        voorvraag.Headers.Add("Origin", "https://dashboard.example.org");
        voorvraag.Headers.Add("Access-Control-Request-Method", "GET");
        voorvraag.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var preflight = await client.SendAsync(voorvraag);
        preflight.StatusCode.Should().Be(HttpStatusCode.NoContent);
        preflight.Headers.GetValues("Access-Control-Allow-Headers").Should().ContainSingle().Which.Should().BeEquivalentTo("If-None-Match", "header names are case-insensitive");

        using var verzoek = new HttpRequestMessage(HttpMethod.Get, JenV2026);
        verzoek.Headers.Add("Origin", "https://dashboard.example.org");
        var antwoord = await client.SendAsync(verzoek);
        antwoord.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(',').Should().Contain("ETag");
    }

    [Fact]
    public async Task De_cache_blijft_binnen_zijn_grens()
    {
        // 40 distinct answers of the whole /v1/bedragen (255 rows, about 56 KB each): more than 2 MiB together.
        var urls = Enumerable.Range(300, 40).Select(g => $"/v1/bedragen?paginaGrootte={g}").ToList();

        using var begrensd = new InstelbareFactory(instellingen: ("Budget:Cache:Megabytes", "1"));
        var winkel = begrensd.Services.GetRequiredService<Antwoordwinkel>();
        var gevuld = await Vul(begrensd.CreateClient(), urls);
        gevuld.Should().BeGreaterThan(2L * 1024 * 1024);
        winkel.Aantal.Should().BeGreaterThan(0, "the cache is on");
        winkel.Aantal.Should().BeLessThan(urls.Count);
        winkel.Bytes.Should().BeLessThanOrEqualTo(1024 * 1024, "the answers kept take at most Budget:Cache:Megabytes together");

        // With the default bound (64 MiB) the same answers all stay: it is the bound that let the others go.
        var gedeeldeWinkel = gedeeld.Services.GetRequiredService<Antwoordwinkel>();
        await Vul(gedeeld.CreateClient(), urls);
        var treffers = gedeeldeWinkel.Treffers;
        await Vul(gedeeld.CreateClient(), urls);
        gedeeldeWinkel.Treffers.Should().Be(treffers + urls.Count);
    }

    [Fact]
    public async Task Zonder_cache_blijven_ETag_en_304()
    {
        using var factory = new InstelbareFactory(instellingen: ("Budget:Cache:Megabytes", "0"));
        var client = factory.CreateClient();

        var winkel = factory.Services.GetRequiredService<Antwoordwinkel>();
        var eerste = await client.GetAsync(JenV2026);
        var tweede = await client.GetAsync(JenV2026);
        winkel.Aan.Should().BeFalse();
        winkel.Treffers.Should().Be(0, "Budget:Cache:Megabytes=0 switches the store off");
        tweede.Headers.ETag!.Tag.Should().Be(eerste.Headers.ETag!.Tag);
        (await Get(client, JenV2026, ifNoneMatch: eerste.Headers.ETag.Tag)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    /// <summary>Asks every URL once; returns the bytes asked for.</summary>
    private static async Task<long> Vul(HttpClient client, IReadOnlyList<string> urls)
    {
        long gevuld = 0;
        foreach (var url in urls)
        {
            var antwoord = await client.GetAsync(url);
            antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
            gevuld += (await antwoord.Content.ReadAsByteArrayAsync()).Length;
        }
        return gevuld;
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string? ifNoneMatch = null, string? accept = null)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) verzoek.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (accept is not null) verzoek.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(verzoek);
    }

    private static async Task<long> Bedrag2026(HttpResponseMessage antwoord)
    {
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        var gegevens = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["gegevens"]!.AsArray();
        return gegevens.Single(r => r!.Tekst("begroting") == "JenV" && r!.Bedrag("jaar") == 2026)!.Bedrag("bedrag");
    }

    /// <summary>The service over another data folder, or with other settings, in its own process-local host.</summary>
    private sealed class InstelbareFactory(string? dataMap = null, params (string Sleutel, string Waarde)[] instellingen) : BudgetApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (dataMap is not null) builder.UseSetting("Budget:DataMap", dataMap);
            foreach (var (sleutel, waarde) in instellingen) builder.UseSetting(sleutel, waarde);
        }
    }
}
