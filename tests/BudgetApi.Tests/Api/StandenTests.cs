using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The standen of the shipped data (the document and the two open-data samples in data/standen/) over HTTP: every stand listed
/// with its sources, the figures of the samples counted once, the resources on any stand, mutaties and begroting against
/// realisatie, the total rows reconciled at every level, and two sources that disagree reported with both figures.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class StandenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Elke_stand_met_begroting_hoofdstuk_jaren_regels_en_bronnen()
    {
        var (standen, metadata) = await _client.GetLijst("/v1/standen");

        metadata["aantal"]!.GetValue<int>().Should().Be(standen.Count);
        standen.Select(s => s!.Tekst("id")).Should().OnlyHaveUniqueItems().And.Contain(["VI-2026-ontwerpbegroting", "XX-2026-ontwerpbegroting",
            "VI-2016-ontwerpbegroting", "VI-2015-jaarverslag", "IXB-2013-2e-suppletoire", "A-2017-ontwerpbegroting"]);
        standen.Select(s => s!.Tekst("hoofdstuk")).Distinct().Should().HaveCount(25, "every hoofdstuk of the samples, XX from the document");

        var document = standen.Single(s => s!.Tekst("id") == "VI-2026-ontwerpbegroting")!;
        (document.Tekst("begroting"), document.Tekst("naam"), document.Bedrag("vanJaar"), document.Bedrag("totJaar"), document.Bedrag("aantalRegels"))
            .Should().Be(("JenV", "Justitie en Veiligheid", 2026, 2030, 8 + 19 + 8 + 4));
        var documentbron = document["bronnen"]!.AsArray().Single()!;
        (documentbron.Tekst("naam"), documentbron.Tekst("formaat")).Should().Be(("introductiedossier-jenv-2026.txt", "document"));
        documentbron.Tekst("sha256").Should().Be(Laden.BronTests.Sha256, "the SHA-256 of the source file: the text in data/bron/ that the line numbers count in");
        documentbron["geimporteerdOp"].Should().BeNull("shipped, not imported");

        // The ontwerpbegroting 2016 of VI comes from both samples: the begrotingsstaten give year t, the budgettaire tabellen t-2 … t+4.
        var vi2016 = standen.Single(s => s!.Tekst("id") == "VI-2016-ontwerpbegroting")!;
        (vi2016.Tekst("naamZoalsGepubliceerd"), vi2016.Bedrag("vanJaar"), vi2016.Bedrag("totJaar"))
            .Should().Be(("Veiligheid en Justitie", 2014, 2020));
        vi2016["bronnen"]!.AsArray().Select(b => (b!.Tekst("naam"), b!.Tekst("formaat"))).Should().BeEquivalentTo(
            [("begrotingsstaten-2013-2017.csv", "begrotingsstaten"), ("budgettaire-tabellen-owb-2016.csv", "budgettaire-tabellen")]);
        vi2016["bronnen"]![0]!.Tekst("sha256").Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Path.Combine(Repo.DataMap, "standen", vi2016["bronnen"]![0]!.Tekst("naam"))))));

        var (een, _) = await _client.GetLijst("/v1/standen/JenV-2016-ontwerpbegroting");
        een.Single()!.Tekst("etag").Should().Be(vi2016.Tekst("etag"), "the code may stand for the hoofdstuk in an id");
        var onbekend = await _client.GetProbleem("/v1/standen/VI-2016-slotwet", HttpStatusCode.NotFound);
        onbekend.Tekst("detail").Should().Contain("'VI-2016-slotwet'");
        var (fasen, _) = await _client.GetLijst("/v1/standen?begroting=VI&begrotingsjaar=2015");
        fasen.Select(s => s!.Tekst("fase")).Should().Equal("ontwerpbegroting", "vastgestelde-begroting", "1e-suppletoire", "2e-suppletoire", "jaarverslag");
    }

    [Fact]
    public async Task De_ontwerpbegroting_2016_van_VI_is_11456930_in_beide_datasets_en_telt_een_keer()
    {
        var (totaal, metadata) = await _client.GetLijst("/v1/totalen?begroting=VI&begrotingsjaar=2016&vanJaar=2016&totJaar=2016");

        totaal.Single()!.Bedrag("bedrag").Should().Be(11_456_930, "the artikel lines of both sources, each counted once, whatever the file repeats");
        metadata.Tekst("stand").Should().Be("ontwerpbegroting 2016");
        metadata["standen"]!.AsArray().Single()!.Tekst("id").Should().Be("VI-2016-ontwerpbegroting");
        metadata.Tekst("bron").Should().Be("begrotingsstaten-2013-2017.csv; budgettaire-tabellen-owb-2016.csv");

        // The hoofdstuk's printed total row reconciles, and no VI figure of 2016 differs between the two sources.
        var (gedrukt, _) = await _client.GetAllePaginas("/v1/aansluitingen?begroting=VI&begrotingsjaar=2016&soort=uitgaven&aansluiting=gedrukt-totaal&jaar=2016");
        gedrukt.Should().NotBeEmpty().And.OnlyContain(a => a!.Tekst("oordeel") == "sluit" && a!.Getal("gedrukt") == 11_456_930m);
        var (verschillen, _) = await _client.GetAllePaginas("/v1/bevindingen?soort=bronnen-verschillen&begroting=VI");
        verschillen.Should().BeEmpty();
    }

    [Fact]
    public async Task Artikelen_en_aandelen_op_een_stand_van_de_open_data_met_de_delen_op_elke_diepte()
    {
        var (artikelen, _) = await _client.GetLijst("/v1/begrotingen/VI/artikelen/32?begrotingsjaar=2016&soort=uitgaven");

        var artikel = artikelen.Single()!;
        (artikel.Tekst("begroting"), artikel.Tekst("hoofdstuk"), artikel.Tekst("fase"), artikel.Tekst("bronBestand"))
            .Should().Be(("JenV", "VI", "ontwerpbegroting", "budgettaire-tabellen-owb-2016.csv"));
        Jaar(artikel["bedragen"]!, 2016).Should().Be(1_443_296);
        // "Apparaatsuitgaven" above 32.1, "Programma-uitgaven" above 32.2 and 32.3: the parts add up, at every level.
        var delen = artikel["waarvanregels"]!.AsArray();
        delen.Select(d => (d!.Tekst("omschrijving"), d!.Tekst("niveau"), Jaar(d!["bedragen"]!, 2016)))
            .Should().Equal(("Apparaatsuitgaven", "programma-apparaat", 25_019), ("Programma-uitgaven", "programma-apparaat", 1_418_277));
        Jaar(artikel["overig"]!, 2016).Should().Be(0);
        var programma = delen[1]!["waarvanregels"]!.AsArray();
        programma.Select(d => d!.Tekst("code")).Should().Equal("32.2", "32.3");
        programma.Sum(d => Jaar(d!["bedragen"]!, 2016)).Should().Be(1_418_277);

        var (aandelen, _) = await _client.GetLijst("/v1/aandelen?begroting=VI&begrotingsjaar=2016&jaar=2016");
        aandelen.Sum(a => a!.Getal("aandeelVanGeheel")).Should().Be(100.00m);
        aandelen.Single(a => a!.Bedrag("artikel") == 31)!.Bedrag("bedrag").Should().Be(5_199_190);
    }

    [Fact]
    public async Task Mutaties_van_ontwerpbegroting_naar_jaarverslag_per_artikel_met_het_totaal()
    {
        var (rijen, metadata) = await _client.GetLijst("/v1/mutaties?begroting=VI&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&soort=uitgaven&niveau=artikel");

        metadata["standen"]!.AsArray().Select(s => s!.Tekst("id")).Should().Equal("VI-2015-ontwerpbegroting", "VI-2015-jaarverslag");
        var politie = rijen.Single(r => r!["artikel"]?.GetValue<int>() == 31)!;
        (politie.Bedrag("bedragVan"), politie.Bedrag("bedragNaar"), politie.Bedrag("mutatie"), politie.Getal("mutatieProcent"), politie.Tekst("aanwezig"))
            .Should().Be((5_132_936, 5_146_049, 13_113, 0.26m, "beide"));
        (politie.Tekst("van"), politie.Tekst("naar")).Should().Be(("VI-2015-ontwerpbegroting", "VI-2015-jaarverslag"));
        var totaal = rijen.Single(r => r!.Tekst("regelsoort") == "totaal")!;
        totaal.Bedrag("mutatie").Should().Be(rijen.Where(r => r!.Tekst("regelsoort") == "artikel").Sum(r => r!.Bedrag("mutatie")));
        totaal.Bedrag("bedragNaar").Should().Be(totaal.Bedrag("bedragVan") + totaal.Bedrag("mutatie"));

        var csv = await _client.GetCsv("/v1/mutaties?begroting=VI&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&formaat=csv");
        csv.Single(r => r["artikel"] == "31")["mutatie"].Should().Be("13113");
    }

    [Fact]
    public async Task Mutaties_tussen_begrotingsjaren_voor_de_jaren_die_beide_hebben_met_regels_die_in_een_stand_staan()
    {
        // The ontwerpbegroting 2016 prints 2014 (its t-2) at every level; the jaarverslag 2014 gives the artikelen of 2014.
        var (rijen, _) = await _client.GetLijst("/v1/mutaties?begroting=VI&begrotingsjaar=2016&van=ontwerpbegroting&naar=2014-jaarverslag&niveau=regel");

        rijen.Select(r => r!.Bedrag("jaar")).Distinct().Should().Equal(2014L);
        var artikelen = rijen.Where(r => r!.Tekst("regelsoort") == "artikel").ToList();
        artikelen.Should().OnlyContain(r => r!.Tekst("aanwezig") == "beide", "an artikel is the same artikel by its number, whatever its name that year");
        var politie = artikelen.Single(r => r!.Bedrag("artikel") == 31)!;
        (politie.Bedrag("bedragVan"), politie.Bedrag("bedragNaar"), politie.Bedrag("mutatie")).Should().Be((5_265_815, 5_265_815, 0));
        var delen = rijen.Where(r => r!.Tekst("regelsoort") is not ("artikel" or "totaal")).ToList();
        delen.Should().NotBeEmpty().And.OnlyContain(r => r!.Tekst("aanwezig") == "alleen-van" && r!["bedragNaar"] == null,
            "the begrotingsstaten give no lines below the artikel");

        var geenJaar = await _client.GetProbleem("/v1/mutaties?begroting=VI&begrotingsjaar=2015&van=ontwerpbegroting&naar=2013-jaarverslag", HttpStatusCode.BadRequest);
        geenJaar.OngeldigeParameters().Should().Equal("naar");
        geenJaar.Tekst("detail").Should().Contain("hebben geen jaar gemeen");
        var geenStand = await _client.GetProbleem("/v1/mutaties?begroting=VI&begrotingsjaar=2016&naar=jaarverslag", HttpStatusCode.BadRequest);
        geenStand.Tekst("detail").Should().Be("Begroting JenV heeft geen stand jaarverslag 2016; beschikbaar: 2013-ontwerpbegroting, 2013-vastgestelde-begroting, " +
            "2013-1e-suppletoire, 2013-2e-suppletoire, 2013-jaarverslag, 2014-ontwerpbegroting, 2014-vastgestelde-begroting, 2014-1e-suppletoire, " +
            "2014-2e-suppletoire, 2014-jaarverslag, 2015-ontwerpbegroting, 2015-vastgestelde-begroting, 2015-1e-suppletoire, 2015-2e-suppletoire, " +
            "2015-jaarverslag, ontwerpbegroting, 2017-ontwerpbegroting, 2026-ontwerpbegroting.");
    }

    [Fact]
    public async Task Begroting_tegen_realisatie_met_onder_en_overuitputting_per_artikel()
    {
        var (rijen, metadata) = await _client.GetLijst("/v1/uitputting?begroting=VI&begrotingsjaar=2015");

        metadata["standen"]!.AsArray().Select(s => s!.Tekst("id")).Should().Equal("VI-2015-2e-suppletoire", "VI-2015-jaarverslag");
        var politie = rijen.Single(r => r!["artikel"]?.GetValue<int>() == 31)!;
        (politie.Tekst("begrootFase"), politie.Bedrag("begroot"), politie.Bedrag("realisatie"), politie.Bedrag("verschil"), politie.Getal("verschilProcent"), politie.Tekst("oordeel"))
            .Should().Be(("2e-suppletoire", 5_150_542, 5_146_049, -4_493, -0.09m, "onderuitputting"));
        rijen.Single(r => r!["artikel"]?.GetValue<int>() == 33)!.Tekst("oordeel").Should().Be("overuitputting");
        var totaal = rijen.Single(r => r!["artikel"] is null)!;
        (totaal.Bedrag("begroot"), totaal.Bedrag("realisatie")).Should().Be((12_728_969, 12_718_106));

        var geenJaarverslag = await _client.GetProbleem("/v1/uitputting?begroting=JenV&begrotingsjaar=2026", HttpStatusCode.BadRequest);
        geenJaarverslag.Tekst("detail").Should().Be("Begroting JenV heeft geen jaarverslag 2026; jaren met een jaarverslag: 2013, 2014, 2015.");
    }

    [Fact]
    public async Task De_totaalregels_van_de_budgettaire_tabellen_sluiten_op_elke_diepte_of_worden_gemeld()
    {
        var (vi, _) = await _client.GetAllePaginas("/v1/aansluitingen?begroting=VI&begrotingsjaar=2016&aansluiting=totaalregel");
        vi.Should().HaveCountGreaterThan(100).And.OnlyContain(a => a!.Tekst("oordeel") == "sluit", "every total row of VI adds up, in every year and at every level");

        var (afwijkend, _) = await _client.GetAllePaginas("/v1/aansluitingen?begrotingsjaar=2016&status=afwijking");
        afwijkend.Should().HaveCount(300);
        afwijkend.GroupBy(a => a!.Tekst("hoofdstuk")).ToDictionary(g => g.Key, g => g.Count()).Should().Equal(new Dictionary<string, int>
        {
            ["XVI"] = 51, ["X"] = 47, ["V"] = 42, ["IXB"] = 34, ["VIII"] = 31, ["XV"] = 21, ["XVIII"] = 19, ["XVII"] = 15, ["VII"] = 14,
            ["XIII"] = 12, ["IXA"] = 6, ["A"] = 3, ["F"] = 3, ["J"] = 1, ["B"] = 1,
        });
        // Buitenlandse Zaken, artikel 1 (line 1993): printed 112.990 for 2014, its two parts add up to 116.562.
        var bz = afwijkend.Single(a => a!.Tekst("id") == "totaalregel/V-2016-ontwerpbegroting/uitgaven/1/2014")!;
        (bz.Getal("gedrukt"), bz.Getal("berekend"), bz.Getal("verschil"), bz.Getal("juisteWaarde"), bz.Bedrag("aantalDelen"))
            .Should().Be((112_990m, 116_562m, -3_572m, 116_562m, 2L));

        var (bevindingen, _) = await _client.GetAllePaginas("/v1/bevindingen?soort=totaal-sluit-niet&begroting=BZ");
        var bevinding = bevindingen.Single(b => b!.Tekst("id") == "totaal-sluit-niet/totaalregel/V-2016-ontwerpbegroting/uitgaven/1/2014")!;
        (bevinding.Getal("juisteWaarde"), bevinding["cijfers"]![0]!.Tekst("bronBestand")).Should().Be((116_562m, "budgettaire-tabellen-owb-2016.csv"));
    }

    [Fact]
    public async Task Twee_bronnen_die_verschillen_staan_als_bevinding_met_beide_cijfers_en_de_meest_gedetailleerde_telt()
    {
        var (verschillen, _) = await _client.GetAllePaginas("/v1/bevindingen?soort=bronnen-verschillen&begroting=IXB");

        var v = verschillen.Single(b => b!.Tekst("id") == "bronnen-verschillen/IXB-2016-ontwerpbegroting/uitgaven/4/2016")!;
        v.Tekst("ernst").Should().Be("tegenstrijdig");
        v["cijfers"]!.AsArray().Select(c => (c!.Getal("waarde"), c!.Tekst("bronBestand"), c!.Bedrag("bronRegel"))).Should().Equal(
            (519_981m, "budgettaire-tabellen-owb-2016.csv", 3749L), (439_981m, "begrotingsstaten-2013-2017.csv", 1789L));
        var (artikel, _) = await _client.GetLijst("/v1/begrotingen/IXB/artikelen/4?begrotingsjaar=2016&soort=uitgaven");
        Jaar(artikel.Single()!["bedragen"]!, 2016).Should().Be(519_981, "the budgettaire tabel is the more detailed source, and counts once");
    }

    private static long? Jaar(JsonNode bedragen, int jaar) =>
        bedragen.AsArray().Single(b => b!["jaar"]!.GetValue<int>() == jaar)!["bedrag"]?.GetValue<long>();
}
