using System.Net.Http.Headers;
using System.Text;
using BudgetApi.NSwag;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.ClientTests;

/// <summary>
/// A second generator on the same committed document: NSwag 14.8 (a local dotnet tool, run at build time into obj/NSwag), with
/// System.Text.Json 9 as docs/api.md says. Every operation through its typed method, the kebab-case enums read back
/// (vastgestelde-begroting, totaal-sluit-niet), the figures of the source, a 400 as the typed ProblemDetails, the import with
/// If-Match as its declared header parameter, and no AdditionalProperties dictionary on the classes the service writes exactly.
/// CSV and Excel are operations of their own (/csv/…, /xlsx/…), each answering a file: NSwag gives them as FileResponse.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class NSwagClientTests(BudgetApiFactory factory)
{
    private static BudgetApiNSwagClient Client(BudgetApiFactory fabriek, string? token = null)
    {
        var http = fabriek.CreateClient();
        http.BaseAddress = new Uri(http.BaseAddress!, "/v1/");
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new BudgetApiNSwagClient(http);
    }

    [Fact]
    public async Task Elke_leesoperatie_geeft_de_cijfers_van_de_bron()
    {
        var client = Client(factory);

        var jenv = (await client.GetBegrotingenAsync(null)).Gegevens.Single(b => b.Code == "JenV");
        jenv.Fase.Should().Be(Fase.Ontwerpbegroting);
        (await client.GetStandenAsync("VI", 2015, Fase.VastgesteldeBegroting)).Gegevens.Single().Fase.Should().Be(Fase.VastgesteldeBegroting);
        (await client.GetStandAsync("VI-2026-ontwerpbegroting")).Gegevens.Single().Begrotingsjaar.Should().Be(2026);

        var totaal = (await client.GetTotalenAsync(["JenV"], null, null, SoortMetSaldo.Uitgaven, 2026, 2026, Groepering.Begroting)).Gegevens.Single();
        totaal.Bedrag.Should().Be(18_596_347L);

        var politie2015 = new Dictionary<Fase, long?>();
        foreach (var fase in new[] { Fase.Ontwerpbegroting, Fase.Jaarverslag })
        {
            var artikel = (await client.GetArtikelAsync("VI", Soort.Uitgaven, 2015, fase, null, 31)).Gegevens.Single();
            politie2015[fase] = artikel.Bedragen.Single(b => b.Jaar == 2015).Bedrag;
        }
        politie2015.Should().Equal(new Dictionary<Fase, long?> { [Fase.Ontwerpbegroting] = 5_132_936, [Fase.Jaarverslag] = 5_146_049 });
        (await client.GetArtikelenAsync("JenV", Soort.Uitgaven, null, null, null)).Gegevens.Should().Contain(a => a.Artikel == 31);

        (await client.GetAandelenAsync("JenV", null, null, Soort.Uitgaven, 2026, null)).Gegevens.Should().NotBeEmpty();
        (await client.GetAansluitingenAsync("JenV", null, null, null, null, null, null, null, null, null)).Gegevens.Should().NotBeEmpty();
        var organisaties = (await client.GetOrganisatiesAsync(null, null, null, null)).Gegevens;
        organisaties.Should().Contain(o => o.Code == "DJI");
        (await client.GetOrganisatiesAsync(null, null, null, "justitiele inrichtingen")).Gegevens.Select(o => o.Code).Should().Equal("DJI");
        (await client.GetOrganisatieAsync("DJI")).Gegevens.Should().NotBeEmpty();
        (await client.GetBezettingAsync()).Gegevens.Should().NotBeEmpty();
        var bedragen = await client.GetBedragenAsync(["VI"], 2016, Fase.Ontwerpbegroting, Soort.Uitgaven, null, 2016, Regelsoort.Artikel, "-bedrag", null, 1, 1000);
        bedragen.Gegevens.Sum(b => b.Bedrag ?? 0).Should().Be(11_456_930L);
        (await client.GetMutatiesAsync("VI", 2015, "ontwerpbegroting", "jaarverslag", Soort.Uitgaven, null, 2015)).Gegevens.Should().NotBeEmpty();
        (await client.GetUitputtingAsync("VI", 2015, Soort.Uitgaven)).Gegevens.Should().NotBeEmpty();
        var migratie = (await client.GetWasWordtAsync()).Gegevens.Single();
        (migratie.WasHoofdstuk, migratie.WasArtikel, migratie.WordtHoofdstuk, migratie.WordtArtikel).Should().Be(("VI", 37, "XX", 37));
        var bevindingen = (await client.GetBevindingenAsync(Bevindingsoort.TotaalSluitNiet, null, null, null, null, null, null, null, null)).Gegevens;
        bevindingen.Should().NotBeEmpty().And.OnlyContain(b => b.Soort == Bevindingsoort.TotaalSluitNiet, "the kebab-case value totaal-sluit-niet reads back");
        (await client.GetBevindingenAsync(null, null, "JenV", null, null, null, "dji", null, null)).Gegevens.Select(b => b.Id)
            .Should().Contain("tegenstrijdigheid/DJI/geld/alleen-financiering-door-jenv/2024", "JenV's findings include its organisations', searched with q");
        var bronnen = (await client.GetBronnenAsync()).Gegevens;
        (await client.GetBronAsync(bronnen.First().Naam)).Gegevens.Should().ContainSingle();
        var regels = (await client.GetBronregelsAsync("introductiedossier-jenv-2026.txt", 531, 535)).Gegevens;
        regels.Should().Contain(r => r.Tekst.Contains("18.596.347"));

        // additionalProperties: false: no dictionary of undeclared fields on a class the service writes exactly.
        typeof(TotaalRegel).GetProperty("AdditionalProperties").Should().BeNull();
        typeof(ProblemDetails).GetProperty("AdditionalProperties").Should().NotBeNull("a problem is open by RFC 9457");
    }

    [Fact]
    public async Task Csv_en_Excel_zijn_bestanden_met_dezelfde_cijfers()
    {
        var client = Client(factory);
        using (var csv = await client.GetTotalenCsvAsync(["JenV"], null, null, SoortMetSaldo.Uitgaven, 2026, 2026, Groepering.Begroting, null))
        {
            csv.StatusCode.Should().Be(200);
            csv.Headers["Content-Type"].Single().Should().StartWith("text/csv");
            using var lezer = new StreamReader(csv.Stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var regels = (await lezer.ReadToEndAsync()).Split("\r\n");
            regels[0].Should().StartWith("begroting,hoofdstuk,begrotingsjaar,fase,soort");
            regels[1].Should().Contain(",18596347,");
        }
        using (var nl = await client.GetTotalenCsvAsync(["JenV"], null, null, SoortMetSaldo.Uitgaven, 2026, 2026, Groepering.Begroting, Csvdialect.ExcelNl))
        {
            // Only the CSV operation takes the dialect: Dutch Excel's ';' between fields, the amount still a plain integer.
            using var lezer = new StreamReader(nl.Stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var regels = (await lezer.ReadToEndAsync()).Split("\r\n");
            regels[0].Should().StartWith("begroting;hoofdstuk;begrotingsjaar;fase;soort");
            regels[1].Should().Contain(";18596347;");
        }
        using (var xlsx = await client.GetTotalenXlsxAsync(["JenV"], null, null, null, null, null, null))
        {
            using var bytes = new MemoryStream();
            await xlsx.Stream.CopyToAsync(bytes);
            bytes.ToArray().Take(2).Should().Equal((byte)'P', (byte)'K');
        }
        // Every CSV and Excel operation of the document is a method that gives a file.
        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Repo.Bestand("openapi/budgetapi.json")))!;
        var bestanden = document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/csv/", StringComparison.Ordinal) || p.Key.StartsWith("/xlsx/", StringComparison.Ordinal))
            .Select(p => p.Value!["get"]!["operationId"]!.GetValue<string>()).ToList();
        bestanden.Should().HaveCountGreaterThanOrEqualTo(38);
        foreach (var id in bestanden)
        {
            typeof(BudgetApiNSwagClient).GetMethods().Where(m => m.Name == id + "Async").Should().NotBeEmpty(id)
                .And.OnlyContain(m => m.ReturnType == typeof(Task<FileResponse>), id);
        }
    }

    [Fact]
    public async Task Een_ongeldige_parameter_is_het_getypeerde_probleem()
    {
        var client = Client(factory);
        var fout = await FluentActions.Awaiting(() => client.GetTotalenAsync(["JenV"], null, null, SoortMetSaldo.Uitgaven, 2031, 2030, null))
            .Should().ThrowAsync<ApiException<ProblemDetails>>();
        fout.Which.StatusCode.Should().Be(400);
        fout.Which.Result.InvalidParams.Select(p => p.Name).Should().Contain("vanJaar");
        fout.Which.Result.TraceId.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task De_import_met_token_en_If_Match_als_parameter()
    {
        await using var eigen = new BudgetApiFactory();
        var client = Client(eigen, Tokens.Maak());
        using var bestand = new MemoryStream(Encoding.UTF8.GetBytes(BudgetApi.Http.Voorbeelden.Standbestand));
        var uitkomst = await client.ImporteerStandenAsync(null, null, Fase._1eSuppletoire, "voorjaarsnota-2026.csv", null,
            new FileParameter(bestand, "voorjaarsnota-2026.csv", "application/octet-stream"));
        var stand = uitkomst.Standen.Single();
        stand.Stand.Should().Be("VI-2026-1e-suppletoire");

        // The same stand with other content needs its etag in If-Match: the declared header parameter sends it.
        var anders = BudgetApi.Http.Voorbeelden.Standbestand.Replace("8868848", "8868849", StringComparison.Ordinal);
        using var tweede = new MemoryStream(Encoding.UTF8.GetBytes(anders));
        var vervangen = await client.ImporteerStandenAsync(null, null, Fase._1eSuppletoire, "voorjaarsnota-2026.csv", stand.Etag,
            new FileParameter(tweede, "voorjaarsnota-2026.csv", "application/octet-stream"));
        vervangen.Standen.Single().Etag.Should().NotBe(stand.Etag);
    }
}
