using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The tables of "Aansluitingen en bevindingen" and of an organisation (/v1/aansluitingen/tabel, /v1/bevindingen/tabel,
/// /v1/organisaties/{code}/tabel), and sorteer= on every /tabel (issue 16 §3): the resource's own parameters, paging, q= and 400s;
/// the links to source lines in rijen[].links; a file without pagina holds every row of the selection; a sorted table is sorted
/// as the screen sorts (a total row last, a blank last in either direction, Dutch text order).
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class TabellenLijstenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonObject> Tabel(string url) => JsonNode.Parse(await _client.GetStringAsync(url))!.AsObject();

    private static List<string> Sleutels(JsonObject tabel) => tabel["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task De_aansluitingen_als_tabel_zijn_de_pagina_van_de_lijst_met_de_bronregels_als_link()
    {
        const string filters = "begroting=JenV&status=afwijking";
        var (gegevens, metadata) = await _client.GetLijst($"/v1/aansluitingen?{filters}&pagina=2&paginaGrootte=3");
        var tabel = await Tabel($"/v1/aansluitingen/tabel?{filters}&pagina=2&paginaGrootte=3");
        tabel["metadata"]!["paginering"]!.ToJsonString().Should().Be(metadata["paginering"]!.ToJsonString().Replace("/v1/aansluitingen?", "/v1/aansluitingen/tabel?"));
        var sleutels = Sleutels(tabel);
        sleutels.Should().Equal("wat", "jaar", "gedrukt", "berekend", "verschil", "eenheid", "oordeel", "juisteWaarde", "bron");
        var rijen = tabel["rijen"]!.AsArray();
        rijen.Should().HaveCount(gegevens.Count).And.HaveCount(3);
        foreach (var (rij, regel) in rijen.Zip(gegevens))
        {
            var cellen = rij!["cellen"]!.AsArray();
            cellen[sleutels.IndexOf("gedrukt")]!.GetValue<decimal>().Should().Be(regel!["gedrukt"]!.GetValue<decimal>());
            cellen[sleutels.IndexOf("berekend")]!.GetValue<decimal>().Should().Be(regel["berekend"]!.GetValue<decimal>());
            cellen[sleutels.IndexOf("oordeel")]!.GetValue<string>().Should().Be(regel["oordeel"]!.GetValue<string>().Replace('-', ' '));
            // Every source line of the row is a link: the printed figure's and each part's, each a piece of the cell's text.
            var bron = cellen[sleutels.IndexOf("bron")]!.GetValue<string>();
            var links = rij["links"]!.AsArray();
            links.Should().HaveCount(1 + regel["bronRegels"]!.AsArray().Count);
            foreach (var link in links)
            {
                link!["kolom"]!.GetValue<string>().Should().Be("bron");
                bron.Substring(link["begin"]!.GetValue<int>(), link["tekst"]!.GetValue<string>().Length).Should().Be(link["tekst"]!.GetValue<string>());
                link["adres"]!.GetValue<string>().Should().StartWith("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=");
            }
            links[0]!["tekst"]!.GetValue<string>().Should().Be($"regel {regel["bronRegel"]}");
            (await _client.GetAsync(links[0]!["adres"]!.GetValue<string>())).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The file has no pages: without pagina and paginaGrootte every reconciliation of the selection, with a page only that page.
        var totaal = metadata["paginering"]!["totaalAantal"]!.GetValue<int>();
        totaal.Should().BeGreaterThan(3);
        var csv = await _client.GetCsv($"/v1/csv/aansluitingen/tabel?{filters}");
        csv.Should().HaveCount(totaal);
        csv.Select(r => r["Bron"]).Skip(3).Take(3).Should().Equal(rijen.Select(r => r!["cellen"]![8]!.GetValue<string>()), "page 2 of 3 rows is rows 4-6 of the file");
        (await _client.GetCsv($"/v1/csv/aansluitingen/tabel?{filters}&pagina=2&paginaGrootte=3")).Should().HaveCount(3);
        var werkmap = await _client.GetXlsx($"/v1/xlsx/aansluitingen/tabel?{filters}");
        werkmap["Gegevens"].Regels.Should().HaveCount(totaal);
        werkmap.Bestandsnaam.Should().Be("aansluitingen-tabel-JenV-afwijking-ontwerpbegroting-2026.xlsx");
    }

    [Theory]
    [InlineData("/v1/aansluitingen/tabel?status=kapot", "status", "Onbekende waarde 'kapot' voor status; toegestaan: sluit, sluit-binnen-afronding, sluit-niet, past, past-niet, afwijking, akkoord.")]
    [InlineData("/v1/aansluitingen/tabel?paginaGrootte=0", "paginaGrootte", "Paginagrootte 0 kan niet; toegestaan: 1 tot en met 1000.")]
    [InlineData("/v1/bevindingen/tabel?ernst=erg", "ernst", "Onbekende waarde 'erg' voor ernst; toegestaan: fout, tegenstrijdig, twijfel.")]
    [InlineData("/v1/bevindingen/tabel?pagina=0", "pagina", "Pagina 0 bestaat niet; toegestaan: 1 of hoger.")]
    [InlineData("/v1/aandelen/tabel?begroting=JenV&sorteer=kapot", "sorteer", "Onbekende kolom 'kapot' voor sorteer; toegestaan: artikel, bedrag, aandeelVanGeheel, bronRegel (met '-' ervoor: aflopend).")]
    [InlineData("/v1/organisaties/DJI/tabel?sorteer=-", "sorteer", "Onbekende kolom '' voor sorteer; toegestaan: omschrijving, waarde, eenheid, zoalsGedrukt, jaar, bron (met '-' ervoor: aflopend).")]
    public async Task Een_ongeldige_parameter_van_een_tabel_is_de_400_die_hem_noemt(string url, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem["invalidParams"]![0]!.Tekst("reason").Should().Be(reden);
        // The same request without /tabel is refused the same way, where the resource has the parameter.
        if (parameter != "sorteer")
        {
            var lijst = await _client.GetProbleem(url.Replace("/tabel", ""), HttpStatusCode.BadRequest);
            lijst["invalidParams"]![0]!.Tekst("reason").Should().Be(reden);
        }
    }

    [Fact]
    public async Task De_bevindingen_als_tabel_zijn_een_rij_per_probleem_en_q_zoekt_zoals_de_lijst()
    {
        var (groepen, metadata) = await _client.GetLijst("/v1/bevindingen/gegroepeerd?begroting=JenV&q=DJI&paginaGrootte=1000");
        groepen.Should().NotBeEmpty();
        var tabel = await Tabel("/v1/bevindingen/tabel?begroting=JenV&q=DJI&paginaGrootte=1000");
        var sleutels = Sleutels(tabel);
        sleutels.Should().Equal("ernst", "soort", "uitleg", "jaren", "waarover", "juisteWaarde", "cijfer", "cijfers");
        var rijen = tabel["rijen"]!.AsArray();
        rijen.Should().HaveCount(groepen.Count);
        tabel["metadata"]!["tellingen"]!.ToJsonString().Should().Be(metadata["tellingen"]!.ToJsonString());
        foreach (var (rij, groep) in rijen.Zip(groepen))
        {
            var cellen = rij!["cellen"]!.AsArray();
            cellen[0]!.GetValue<string>().Should().Be(groep!.Tekst("ernstLabel"));
            cellen[1]!.GetValue<string>().Should().Be(groep!.Tekst("soortLabel"));
            cellen[2]!.GetValue<string>().Should().Be(groep!.Tekst("uitleg"));
            // Every figure of every year is one line of the last cell, its source line a link.
            var cijfers = groep!["bevindingen"]!.AsArray().SelectMany(b => b!["cijfers"]!.AsArray()).ToList();
            if (cijfers.Count == 0) continue;
            var regels = cellen[7]!.GetValue<string>().Split('\n');
            regels.Should().HaveCount(cijfers.Count);
            regels.Zip(cijfers).Should().OnlyContain(p => p.First.Contains($"{p.Second!.Tekst("bronBestand")}, regel {p.Second!["bronRegel"]}", StringComparison.Ordinal));
            rij["links"]!.AsArray().Count(l => l!["kolom"]!.GetValue<string>() == "cijfers").Should().Be(cijfers.Count);
        }

        // The DJI pairing of issue 16 is findable by name, and the default page of the table is the list's.
        var eerste = await Tabel("/v1/bevindingen/tabel?begroting=JenV&pagina=1&paginaGrootte=20");
        var (lijst, _) = await _client.GetLijst("/v1/bevindingen/gegroepeerd?begroting=JenV&pagina=1&paginaGrootte=20");
        eerste["rijen"]!.AsArray().Select(r => r!["cellen"]![2]!.GetValue<string>()).Should().Equal(lijst.Select(g => g!.Tekst("uitleg")));
    }

    [Fact]
    public async Task Een_organisatie_als_tabel_heeft_elk_cijfer_van_de_organisatie_met_zijn_bronregel()
    {
        var (cijfers, _) = await _client.GetLijst("/v1/organisaties/DJI");
        var tabel = await Tabel("/v1/organisaties/dji/tabel");
        tabel["titel"]!.GetValue<string>().Should().Be("Cijfers van Dienst Justitiële Inrichtingen (DJI), elk in zijn eigen eenheid");
        var rijen = tabel["rijen"]!.AsArray();
        rijen.Should().HaveCount(cijfers.Count).And.NotBeEmpty();
        foreach (var (rij, cijfer) in rijen.Zip(cijfers))
        {
            rij!["cellen"]![1]!.GetValue<decimal>().Should().Be(cijfer!["waarde"]!.GetValue<decimal>());
            rij["cellen"]![3]!.GetValue<string>().Should().Be(cijfer.Tekst("zoalsGedrukt"));
            rij["links"]![0]!["tekst"]!.GetValue<string>().Should().Be($"regel {cijfer["bronRegel"]}");
        }
        var antwoord = await _client.GetAsync("/v1/csv/organisaties/DJI/tabel");
        antwoord.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("organisatie-tabel-DJI.csv");
        await _client.GetProbleem("/v1/organisaties/bestaatniet/tabel", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sorteer_sorteert_zoals_het_scherm_en_de_download_draagt_het()
    {
        // Numbers as numbers, descending with '-'; the CSV and Excel of the same request in the same order.
        var aandelen = await Tabel("/v1/aandelen/tabel?begroting=JenV&sorteer=bedrag");
        var bedragen = aandelen["rijen"]!.AsArray().Select(r => r!["cellen"]![1]!.GetValue<long>()).ToList();
        bedragen.Should().BeInAscendingOrder().And.HaveCountGreaterThan(3);
        var csv = await _client.GetCsv("/v1/csv/aandelen/tabel?begroting=JenV&sorteer=-bedrag");
        csv.Select(r => long.Parse(r["Bedrag"], System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Reverse(bedragen));

        // A total row stays below its parts whichever way; text in Dutch order, digits as numbers ("9 …" before "31 …").
        var mutaties = await Tabel("/v1/mutaties/tabel?begroting=JenV&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&jaar=2015&sorteer=-artikel");
        var rijen = mutaties["rijen"]!.AsArray();
        rijen[^1]!["totaal"]!.GetValue<bool>().Should().BeTrue();
        var namen = rijen.Where(r => !r!["totaal"]!.GetValue<bool>()).Select(r => r!["cellen"]![0]!.GetValue<string>()).ToList();
        namen.Should().BeInDescendingOrder(Tabelsortering.Nederlands);

        // A blank last, ascending and descending alike: the printed "Overig" has no budget.
        foreach (var richting in new[] { "", "-" })
        {
            var bezetting = await Tabel($"/v1/bezetting/tabel?sorteer={richting}budgetMiljoen");
            var cellen = bezetting["rijen"]!.AsArray().Select(r => r!["cellen"]![3]).ToList();
            cellen[^1].Should().BeNull();
            var getallen = cellen.SkipLast(1).Select(c => c!.GetValue<decimal>()).ToList();
            if (richting == "") getallen.Should().BeInAscendingOrder();
            else getallen.Should().BeInDescendingOrder();
        }
    }

    [Theory]
    [InlineData("artikel 9", "Artikel 31", -1)]
    [InlineData("Élan", "elan", 0)]
    [InlineData("Zorg", "één", 1)]
    [InlineData("31 Politie", "31 > Politie", 1)]
    [InlineData("ab", "abc", -1)]
    public void Nederlandse_volgorde_zoals_Intl_Collator_nl_numeric(string a, string b, int teken) =>
        Math.Sign(Tabelsortering.Nederlands.Compare(a, b)).Should().Be(teken);
}
