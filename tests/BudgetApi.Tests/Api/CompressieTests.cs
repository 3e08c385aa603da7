using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetApi.Tests.Api;

/// <summary>
/// br and gzip over a real Kestrel port: the coding the client accepts, an ETag that names it, Vary: Accept-Encoding, 304s per
/// coding, the same figures once decoded, each coding computed once and then served from the output cache, small answers and
/// problems as they are.
/// </summary>
public sealed class CompressieTests(KestrelFactory factory) : IClassFixture<KestrelFactory>
{
    // 7.297 bytes of JSON; /v1/bedragen as CSV is 15.800.
    private const string Totalen = "/v1/totalen";
    private const string BedragenCsv = "/v1/bedragen?begroting=JenV&formaat=csv";

    private HttpClient Client()
    {
        factory.StartServer();
        return factory.CreateClient();
    }

    public static TheoryData<string, string> Coderingen() => new()
    {
        { Totalen, "br" }, { Totalen, "gzip" }, { BedragenCsv, "br" }, { BedragenCsv, "gzip" },
    };

    [Theory]
    [MemberData(nameof(Coderingen))]
    public async Task Een_gecomprimeerd_antwoord_is_na_decoderen_hetzelfde_en_zijn_ETag_noemt_de_codering(string url, string codering)
    {
        var client = Client();
        using var gewoon = await Get(client, url);
        var gewoneBytes = await gewoon.Content.ReadAsByteArrayAsync();
        using var gecomprimeerd = await Get(client, url, codering);
        var bytes = await gecomprimeerd.Content.ReadAsByteArrayAsync();

        gewoon.Content.Headers.ContentEncoding.Should().BeEmpty();
        gecomprimeerd.StatusCode.Should().Be(HttpStatusCode.OK);
        gecomprimeerd.Content.Headers.ContentEncoding.Should().Equal(codering);
        gecomprimeerd.Content.Headers.ContentLength.Should().Be(bytes.Length);
        bytes.Length.Should().BeLessThan(gewoneBytes.Length / 4, "these answers compress to under a quarter");
        Decodeer(bytes, codering).Should().Equal(gewoneBytes, "the same figures, byte for byte, once decoded");
        gecomprimeerd.Content.Headers.ContentType.Should().Be(gewoon.Content.Headers.ContentType);

        var tag = gecomprimeerd.Headers.ETag!;
        tag.IsWeak.Should().BeFalse();
        tag.Tag.Should().Be(gewoon.Headers.ETag!.Tag[..^1] + "-" + codering + "\"", "a content coding is another representation with its own strong tag");
        gecomprimeerd.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");
        gewoon.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");
        gecomprimeerd.Headers.CacheControl!.ToString().Should().Be("no-cache");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Een_304_alleen_met_de_ETag_van_dezelfde_codering(string codering)
    {
        var client = Client();
        var anders = codering == "br" ? "gzip" : "br";
        var eigenTag = (await Get(client, Totalen, codering)).Headers.ETag!.Tag;
        var gewoneTag = (await Get(client, Totalen)).Headers.ETag!.Tag;

        using var nietGewijzigd = await Get(client, Totalen, codering, eigenTag);
        nietGewijzigd.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await nietGewijzigd.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        nietGewijzigd.Headers.ETag!.Tag.Should().Be(eigenTag);
        nietGewijzigd.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");

        // The tag of another coding, or of the uncompressed answer, is another representation: the client gets this one whole.
        using var andereCodering = await Get(client, Totalen, anders, eigenTag);
        andereCodering.StatusCode.Should().Be(HttpStatusCode.OK);
        andereCodering.Content.Headers.ContentEncoding.Should().Equal(anders);
        using var metGewoneTag = await Get(client, Totalen, codering, gewoneTag);
        metGewoneTag.StatusCode.Should().Be(HttpStatusCode.OK);
        metGewoneTag.Content.Headers.ContentEncoding.Should().Equal(codering);
        using var zonderCodering = await Get(client, Totalen, ifNoneMatch: eigenTag);
        zonderCodering.StatusCode.Should().Be(HttpStatusCode.OK);
        zonderCodering.Content.Headers.ContentEncoding.Should().BeEmpty();
        (await Get(client, Totalen, ifNoneMatch: gewoneTag)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Een_304_ook_als_de_gecomprimeerde_vorm_nog_niet_bewaard_was_en_daarna_komt_die_uit_de_cache(string codering)
    {
        using var eigen = new KestrelFactory();
        eigen.StartServer();
        var client = eigen.CreateClient();
        const string url = "/v1/aandelen?begroting=JenV&niveau=artikel&jaar=2026";
        // The tag of the coding can be known without asking in that coding: one data version, one build, one representation.
        var gewoneTag = (await Get(client, url)).Headers.ETag!.Tag;
        var tag = gewoneTag[..^1] + "-" + codering + "\"";

        using var voorwaardelijk = await Get(client, url, codering, tag);
        voorwaardelijk.StatusCode.Should().Be(HttpStatusCode.NotModified, "the compressed answer is computed, kept, and answered as a 304");
        voorwaardelijk.Headers.ETag!.Tag.Should().Be(tag);

        var winkel = eigen.Services.GetRequiredService<Antwoordwinkel>();
        var treffers = winkel.Treffers;
        using var daarna = await Get(client, url, codering);
        winkel.Treffers.Should().Be(treffers + 1, "the conditional request left the compressed answer in the store");
        daarna.Headers.ETag!.Tag.Should().Be(tag);
        var figuren = JsonNode.Parse(Decodeer(await daarna.Content.ReadAsByteArrayAsync(), codering))!["gegevens"]!.AsArray();
        figuren.Single(r => r!.Bedrag("artikel") == 31)!.Bedrag("bedrag").Should().Be(8_843_848);
    }

    [Fact]
    public async Task Elke_codering_wordt_eens_berekend_en_daarna_uit_de_cache_gediend()
    {
        using var eigen = new KestrelFactory();
        eigen.StartServer();
        var client = eigen.CreateClient();
        const string url = "/v1/bedragen?begroting=AenM&paginaGrootte=500";

        var winkel = eigen.Services.GetRequiredService<Antwoordwinkel>();
        foreach (var codering in new[] { "br", "gzip" })
        {
            var treffers = winkel.Treffers;
            using var eerste = await Get(client, url, codering);
            winkel.Treffers.Should().Be(treffers, $"{codering}: the first request computes and compresses");
            var bytes = await eerste.Content.ReadAsByteArrayAsync();
            foreach (var spelling in new[] { codering, codering.ToUpperInvariant(), $"{codering};q=0.9, identity;q=0.1" })
            {
                treffers = winkel.Treffers;
                using var later = await Get(client, url, spelling);
                winkel.Treffers.Should().Be(treffers + 1, $"{spelling}: the stored {codering} answer, not compressed again");
                later.Content.Headers.ContentEncoding.Should().Equal(codering);
                (await later.Content.ReadAsByteArrayAsync()).Should().Equal(bytes, "the bytes the cache keeps");
                later.Headers.ETag!.Tag.Should().Be(eerste.Headers.ETag!.Tag);
            }
        }
        var voorGewoon = winkel.Treffers;
        using var gewoon = await Get(client, url);
        winkel.Treffers.Should().Be(voorGewoon, "the uncompressed answer is its own entry");
        gewoon.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0.1", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("identity", null)]
    [InlineData("deflate", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("", null)]
    public async Task De_codering_volgt_Accept_Encoding_met_zijn_q_waarden(string acceptEncoding, string? codering)
    {
        using var antwoord = await Get(Client(), Totalen, acceptEncoding);

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        if (codering is null) antwoord.Content.Headers.ContentEncoding.Should().BeEmpty(acceptEncoding);
        else antwoord.Content.Headers.ContentEncoding.Should().Equal([codering], acceptEncoding);
    }

    [Fact]
    public async Task Een_klein_antwoord_gaat_ongecomprimeerd()
    {
        const string url = "/v1/totalen?begroting=JenV&soort=uitgaven&vanJaar=2026&totJaar=2026";
        var client = Client();
        using var gewoon = await Get(client, url);
        var lengte = (await gewoon.Content.ReadAsByteArrayAsync()).Length;
        lengte.Should().BeLessThan(Compressie.Drempel, "this total of one year is the smallest answer");

        using var br = await Get(client, url, "br");
        br.Content.Headers.ContentEncoding.Should().BeEmpty();
        br.Headers.ETag!.Tag.Should().Be(gewoon.Headers.ETag!.Tag, "the same bytes, so the same representation and tag");
        br.Headers.Vary.Should().Equal("Accept", "Accept-Encoding");
        (await br.Content.ReadAsByteArrayAsync()).Length.Should().Be(lengte);
    }

    [Fact]
    public async Task Problemen_en_andere_paden_worden_niet_gecomprimeerd()
    {
        var client = Client();
        foreach (var url in new[] { "/v1/totalen?begroting=Onbekend", "/v1/bedragen?pagina=0", "/v1/openapi.json", "/health/ready" })
        {
            using var antwoord = await Get(client, url, "br, gzip");
            antwoord.Content.Headers.ContentEncoding.Should().BeEmpty(url);
            antwoord.Headers.ETag.Should().BeNull(url);
        }
    }

    [Fact]
    public async Task HEAD_noemt_de_lengte_van_het_gecomprimeerde_antwoord()
    {
        var client = Client();
        using var get = await Get(client, Totalen, "br");
        var lengte = (await get.Content.ReadAsByteArrayAsync()).Length;
        using var verzoek = new HttpRequestMessage(HttpMethod.Head, Totalen);
        verzoek.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var head = await client.SendAsync(verzoek);

        head.Content.Headers.ContentEncoding.Should().Equal("br");
        head.Content.Headers.ContentLength.Should().Be(lengte);
        head.Headers.ETag!.Tag.Should().Be(get.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Een_client_die_zelf_decodeert_krijgt_dezelfde_cijfers()
    {
        factory.StartServer();
        // Sends Accept-Encoding: gzip, deflate, br and decodes, as a browser, Excel or Power BI does.
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = factory.ClientOptions.BaseAddress };
        using var antwoord = await client.GetAsync("/v1/totalen?begroting=JenV&groepering=artikel&vanJaar=2026&totJaar=2026");
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        var politie = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["gegevens"]!.AsArray()
            .Single(r => r!.Bedrag("artikel") == 31 && r!.Bedrag("jaar") == 2026)!;
        politie.Bedrag("bedrag").Should().Be(8_843_848);
    }

    private static byte[] Decodeer(byte[] bytes, string codering)
    {
        using var invoer = new MemoryStream(bytes);
        using Stream stroom = codering == "br" ? new BrotliStream(invoer, CompressionMode.Decompress) : new GZipStream(invoer, CompressionMode.Decompress);
        using var uit = new MemoryStream();
        stroom.CopyTo(uit);
        return uit.ToArray();
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null) verzoek.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) verzoek.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(verzoek);
    }
}
