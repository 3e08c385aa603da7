using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class BedragenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Zonder_filters_51_regels_maal_5_jaren_is_255_rijen()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/bedragen?paginaGrootte=1000");

        gegevens.Should().HaveCount(255);
        var paginering = metadata["paginering"]!;
        paginering.Bedrag("totaalAantal").Should().Be(255);
        paginering.Bedrag("aantalPaginas").Should().Be(1);
        gegevens.Count(r => r!.Tekst("regelsoort") == "artikel").Should().Be(20 * 5);
        gegevens.Count(r => r!.Tekst("regelsoort") == "waarvan").Should().Be(31 * 5);
        metadata.Bedrag("factor").Should().Be(1000);
        metadata.Tekst("stand").Should().Be("ontwerpbegroting 2026");
    }

    [Fact]
    public async Task Standaardvolgorde_volgt_het_document_artikelregel_dan_waarvan_dan_jaar()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?paginaGrootte=1000");

        gegevens.Take(6).Select(r => (r!.Tekst("omschrijving"), r!.Bedrag("jaar"))).Should().Equal(
            ("Politie", 2026L), ("Politie", 2027L), ("Politie", 2028L), ("Politie", 2029L), ("Politie", 2030L), ("Bijdrage aan Politie", 2026L));
        gegevens.Select(r => $"{r!.Tekst("begroting")} {r!.Tekst("soort")}").Distinct()
            .Should().Equal("JenV uitgaven", "JenV ontvangsten", "AenM uitgaven", "AenM ontvangsten");
    }

    [Fact]
    public async Task JenV_artikel_31_in_2026_artikelregel_en_waarvan()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?begroting=jenv&soort=Uitgaven&artikel=31&jaar=2026");

        gegevens.Should().HaveCount(2);
        var artikel = gegevens[0]!;
        artikel.Tekst("begroting").Should().Be("JenV");
        artikel.Tekst("soort").Should().Be("uitgaven");
        artikel.Tekst("regelsoort").Should().Be("artikel");
        artikel.Tekst("omschrijving").Should().Be("Politie");
        artikel.Tekst("categorie").Should().Be("beleidsartikel");
        artikel.Bedrag("bedrag").Should().Be(8_843_848);
        artikel.Tekst("bronTabel").Should().Be("A. Uitgaven JenV");
        artikel.Bedrag("bronRegel").Should().Be(472);
        var waarvan = gegevens[1]!;
        waarvan.Tekst("regelsoort").Should().Be("waarvan");
        waarvan.Tekst("omschrijving").Should().Be("Bijdrage aan Politie");
        waarvan.Bedrag("bedrag").Should().Be(8_480_305);
        waarvan.Bedrag("bronRegel").Should().Be(474);
    }

    [Fact]
    public async Task Regelsoort_filtert_artikelregels_of_waarvanregels()
    {
        var (waarvan, _) = await _client.GetLijst("/v1/bedragen?begroting=JenV&artikel=31&jaar=2026&regelsoort=waarvan");
        waarvan.Should().ContainSingle().Which!.Bedrag("bedrag").Should().Be(8_480_305);

        var (artikelen, metadata) = await _client.GetLijst("/v1/bedragen?regelsoort=artikel&jaar=2026");
        metadata["paginering"]!.Bedrag("totaalAantal").Should().Be(20);
        artikelen.Should().OnlyContain(r => r!.Tekst("regelsoort") == "artikel");
    }

    [Fact]
    public async Task Oekraiense_ontheemden_2029_en_2030_blijven_rijen_met_bedrag_null()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?begroting=AenM&regelsoort=waarvan&artikel=37");

        var oekraine = gegevens.Where(r => r!.Tekst("omschrijving") == "opvang Oekraïense ontheemden").ToList();
        oekraine.Select(r => r!.Bedrag("jaar")).Should().Equal(2026, 2027, 2028, 2029, 2030);
        oekraine.Take(3).Select(r => r!.Bedrag("bedrag")).Should().Equal(2_782_443, 2_781_594, 1_014_701);
        oekraine[3]!["bedrag"].Should().BeNull();
        oekraine[4]!["bedrag"].Should().BeNull();
        oekraine[3]!.AsObject().ContainsKey("bedrag").Should().BeTrue("a blank is a row with bedrag null, not a missing row");
    }

    [Fact]
    public async Task Aflopend_op_bedrag_begint_met_AenM_37_in_2026()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?sortering=-bedrag&paginaGrootte=1000");

        var eerste = gegevens[0]!;
        eerste.Bedrag("bedrag").Should().Be(8_865_612);
        eerste.Tekst("begroting").Should().Be("AenM");
        eerste.Bedrag("artikel").Should().Be(37);
        eerste.Bedrag("jaar").Should().Be(2026);
        gegevens[1]!.Bedrag("bedrag").Should().Be(8_843_848);
        var bedragen = gegevens.Select(r => r!["bedrag"]?.GetValue<long>()).ToList();
        bedragen.TakeWhile(b => b is not null).Should().BeInDescendingOrder();
        bedragen.SkipWhile(b => b is not null).Should().OnlyContain(b => b == null, "blanks come last");
        bedragen.Count(b => b is null).Should().Be(2);
    }

    [Fact]
    public async Task Meerdere_sorteervelden_jaar_dan_aflopend_bedrag()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?sortering=jaar,-bedrag&soort=uitgaven&regelsoort=artikel");

        gegevens.Should().HaveCount(11 * 5);
        gegevens.Select(r => r!.Bedrag("jaar")).Should().BeInAscendingOrder();
        gegevens.Take(11).Select(r => r!.Bedrag("bedrag")).Should().BeInDescendingOrder();
        gegevens[0]!.Bedrag("bedrag").Should().Be(8_865_612);
        gegevens[11]!.Bedrag("jaar").Should().Be(2027);
        gegevens[11]!.Bedrag("bedrag").Should().Be(8_821_547, "in 2027 JenV 31 (8.821.547) is above AenM 37 (5.137.297)");
    }

    [Fact]
    public async Task Paginering_met_links_die_de_andere_parameters_houden()
    {
        var antwoord = await _client.GetAsync("/v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=2");
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
        var p = body["metadata"]!["paginering"]!;

        p.Bedrag("pagina").Should().Be(2);
        p.Bedrag("paginaGrootte").Should().Be(50);
        p.Bedrag("totaalAantal").Should().Be(39 * 5);
        p.Bedrag("aantalPaginas").Should().Be(4);
        p.Tekst("zelf").Should().Be("/v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=2");
        p.Tekst("volgende").Should().Be("/v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=3");
        p.Tekst("vorige").Should().Be("/v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=1");
        body["gegevens"]!.AsArray().Should().HaveCount(50);
        antwoord.Headers.GetValues("Link").Single().Should().Be(
            "</v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=3>; rel=\"next\", " +
            "</v1/bedragen?begroting=JenV&sortering=-bedrag&paginaGrootte=50&pagina=1>; rel=\"prev\"");

        var (laatste, meta) = await _client.GetLijst(p.Tekst("volgende").Replace("pagina=3", "pagina=4"));
        laatste.Should().HaveCount(195 - 150);
        meta["paginering"]!["volgende"].Should().BeNull();
    }

    [Fact]
    public async Task Bladeren_geeft_elke_rij_precies_een_keer()
    {
        var (alles, _) = await _client.GetLijst("/v1/bedragen?sortering=bedrag&paginaGrootte=1000");
        var gebladerd = new List<JsonNode>();
        string? volgende = "/v1/bedragen?sortering=bedrag&paginaGrootte=100";
        while (volgende is not null)
        {
            var (gegevens, metadata) = await _client.GetLijst(volgende);
            gebladerd.AddRange(gegevens.Select(r => r!));
            volgende = metadata["paginering"]!["volgende"]?.GetValue<string>();
        }

        gebladerd.Select(r => r.ToJsonString()).Should().Equal(alles.Select(r => r!.ToJsonString()));
    }

    [Fact]
    public async Task Eerste_pagina_heeft_geen_vorige_en_een_pagina_voorbij_het_einde_is_leeg()
    {
        var eerste = await _client.GetAsync("/v1/bedragen?jaar=2026&paginaGrootte=20");
        var body = JsonNode.Parse(await eerste.Content.ReadAsStringAsync())!;
        body["metadata"]!["paginering"]!["vorige"].Should().BeNull();
        body["metadata"]!["paginering"]!.Tekst("zelf").Should().Be("/v1/bedragen?jaar=2026&paginaGrootte=20&pagina=1");
        eerste.Headers.GetValues("Link").Single().Should().Be("</v1/bedragen?jaar=2026&paginaGrootte=20&pagina=2>; rel=\"next\"");

        // 51 lines in 2026: pages of 20, 20 and 11.
        var (voorbij, metadata) = await _client.GetLijst("/v1/bedragen?jaar=2026&paginaGrootte=20&pagina=7");
        voorbij.Should().BeEmpty();
        metadata["aantal"]!.GetValue<int>().Should().Be(0);
        metadata["paginering"]!.Bedrag("totaalAantal").Should().Be(51);
        metadata["paginering"]!.Bedrag("aantalPaginas").Should().Be(3);
        metadata["paginering"]!["volgende"].Should().BeNull();
        metadata["paginering"]!.Tekst("vorige").Should().Be("/v1/bedragen?jaar=2026&paginaGrootte=20&pagina=3", "vorige points to the last page with rows");

        var enige = await _client.GetAsync("/v1/bedragen?jaar=2026");
        enige.Headers.Contains("Link").Should().BeFalse("one page has neither next nor prev");
    }

    [Fact]
    public async Task In_csv_dezelfde_rijen_en_bedragen_als_in_json()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bedragen?begroting=AenM&soort=uitgaven");
        var antwoord = await _client.GetCsv("/v1/bedragen?begroting=AenM&soort=uitgaven&formaat=csv");

        antwoord.Should().HaveCount(gegevens.Count).And.HaveCount(11 * 5);
        antwoord[0].Keys.Should().Equal(gegevens[0]!.AsObject().Select(p => p.Key));
        for (var i = 0; i < gegevens.Count; i++)
        {
            var json = gegevens[i]!["bedrag"]?.GetValue<long>();
            var csv = antwoord[i]["bedrag"];
            (csv.Length == 0 ? (long?)null : long.Parse(csv, CultureInfo.InvariantCulture)).Should().Be(json);
            antwoord[i]["omschrijving"].Should().Be(gegevens[i]!.Tekst("omschrijving"));
            antwoord[i]["jaar"].Should().Be(gegevens[i]!.Bedrag("jaar").ToString(CultureInfo.InvariantCulture));
        }
        antwoord.Count(r => r["bedrag"].Length == 0).Should().Be(2);
    }

    [Fact]
    public async Task Csv_met_paginering_draagt_de_link_header()
    {
        var antwoord = await _client.GetAsync("/v1/bedragen?formaat=csv&paginaGrootte=100&pagina=2");

        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        antwoord.Headers.GetValues("Link").Single().Should().Be(
            "</v1/bedragen?formaat=csv&paginaGrootte=100&pagina=3>; rel=\"next\", </v1/bedragen?formaat=csv&paginaGrootte=100&pagina=1>; rel=\"prev\"");
    }

    [Theory]
    [InlineData("/v1/bedragen?sortering=naam", "sortering", "Onbekend sorteerveld 'naam' in sortering; toegestaan: bedrag, jaar, artikel, begroting, omschrijving")]
    [InlineData("/v1/bedragen?sortering=jaar;DROP TABLE regel", "sortering", "Onbekend sorteerveld 'jaar;DROP TABLE regel'")]
    [InlineData("/v1/bedragen?sortering=jaar,,bedrag", "sortering", "Onbekend sorteerveld ''")]
    [InlineData("/v1/bedragen?sortering=jaar,-jaar", "sortering", "meer dan eens")]
    [InlineData("/v1/bedragen?pagina=0", "pagina", "toegestaan: 1 of hoger")]
    [InlineData("/v1/bedragen?paginaGrootte=0", "paginaGrootte", "toegestaan: 1 tot en met 1000")]
    [InlineData("/v1/bedragen?paginaGrootte=1001", "paginaGrootte", "toegestaan: 1 tot en met 1000")]
    [InlineData("/v1/bedragen?begroting=XYZ", "begroting", "Onbekende begroting 'XYZ'; toegestaan: " + Verwacht.Begrotingen)]
    [InlineData("/v1/bedragen?soort=saldo", "soort", "toegestaan: verplichtingen, uitgaven, ontvangsten")]
    [InlineData("/v1/bedragen?regelsoort=totaal", "regelsoort", "toegestaan: artikel, waarvan, programma-apparaat, artikelonderdeel")]
    [InlineData("/v1/bedragen?jaar=2031", "jaar", "toegestaan: 2026 tot en met 2030")]
    [InlineData("/v1/bedragen?artikel=99", "artikel", "toegestaan: 31, 32, 33, 34, 36, 37, 91, 92, 93")]
    [InlineData("/v1/bedragen?begroting=AenM&artikel=31", "artikel", "toegestaan: 37, 91, 92")]
    [InlineData("/v1/bedragen?artikel=abc", "artikel", "Parameter 'artikel': 'abc' is geen geldige waarde; verwacht een geheel getal.")]
    [InlineData("/v1/bedragen?pagina=twee", "pagina", "Parameter 'pagina': 'twee' is geen geldige waarde; verwacht een geheel getal.")]
    [InlineData("/v1/bedragen?formaat=xml", "formaat", "toegestaan: json, csv, xlsx")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string url, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("detail").Should().Contain(reden);
    }

    [Fact]
    public async Task Alle_ongeldige_parameters_in_een_probleem()
    {
        var probleem = await _client.GetProbleem("/v1/bedragen?sortering=x&pagina=0&paginaGrootte=5000&soort=y", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().BeEquivalentTo("sortering", "pagina", "paginaGrootte", "soort");
    }
}
