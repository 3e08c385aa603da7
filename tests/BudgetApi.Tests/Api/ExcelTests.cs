using System.Globalization;
using System.Net;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetApi.Tests.Api;

/// <summary>Every collection as a real .xlsx, read back with openpyxl and held against the JSON and the CSV of the same request.</summary>
[Collection(ApiCollectie.Naam)]
public sealed class ExcelTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private const string Procent = Cel.ProcentOpmaak;
    private const string Bedrag = "#,##0";
    private const string Code = "0";

    public static TheoryData<string, string> Collecties => new()
    {
        { "/v1/begrotingen", "begrotingen.xlsx" },
        { "/v1/begrotingen/JenV/artikelen", "artikelen-JenV-ontwerpbegroting-2026.xlsx" },
        { "/v1/begrotingen/AenM/artikelen/37?soort=uitgaven", "artikel-AenM-37-uitgaven-ontwerpbegroting-2026.xlsx" },
        { "/v1/totalen?begroting=JenV&begroting=AenM", "totalen-JenV-AenM-ontwerpbegroting-2026.xlsx" },
        { "/v1/aandelen?begroting=JenV&niveau=waarvan", "aandelen-JenV-waarvan-ontwerpbegroting-2026.xlsx" },
        { "/v1/aansluitingen", "aansluitingen-ontwerpbegroting-2026.xlsx" },
        { "/v1/bezetting", "bezetting.xlsx" },
        { "/v1/organisaties", "organisaties.xlsx" },
        { "/v1/organisaties/DGRR", "organisatie-DGRR.xlsx" },
        { "/v1/bedragen?paginaGrootte=1000", "bedragen-paginaGrootte-1000-ontwerpbegroting-2026.xlsx" },
    };

    [Theory]
    [MemberData(nameof(Collecties))]
    public async Task Elke_collectie_is_een_werkmap_met_de_regels_van_de_csv_kop_bevroren_en_filter(string url, string bestandsnaam)
    {
        var scheiding = url.Contains('?') ? '&' : '?';
        var werkmap = await _client.GetXlsx($"{url}{scheiding}formaat=xlsx");
        var csv = await _client.GetCsv($"{url}{scheiding}formaat=csv");

        werkmap.Bestandsnaam.Should().Be(bestandsnaam);
        werkmap.Bladen.Select(b => b.Naam).Should().Equal("Gegevens", "Toelichting");
        var gegevens = werkmap["Gegevens"];
        Werkmappen.ZelfdeAlsCsv(gegevens, csv);
        gegevens.Bevroren.Should().Be("A2", "the header row is frozen");
        gegevens.Filter.Should().Be($"A1:{Kolomletter(gegevens.Koppen.Count)}{csv.Count + 1}", "the autofilter covers the header and every row");
        for (var k = 0; k < gegevens.Koppen.Count; k++)
        {
            // Readable: at least as wide as the header (and its filter button), never so wide that one text hides the rest.
            gegevens.Breedtes[Kolomletter(k + 1)].Should().BeInRange(gegevens.Koppen[k].Length + 2, 60, gegevens.Koppen[k]);
        }
    }

    [Fact]
    public async Task Totalen_in_excel_zijn_de_cijfers_van_de_json_als_getallen_met_opmaak()
    {
        const string url = "/v1/totalen?begroting=JenV&begroting=AenM&soort=uitgaven";
        var (json, _) = await _client.GetLijst(url);
        var blad = (await _client.GetXlsx(url + "&formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        var jenv2026 = blad.Regels.Single(r => r["begroting"].Tekst == "JenV" && r["jaar"].Getal == 2026);
        jenv2026["bedrag"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 18_596_347 && c.Opmaak == Bedrag);
        jenv2026["jaar"].Opmaak.Should().Be(Code, "a year is a code: 2026, never 2.026");
        jenv2026["mutatie"].Waarde.Should().BeNull("the first year has no previous year: empty, never 0");
        blad.Regels.Single(r => r["begroting"].Tekst == "JenV+AenM" && r["jaar"].Getal == 2026)["bedrag"].Getal.Should().Be(27_536_371);
        var jenv2027 = blad.Regels.Single(r => r["begroting"].Tekst == "JenV" && r["jaar"].Getal == 2027);
        jenv2027["mutatie"].Getal.Should().Be(244_212);
        jenv2027["mutatieProcent"].Getal.Should().Be(0.0131m, "a percentage is a fraction with a % format, so =K3*N3 is right");
        jenv2027["mutatieProcent"].Opmaak.Should().Be(Procent);
        jenv2027["meerjarigTotaal"].Opmaak.Should().Be(Bedrag);
        jenv2027["aantalRegels"].Opmaak.Should().Be(Bedrag);
        jenv2027["vanJaar"].Opmaak.Should().Be(Code);
        jenv2027["bronRegels"].Type.Should().Be("s");
    }

    [Fact]
    public async Task Artikelen_in_excel_zijn_de_bedragen_van_de_geneste_json_per_regel_en_jaar()
    {
        var (json, _) = await _client.GetLijst("/v1/begrotingen/JenV/artikelen");
        var regels = (await _client.GetXlsx("/v1/begrotingen/JenV/artikelen?formaat=xlsx"))["Gegevens"].Regels;

        var vergeleken = 0;
        foreach (var artikel in json)
        {
            Cel BedragVan(string regelsoort, string omschrijving, long jaar) => regels.Single(r =>
                r["artikel"].Getal == artikel!.Bedrag("artikel") && r["soort"].Tekst == artikel.Tekst("soort") &&
                r["regelsoort"].Tekst == regelsoort && r["omschrijving"].Tekst == omschrijving && r["jaar"].Getal == jaar)["bedrag"];
            void Vergelijk(Cel cel, System.Text.Json.Nodes.JsonNode jaarbedrag)
            {
                if (jaarbedrag["bedrag"] is null) cel.Waarde.Should().BeNull();
                else cel.Should().Match<Cel>(c => c.Type == "n" && c.Getal == jaarbedrag.Bedrag("bedrag") && c.Opmaak == Bedrag);
                vergeleken++;
            }
            foreach (var b in artikel!["bedragen"]!.AsArray()) Vergelijk(BedragVan("artikel", artikel.Tekst("omschrijving"), b!.Bedrag("jaar")), b!);
            foreach (var w in artikel["waarvanregels"]!.AsArray())
                foreach (var b in w!["bedragen"]!.AsArray()) Vergelijk(BedragVan("waarvan", w.Tekst("omschrijving"), b!.Bedrag("jaar")), b!);
            foreach (var b in artikel["overig"]?.AsArray() ?? []) Vergelijk(BedragVan("overig", "overig, niet gespecificeerd", b!.Bedrag("jaar")), b!);
        }
        vergeleken.Should().Be(regels.Count, "every row of the sheet is a figure of the JSON");
        var politie2026 = regels.Single(r => r["artikel"].Getal == 31 && r["soort"].Tekst == "uitgaven" && r["regelsoort"].Tekst == "artikel" && r["jaar"].Getal == 2026);
        politie2026["bedrag"].Getal.Should().Be(8_843_848);
        politie2026["bronRegel"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 472 && c.Opmaak == Code);
    }

    [Fact]
    public async Task Aandelen_zijn_percentages_als_fractie_met_procentopmaak()
    {
        const string url = "/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=waarvan";
        var (json, _) = await _client.GetLijst(url);
        var blad = (await _client.GetXlsx(url + "&formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        var politie = blad.Regels.Single(r => r["deel"].Tekst == "Bijdrage aan Politie");
        politie["aandeelVanOuder"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 0.9589m && c.Opmaak == Procent);
        politie["aandeelVanGeheel"].Opmaak.Should().Be(Procent);
        politie["bedragGeheel"].Should().Match<Cel>(c => c.Getal == 18_596_347 && c.Opmaak == Bedrag);
        blad.Regels.Where(r => r["artikel"].Getal == 31).Sum(r => r["aandeelVanOuder"].Getal).Should().Be(1.0000m);
    }

    [Fact]
    public async Task Bedragen_lege_cellen_blijven_leeg()
    {
        const string url = "/v1/bedragen?begroting=AenM&soort=uitgaven";
        var (json, _) = await _client.GetLijst(url);
        var blad = (await _client.GetXlsx(url + "&formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        // "waarvan opvang Oekraïense ontheemden" prints three figures for five years: 2029 and 2030 are blank, never 0.
        var oekraine = blad.Regels.Where(r => r["omschrijving"].Tekst == "opvang Oekraïense ontheemden").ToDictionary(r => r["jaar"].Getal);
        oekraine[2026]["bedrag"].Getal.Should().Be(2_782_443);
        oekraine[2029]["bedrag"].Waarde.Should().BeNull();
        oekraine[2030]["bedrag"].Waarde.Should().BeNull();
    }

    [Fact]
    public async Task Bezetting_fte_en_bedragen_met_scheiding_aandelen_als_procent_en_overig_zonder_budget()
    {
        var (json, _) = await _client.GetLijst("/v1/bezetting");
        var blad = (await _client.GetXlsx("/v1/bezetting?formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        var politie = blad.Regels[0];
        politie["bezettingFte"].Should().Match<Cel>(c => c.Getal == 66_658 && c.Opmaak == Bedrag);
        politie["budgetPerFteEuro"].Should().Match<Cel>(c => c.Getal == 127_217 && c.Opmaak == Bedrag);
        politie["aandeelBezettingProcent"].Should().Match<Cel>(c => c.Type == "n" && c.Opmaak == Procent);
        var overig = blad.Regels[9];
        overig["organisatieZoalsGedrukt"].Tekst.Should().Be("Overig");
        overig["bezettingFte"].Getal.Should().Be(2_477);
        overig["budgetMiljoen"].Waarde.Should().BeNull("the table prints no budget for Overig");
        overig["budgetPerFteEuro"].Waarde.Should().BeNull();
    }

    [Fact]
    public async Task Organisatiefeiten_decimalen_en_datums_zijn_getallen_en_datums()
    {
        var (json, _) = await _client.GetLijst("/v1/organisaties/DGRR");
        var blad = (await _client.GetXlsx("/v1/organisaties/DGRR?formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        // "355,25 fte" (line 4390), peildatum 31 december 2025.
        var bezetting = blad.Regels.Single(r => r["meting"].Tekst == "bezetting");
        bezetting["waarde"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 355.25m && c.Opmaak == "#,##0.00");
        bezetting["peildatum"].Should().Match<Cel>(c => c.Type == "d" && c.Tekst == "2025-12-31" && c.Opmaak == "yyyy-mm-dd");
        bezetting["jaar"].Waarde.Should().BeNull();
        blad.Regels.Where(r => r["eenheid"].Tekst == "x € 1.000").Should().OnlyContain(r => r["waarde"].Opmaak == Bedrag && r["waarde"].Type == "n");
    }

    [Fact]
    public async Task Aansluitingen_waar_en_onwaar_zijn_booleans()
    {
        var (json, _) = await _client.GetLijst("/v1/aansluitingen");
        var blad = (await _client.GetXlsx("/v1/aansluitingen?formaat=xlsx"))["Gegevens"];

        Werkmappen.ZelfdeAlsJson(blad, json);
        blad.Regels.Should().OnlyContain(r => r["benaderd"].Type == "b");
        var ontvangsten = blad.Regels.Single(r => r["id"].Tekst == "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
        ontvangsten["gedrukt"].Getal.Should().Be(18_596_347);
        ontvangsten["berekend"].Getal.Should().Be(1_843_526);
        ontvangsten["oordeel"].Tekst.Should().Be("sluit-niet");
    }

    [Fact]
    public async Task Toelichting_geeft_bron_stand_eenheid_afronding_verzoek_gegevensversie_en_tijd()
    {
        const string url = "/v1/totalen?begroting=JenV&soort=uitgaven&formaat=xlsx";
        var (_, metadata) = await _client.GetLijst("/v1/totalen?begroting=JenV&soort=uitgaven");
        var voor = DateTimeOffset.UtcNow.AddSeconds(-1);
        var toelichting = (await _client.GetXlsx(url))["Toelichting"].AlsToelichting();
        var na = DateTimeOffset.UtcNow.AddSeconds(1);

        toelichting["bron"].Tekst.Should().Be(metadata.Tekst("bron")).And.Contain("introductiedossier-jenv-2026");
        toelichting["stand"].Tekst.Should().Be("ontwerpbegroting 2026");
        toelichting["valuta"].Tekst.Should().Be("EUR");
        toelichting["factor"].Should().Match<Cel>(c => c.Type == "n" && c.Getal == 1000);
        toelichting["eenheid"].Tekst.Should().Be("Bedragen zijn in EUR x 1000: vermenigvuldig een bedrag met 1000 voor het bedrag in EUR.");
        toelichting["afronding"].Tekst.Should().Be(metadata.Tekst("afronding"));
        toelichting["aantal"].Getal.Should().Be(metadata["aantal"]!.GetValue<int>());
        toelichting["percentages"].Tekst.Should().StartWith("mutatieProcent, gemiddeldeGroeiProcent: als fractie met de opmaak 0,00%");
        toelichting["verzoek"].Tekst.Should().Be(url, "relative to the server without Budget:PubliekeUrl, never from the Host header");
        var bron = factory.Services.GetRequiredService<Gegevensbron>();
        toelichting["gegevensversie"].Tekst.Should().Be(bron.Huidig!.Versie)
            .And.Be(Gegevensversie.Bereken(bron.DataMap, bron.ImportMap));
        var gegenereerd = DateTimeOffset.ParseExact(toelichting["gegenereerd"].Tekst, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        gegenereerd.Should().BeOnOrAfter(voor).And.BeOnOrBefore(na);
    }

    [Fact]
    public async Task Toelichting_geeft_de_paginering_van_een_pagina()
    {
        var toelichting = (await _client.GetXlsx("/v1/bedragen?paginaGrootte=100&pagina=2&formaat=xlsx"))["Toelichting"].AlsToelichting();

        toelichting["paginering.pagina"].Getal.Should().Be(2);
        toelichting["paginering.totaalAantal"].Getal.Should().Be(255);
        toelichting["paginering.volgende"].Tekst.Should().Be("/v1/bedragen?paginaGrootte=100&formaat=xlsx&pagina=3");
        toelichting.Should().NotContainKey("percentages", "bedragen has no percentage column");
    }

    [Theory]
    [InlineData(Werkmappen.MediaType)]
    [InlineData("text/csv;q=0.5, " + Werkmappen.MediaType)]
    [InlineData("application/json;q=0.9, " + Werkmappen.MediaType)]
    public async Task De_accept_header_vraagt_om_excel(string accept)
    {
        var werkmap = await _client.GetXlsx("/v1/bezetting", accept);

        werkmap.Bestandsnaam.Should().Be("bezetting.xlsx");
        werkmap["Gegevens"].Regels[0]["bezettingFte"].Getal.Should().Be(66_658);
    }

    [Theory]
    [InlineData("/v1/bezetting?formaat=json", Werkmappen.MediaType, "application/json")]
    [InlineData("/v1/bezetting?formaat=csv", Werkmappen.MediaType, "text/csv")]
    [InlineData("/v1/bezetting", Werkmappen.MediaType + ";q=0.5, text/csv", "text/csv")]
    [InlineData("/v1/bezetting", "application/json, " + Werkmappen.MediaType, "application/json")]
    [InlineData("/v1/bezetting", Werkmappen.MediaType + ";q=0", "application/json")]
    public async Task Formaat_gaat_voor_accept_en_de_hoogste_q_wint(string url, string accept, string verwacht)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
        verzoek.Headers.Accept.ParseAdd(accept);
        var antwoord = await _client.SendAsync(verzoek);

        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be(verwacht);
    }

    [Fact]
    public async Task Een_percentage_is_een_fractie_zodat_bedrag_maal_percentage_het_deel_is()
    {
        // =K3*N3 in the issue: the whole times a share is the part (to the share's rounding), not 100 times it.
        var blad = (await _client.GetXlsx("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&formaat=xlsx"))["Gegevens"];

        blad.Regels.Should().NotBeEmpty();
        foreach (var rij in blad.Regels)
        {
            var geheel = rij["bedragGeheel"].Getal;
            rij["aandeelVanGeheel"].Opmaak.Should().Be(Procent);
            rij["aandeelVanGeheel"].Getal.Should().BeInRange(0m, 1m);
            (geheel * rij["aandeelVanGeheel"].Getal).Should().BeApproximately(rij["bedrag"].Getal, geheel * 0.00005m, rij["deel"].Tekst);
        }
    }

    [Theory]
    [InlineData("/v1/totalen?begroting=JenV&soort=uitgaven&vanJaar=2026&totJaar=2030", "totalen-JenV-uitgaven-2026-2030-ontwerpbegroting-2026")]
    [InlineData("/v1/totalen?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven", "totalen-JenV-2026-ontwerpbegroting-uitgaven")]
    [InlineData("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=531&tot=535", "regels-introductiedossier-jenv-2026-531-535")]
    [InlineData("/v1/bedragen?begroting=JenV&pagina=2&paginaGrootte=50&sortering=-bedrag", "bedragen-JenV-pagina-2-paginaGrootte-50-ontwerpbegroting-2026")]
    public async Task De_bestandsnaam_zegt_wat_gekozen_is(string url, string naam)
    {
        (await _client.GetXlsx($"{url}&formaat=xlsx")).Bestandsnaam.Should().Be($"{naam}.xlsx");
        var csv = await _client.GetAsync($"{url}&formaat=csv&dialect=excel-nl");
        csv.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be($"{naam}.csv", "the dialect chooses the file's form, not its figures");
    }

    [Fact]
    public async Task Een_onbekend_formaat_noemt_xlsx_als_toegestaan()
    {
        var probleem = await _client.GetProbleem("/v1/aandelen?begroting=JenV&formaat=ods", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal("formaat");
        probleem.Tekst("detail").Should().Be("Onbekend formaat 'ods'; toegestaan: json, csv, xlsx.");
    }

    /// <summary>The letter of a 1-based column: 1 → A, 26 → Z, 27 → AA.</summary>
    private static string Kolomletter(int nummer)
    {
        var letters = "";
        for (var n = nummer; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
