using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Hosting;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The OData feed at /odata as the service's own rules ask (docs/odata.md): read-only, its limits answered with a problem and
/// never a 5xx, an ETag per data version and a 304, an import visible at once, the read rate limit. Reading it with an OData
/// client library, and its figures against the REST resources, is tests/BudgetApi.ClientTests/ODataClientTests.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class ODataTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Q(string tekst) => Uri.EscapeDataString(tekst);

    [Theory]
    [InlineData("POST", "/odata/Regels")]
    [InlineData("PUT", "/odata/Regels")]
    [InlineData("PATCH", "/odata/Standen")]
    [InlineData("DELETE", "/odata/Standen")]
    [InlineData("POST", "/odata/$metadata")]
    [InlineData("POST", "/odata")]
    [InlineData("PATCH", "/odata/Standen('VI-2026-ontwerpbegroting')")]
    [InlineData("DELETE", "/odata/Regels(RegelId=1,Jaar=2013)")]
    [InlineData("POST", "/odata/$batch")]
    public async Task De_feed_is_alleen_lezen(string methode, string pad)
    {
        using var verzoek = new HttpRequestMessage(new HttpMethod(methode), pad)
        {
            Content = new StringContent("""{"Id":"VI-2026-ontwerpbegroting","Bedrag":1}""", Encoding.UTF8, "application/json"),
        };
        var antwoord = await _client.SendAsync(verzoek);

        antwoord.StatusCode.Should().BeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
        await antwoord.AlsProbleem(antwoord.StatusCode);
        if (antwoord.StatusCode == HttpStatusCode.MethodNotAllowed) antwoord.Content.Headers.Allow.Should().BeEquivalentTo("GET", "HEAD");
        // Nothing changed: the stand is still there with its figure.
        var (standen, _) = await Lijst("/odata/Standen?$filter=" + Q("Id eq 'VI-2026-ontwerpbegroting'"));
        standen.Should().ContainSingle();
    }

    [Fact]
    public async Task Een_lange_set_komt_in_paginas_met_een_nextLink_en_de_laatste_heeft_er_geen()
    {
        var (eerste, body) = await Lijst("/odata/Artikelen?$count=true");
        eerste.Count.Should().Be(1000, "the page size");
        var aantal = body["@odata.count"]!.GetValue<long>();
        var volgende = body["@odata.nextLink"]!.GetValue<string>();
        volgende.Should().StartWith("http://localhost/odata/Artikelen?").And.Contain("$skip=1000");
        var gelezen = eerste.Count;
        while (volgende is not null)
        {
            var (pagina, rest) = await Lijst(volgende);
            gelezen += pagina.Count;
            volgende = rest["@odata.nextLink"]?.GetValue<string>();
        }
        gelezen.Should().Be((int)aantal);
    }

    [Theory]
    [InlineData("$top=10001", "$top")]
    [InlineData("$top=-1", "$top")]
    [InlineData("$skip=abc", "$skip")]
    [InlineData("$filter=Onbekend eq 1", "$filter")]
    [InlineData("$filter=Bedrag eq", "$filter")]
    [InlineData("$filter=Bedrag div 0 eq 1", "$filter")]
    [InlineData("$orderby=Bedrag,Jaar,Artikel,Soort,Stand,Pad,Omschrijving,Fase,Begroting,Hoofdstuk,Diepte", "$orderby")]
    [InlineData("$select=Onbekend", "$select")]
    [InlineData("$expand=Stand", "$expand")]
    [InlineData("$search=politie", "$search")]
    [InlineData("$count=misschien", "$count")]
    [InlineData("$apply=groupby((Onbekend))", "$apply")]
    [InlineData("$apply=aggregate(Bedrag with average as Gemiddeld)", "$apply")]
    [InlineData("$apply=aggregate(Bedrag mul 2 with sum as Dubbel)", "$apply")]
    [InlineData("$apply=groupby(", "$apply")]
    public async Task Een_query_die_de_feed_weigert_is_een_400_die_de_optie_noemt(string query, string optie)
    {
        var probleem = await _client.GetProbleem("/odata/Regels?" + string.Join('&', query.Split('&').Select(d => d.Split('=', 2)).Select(d => d[0] + "=" + Q(d[1]))),
            HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal(optie);
    }

    [Fact]
    public async Task Een_te_grote_expressie_is_een_400_en_geen_5xx()
    {
        // 120 comparisons: more nodes than the limit of 100.
        var filter = string.Join(" or ", Enumerable.Range(1, 120).Select(i => $"Artikel eq {i}"));
        var probleem = await _client.GetProbleem("/odata/Regels?$filter=" + Q(filter), HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("$filter");
        probleem["detail"]!.GetValue<string>().Should().Contain("100");
    }

    [Fact]
    public async Task Een_query_langer_dan_de_tijdslimiet_wordt_afgebroken_met_een_400()
    {
        await using var traag = new InstelbareFactory(("Budget:OData:TijdslimietSeconden", "0.000001"));
        var client = traag.CreateClient();
        // The version's rows are read before the query's time starts (Feedgegevens), so 1 µs is the query's own time only.

        var probleem = await client.GetProbleem("/odata/Regels?$filter=" + Q("contains(Omschrijving,'politie')"), HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("$filter");
        probleem["detail"]!.GetValue<string>().Should().Contain("tijdslimiet");
    }

    [Fact]
    public async Task Een_antwoord_heeft_een_ETag_van_de_gegevensversie_en_met_die_ETag_volgt_een_304()
    {
        foreach (var pad in new[] { "/odata", "/odata/$metadata", "/odata/Regels?$top=3", "/odata/Standen?$apply=" + Q("groupby((Fase))") })
        {
            var eerste = await _client.GetAsync(pad);
            eerste.StatusCode.Should().Be(HttpStatusCode.OK, pad);
            var etag = eerste.Headers.ETag!;
            etag.IsWeak.Should().BeFalse();
            etag.Tag.Should().MatchRegex("^\"[0-9a-f]{16}-[0-9a-f]{8}-odata-[0-9a-f]{8}\"$");
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, pad);
            verzoek.Headers.IfNoneMatch.Add(etag);
            var tweede = await _client.SendAsync(verzoek);
            tweede.StatusCode.Should().Be(HttpStatusCode.NotModified, pad);
            (await tweede.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Een_som_met_een_leeg_bedrag_is_leeg_zoals_in_de_totalen()
    {
        // GF (hoofdstuk B) ontwerpbegroting 2016 prints no amount for 2014 on one artikel line: /v1/totalen gives null for 2014.
        var (rijen, _) = await Lijst("/odata/Artikelen?$apply=" + Q(
            "filter(Hoofdstuk eq 'B' and Begrotingsjaar eq 2016 and Fase eq 'ontwerpbegroting' and Soort eq 'uitgaven' and Jaar le 2016)/groupby((Jaar),aggregate(Bedrag with sum as Bedrag))"));
        var feed = rijen.ToDictionary(r => r!["Jaar"]!.GetValue<int>(), r => r!["Bedrag"]?.GetValue<long>());
        var (totalen, _) = await _client.GetLijst("/v1/totalen?begroting=GF&begrotingsjaar=2016&fase=ontwerpbegroting&soort=uitgaven&vanJaar=2014&totJaar=2016");
        var rest = totalen.ToDictionary(r => r!["jaar"]!.GetValue<int>(), r => r!["bedrag"]?.GetValue<long>());

        rest[2014].Should().BeNull("the test is about a year with a blank");
        feed.Should().Equal(rest);
    }

    [Fact]
    public async Task Metadata_is_XML_ook_als_Accept_JSON_vooraan_zet_zoals_Power_Query()
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, "/odata/$metadata");
        verzoek.Headers.TryAddWithoutValidation("Accept",
            "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7");
        var antwoord = await _client.SendAsync(verzoek);
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        antwoord.Headers.GetValues("OData-Version").Should().Equal("4.0");
        var xml = await antwoord.Content.ReadAsStringAsync();
        xml.Should().Contain("<EntitySet Name=\"Regels\"").And.Contain("<Property Name=\"Bedrag\" Type=\"Edm.Int64\" />");
    }

    [Fact]
    public async Task De_feed_valt_onder_de_leeslimiet()
    {
        await using var beperkt = new InstelbareFactory(("Budget:Snelheidslimiet:PerMinuut", "3")) { MetSnelheidslimiet = true };
        var client = beperkt.CreateClient();
        for (var i = 0; i < 3; i++) (await client.GetAsync("/odata/Begrotingen")).StatusCode.Should().Be(HttpStatusCode.OK);
        var antwoord = await client.GetAsync("/odata/Regels?$top=1");
        await antwoord.AlsProbleem(HttpStatusCode.TooManyRequests);
        antwoord.Headers.RetryAfter.Should().NotBeNull();
    }

    private async Task<(JsonArray Rijen, JsonObject Body)> Lijst(string url)
    {
        var antwoord = await _client.GetAsync(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, tekst);
        var body = JsonNode.Parse(tekst)!.AsObject();
        return (body["value"]!.AsArray(), body);
    }

    private sealed class InstelbareFactory(params (string Sleutel, string Waarde)[] instellingen) : BudgetApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (sleutel, waarde) in instellingen) builder.UseSetting(sleutel, waarde);
        }
    }
}

/// <summary>An import shows in the feed with the next request: a new data version, a new ETag, the new stand and its figures.</summary>
public sealed class ODataImportTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private readonly ImportFactory _factory;
    private readonly HttpClient _client;

    public ODataImportTests()
    {
        _map.KopieVanData();
        _factory = new ImportFactory(_map);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _map.Dispose();
    }

    [Fact]
    public async Task Een_import_staat_meteen_in_de_feed_met_een_nieuwe_ETag()
    {
        var url = "/odata/Artikelen?$apply=" + Uri.EscapeDataString(
            "filter(Begroting eq 'JenV' and Begrotingsjaar eq 2026 and Soort eq 'uitgaven' and Jaar eq 2026)/groupby((Fase),aggregate(Bedrag with sum as Bedrag))");
        var voor = await _client.GetAsync(url);
        voor.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = voor.Headers.ETag!;
        Perfase(await voor.Content.ReadAsStringAsync()).Should().Equal(new Dictionary<string, long> { ["ontwerpbegroting"] = 18_596_347 });

        var export = Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl));
        var stand = Proefstanden.AlsFase(export, "1e-suppletoire", new Dictionary<int, long> { [2026] = 25_000 });
        (await _client.Importeer(stand, Tokens.Maak())).StatusCode.Should().Be(HttpStatusCode.Created);

        using var opnieuw = new HttpRequestMessage(HttpMethod.Get, url);
        opnieuw.Headers.IfNoneMatch.Add(etag);
        var na = await _client.SendAsync(opnieuw);
        na.StatusCode.Should().Be(HttpStatusCode.OK, "the old tag names a data version that no longer serves");
        na.Headers.ETag!.Tag.Should().NotBe(etag.Tag);
        Perfase(await na.Content.ReadAsStringAsync()).Should().Equal(new Dictionary<string, long>
        {
            ["ontwerpbegroting"] = 18_596_347,
            ["1e-suppletoire"] = 18_596_347 + 25_000,
        });
    }

    private static Dictionary<string, long> Perfase(string json) => JsonNode.Parse(json)!["value"]!.AsArray()
        .ToDictionary(r => r!["Fase"]!.GetValue<string>(), r => r!["Bedrag"]!.GetValue<long>());
}
