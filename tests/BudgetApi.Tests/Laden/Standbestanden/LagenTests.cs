using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;
using BudgetApi.Tests.Api;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// One fixture per published layout (issue 14 §2), each written in its own words from the issue's descriptions
/// (Lagen/): the begrotingsstaten in two wordings, the budgettaire tabellen 2013–2017 with repeated header rows, the
/// budgettaire tabellen 2018–2022 with Bedrag t per fase and with a column per stand, and the IBOS layout of 2023 onwards.
/// Each gives, per stand and artikel, the figures it prints: read alone, loaded from data/standen/ and imported over HTTP.
/// </summary>
public sealed class LagenTests
{
    public static string Pad(string bestand) => Repo.Bestand(Path.Combine("tests", "BudgetApi.Tests", "Laden", "Standbestanden", "Lagen", bestand));

    /// <summary>Per fixture: the layout, the encoding, and every artikel figure of year t it prints ("stand|soort|artikel" → amount).</summary>
    public static readonly IReadOnlyDictionary<string, (string Indeling, string Codering, Dictionary<string, long?> Cijfers)> Verwacht =
        new Dictionary<string, (string, string, Dictionary<string, long?>)>
        {
            ["begrotingsstaten-2022-2023-woorden.csv"] = ("begrotingsstaten (standen als kolommen)", Tekstcodering.Utf8, new()
            {
                ["VI-2022-ontwerpbegroting|uitgaven|31"] = 6_100_200, ["VI-2022-vastgestelde-begroting|uitgaven|31"] = 6_100_200,
                ["VI-2022-1e-suppletoire|uitgaven|31"] = 6_250_000, ["VI-2022-2e-suppletoire|uitgaven|31"] = 6_300_500, ["VI-2022-jaarverslag|uitgaven|31"] = 6_310_700,
                ["VI-2022-ontwerpbegroting|uitgaven|32"] = 1_500_000, ["VI-2022-vastgestelde-begroting|uitgaven|32"] = 1_500_000,
                ["VI-2022-1e-suppletoire|uitgaven|32"] = 1_520_000, ["VI-2022-2e-suppletoire|uitgaven|32"] = 1_530_000, ["VI-2022-jaarverslag|uitgaven|32"] = 1_529_999,
                ["VI-2022-ontwerpbegroting|ontvangsten|31"] = 10_000, ["VI-2022-vastgestelde-begroting|ontvangsten|31"] = 10_000,
                ["VI-2022-1e-suppletoire|ontvangsten|31"] = 12_000, ["VI-2022-2e-suppletoire|ontvangsten|31"] = 12_500, ["VI-2022-jaarverslag|ontvangsten|31"] = 12_400,
                // 2023: the 2e suppletoire and the jaarverslag are empty everywhere, so they are no standen.
                ["VI-2023-ontwerpbegroting|uitgaven|31"] = 6_400_000, ["VI-2023-vastgestelde-begroting|uitgaven|31"] = 6_400_000, ["VI-2023-1e-suppletoire|uitgaven|31"] = 6_500_000,
                ["VI-2023-ontwerpbegroting|uitgaven|32"] = 1_600_000, ["VI-2023-vastgestelde-begroting|uitgaven|32"] = 1_600_000, ["VI-2023-1e-suppletoire|uitgaven|32"] = 1_610_000,
                ["VI-2023-ontwerpbegroting|ontvangsten|31"] = 11_000, ["VI-2023-vastgestelde-begroting|ontvangsten|31"] = 11_000, ["VI-2023-1e-suppletoire|ontvangsten|31"] = 11_500,
            }),
            ["begrotingsstaten-2020-2021-inhoud.csv"] = ("begrotingsstaten (standen als kolommen)", Tekstcodering.Windows1252, new()
            {
                ["VII-2020-ontwerpbegroting|uitgaven|1"] = 120_000, ["VII-2020-vastgestelde-begroting|uitgaven|1"] = 120_000, ["VII-2020-1e-suppletoire|uitgaven|1"] = 125_000,
                ["VII-2020-2e-suppletoire|uitgaven|1"] = 130_000, ["VII-2020-jaarverslag|uitgaven|1"] = 128_000,
                // 355572.7449 is rounded to whole thousands; 'pm' keeps the line without an amount.
                ["VII-2020-ontwerpbegroting|uitgaven|6"] = 355_573, ["VII-2020-vastgestelde-begroting|uitgaven|6"] = 355_573, ["VII-2020-1e-suppletoire|uitgaven|6"] = 360_000,
                ["VII-2020-2e-suppletoire|uitgaven|6"] = null, ["VII-2020-jaarverslag|uitgaven|6"] = 361_000,
                ["VII-2020-ontwerpbegroting|verplichtingen|1"] = 121_000, ["VII-2020-vastgestelde-begroting|verplichtingen|1"] = 121_000,
                ["VII-2020-1e-suppletoire|verplichtingen|1"] = 126_000, ["VII-2020-2e-suppletoire|verplichtingen|1"] = 131_000, ["VII-2020-jaarverslag|verplichtingen|1"] = 129_000,
                ["IXB-2021-ontwerpbegroting|uitgaven|1"] = 3_000_000, ["IXB-2021-vastgestelde-begroting|uitgaven|1"] = 3_000_000, ["IXB-2021-1e-suppletoire|uitgaven|1"] = 3_100_000,
                ["IXB-2021-2e-suppletoire|uitgaven|1"] = 3_150_000, ["IXB-2021-jaarverslag|uitgaven|1"] = 3_120_000,
                ["IXB-2021-ontwerpbegroting|ontvangsten|1"] = 0, ["IXB-2021-vastgestelde-begroting|ontvangsten|1"] = 0, ["IXB-2021-1e-suppletoire|ontvangsten|1"] = 0,
                ["IXB-2021-2e-suppletoire|ontvangsten|1"] = 0, ["IXB-2021-jaarverslag|ontvangsten|1"] = 0,
                ["A-2021-ontwerpbegroting|uitgaven|11"] = 700_000, ["A-2021-vastgestelde-begroting|uitgaven|11"] = 700_000, ["A-2021-1e-suppletoire|uitgaven|11"] = 710_000,
                ["A-2021-2e-suppletoire|uitgaven|11"] = 720_000, ["A-2021-jaarverslag|uitgaven|11"] = 715_000,
            }),
            ["budgettaire-tabellen-2012-herhaalde-koppen.csv"] = ("budgettaire tabellen (bedragen per jaar)", Tekstcodering.Utf8, new()
            {
                ["VI-2012-ontwerpbegroting|uitgaven|31"] = 11_000, ["VI-2012-ontwerpbegroting|uitgaven|32"] = 1_000,
            }),
            ["budgettaire-tabellen-2019-bedrag-t.csv"] = ("budgettaire tabellen per fase (Bedrag t)", Tekstcodering.Utf8, new()
            {
                // Details only: an artikel is the sum of its details.
                ["VI-2019-ontwerpbegroting|uitgaven|31"] = 5_800_000, ["VI-2019-ontwerpbegroting|uitgaven|32"] = 450_000,
                ["VI-2019-ontwerpbegroting|ontvangsten|31"] = 2_000, ["VI-2019-vastgestelde-begroting|uitgaven|31"] = 5_810_000,
            }),
            ["budgettaire-tabellen-2021-standen.csv"] = ("begrotingsstaten (standen als kolommen)", Tekstcodering.Utf8, new()
            {
                ["VI-2021-vastgestelde-begroting|uitgaven|31"] = 6_010_000, ["VI-2021-1e-suppletoire|uitgaven|31"] = 6_120_000,
                ["VI-2021-vastgestelde-begroting|uitgaven|33"] = 40_000, ["VI-2021-1e-suppletoire|uitgaven|33"] = 42_500,
            }),
            ["budgettaire-tabellen-2020-isb.csv"] = ("budgettaire tabellen per fase (Bedrag t)", Tekstcodering.Utf8, new()
            {
                // 'ISB', '2e ISB' and 'Derde incidentele suppletoire begroting': each a stand of its own, between VB and O1.
                ["VI-2020-vastgestelde-begroting|uitgaven|33"] = 50_000, ["VI-2020-incidentele-suppletoire-1|uitgaven|33"] = 55_000,
                ["VI-2020-incidentele-suppletoire-2|uitgaven|33"] = 64_500, ["VI-2020-incidentele-suppletoire-3|uitgaven|33"] = 65_000,
                ["VI-2020-1e-suppletoire|uitgaven|33"] = 67_500,
            }),
            ["Budgettaire_Tabellen_2024_JV_incl.csv"] = ("IBOS (standen als kolommen)", Tekstcodering.Utf8MetBom, new()
            {
                // Artikel 31 has its own J row (its J onderdeel and its details are not added to it); artikel 32 only details. SBS is empty: no stand.
                ["VI-2024-ontwerpbegroting|uitgaven|31"] = 7_000, ["VI-2024-1e-suppletoire|uitgaven|31"] = 7_050, ["VI-2024-2e-suppletoire|uitgaven|31"] = 7_200,
                ["VI-2024-jaarverslag|uitgaven|31"] = 7_190, ["VI-2024-vastgestelde-begroting|uitgaven|31"] = 7_000,
                ["VI-2024-ontwerpbegroting|uitgaven|32"] = 2_000, ["VI-2024-1e-suppletoire|uitgaven|32"] = 2_050, ["VI-2024-2e-suppletoire|uitgaven|32"] = 2_100,
                ["VI-2024-jaarverslag|uitgaven|32"] = 2_060, ["VI-2024-vastgestelde-begroting|uitgaven|32"] = 2_000,
            }),
        };

    public static TheoryData<string> Bestanden => [.. Verwacht.Keys];

    /// <summary>The artikel figures of year t of a reading, as the fixtures list them.</summary>
    public static Dictionary<string, long?> Cijfers(Leesresultaat r) => r.Regels.Where(x => x.Pad.Count == 0)
        .ToDictionary(x => $"{x.Stand.Id}|{x.Soort}|{x.Artikel}", x => x.Bedragen[x.Stand.Begrotingsjaar]);

    [Theory]
    [MemberData(nameof(Bestanden))]
    public void Elke_laag_geeft_per_stand_en_artikel_de_cijfers_die_zij_drukt(string bestand)
    {
        var (indeling, codering, cijfers) = Verwacht[bestand];
        var r = Standlezers.Lees(bestand, File.ReadAllBytes(Pad(bestand)));
        r.Problemen.Should().BeEmpty();
        Cijfers(r).Should().BeEquivalentTo(cijfers);
        r.Standen.Select(s => s.Stand.Id).Should().BeEquivalentTo(cijfers.Keys.Select(k => k.Split('|')[0]).Distinct(), "an empty column is no stand");
        r.Indeling!.Indeling.Should().Be(indeling);
        r.Indeling.Codering.Should().Be(codering);
    }

    [Fact]
    public void De_begrotingsstaten_naar_de_inhoud_met_bevindingen_voor_de_kolommen_en_de_cellen()
    {
        var r = Standlezers.Lees("b.csv", File.ReadAllBytes(Pad("begrotingsstaten-2020-2021-inhoud.csv")));
        r.Indeling!.Kolommen.Should().Contain([new Kolombeschrijving(2, "Begr.", "hoofdstuk (naar de inhoud)"), new Kolombeschrijving(4, "Soort", "V/U/O (naar de inhoud)")]);
        r.Indeling.Genegeerd.Should().Equal(new Kolombeschrijving(7, "Toelichting", "onbekend"),
            new Kolombeschrijving(13, "Begrotingsnaam", "begrotingsnaam (herhaald; kolom 3 wordt gelezen)"));
        r.Bevindingen.Select(b => b.Soort).Should().BeEquivalentTo(
        [
            Bevindingsoorten.OnbekendeKolom, Bevindingsoorten.Tegenstrijdigheid, // 'BZK' against the fuller column's name
            Bevindingsoorten.AfgerondBedrag, Bevindingsoorten.AfgerondBedrag, Bevindingsoorten.GeenBedrag,
        ]);
        r.Bevindingen.Single(b => b.Soort == Bevindingsoorten.Tegenstrijdigheid).Uitleg.Should().Contain("'BZK'").And.Contain("'Binnenlandse Zaken en Koninkrijksrelaties'");
        r.Standen.Single(s => s.Stand.Id == "IXB-2021-jaarverslag").NaamZoalsGepubliceerd.Should().Be("Financiën", "Windows-1252 is decoded, not replaced by U+FFFD");
    }

    [Fact]
    public void IBOS_totalen_worden_nooit_bij_hun_delen_opgeteld_en_blijven_zoals_gedrukt()
    {
        var r = Standlezers.Lees("Budgettaire_Tabellen_2024_JV_incl.csv", File.ReadAllBytes(Pad("Budgettaire_Tabellen_2024_JV_incl.csv")));
        r.Totalen.Where(t => t.Soort == Begrotingscodes.Uitgaven).ToDictionary(t => t.Stand.Fase, t => t.Bedragen[2024]).Should().BeEquivalentTo(new Dictionary<string, long?>
        {
            [Begrotingscodes.Ontwerpbegroting] = 9_000, [Begrotingscodes.EersteSuppletoire] = 9_100, [Begrotingscodes.TweedeSuppletoire] = 9_300,
            [Begrotingscodes.Jaarverslag] = 9_250, [Begrotingscodes.VastgesteldeBegroting] = 9_000,
        });
        r.Bevindingen.Where(b => b.Soort == Bevindingsoorten.AfgerondBedrag).Should().HaveCount(2, "6140,4 and 1049,6 with a decimal comma");
        r.Indeling!.Kolommen.Should().Contain(new Kolombeschrijving(21, "Verschil", "verschil (berekend, niet gelezen)"));
    }

    [Fact]
    public void Een_onbekende_fasecode_weigert_het_bestand_met_de_code_en_de_lijst()
    {
        var tekst = File.ReadAllText(Pad("budgettaire-tabellen-2019-bedrag-t.csv")).Replace(";VB;", ";NJN;", StringComparison.Ordinal);
        var r = Standlezers.Lees("x.csv", tekst);
        r.Problemen.Select(p => p.ToString()).Should().Equal(
            $"x.csv:6:5: 'NJN' is geen bekende fase; bekende codes (data/fasen.csv): {string.Join(", ", Fasecodes.Codes)}",
            $"x.csv:7:5: 'NJN' is geen bekende fase; bekende codes (data/fasen.csv): {string.Join(", ", Fasecodes.Codes)}");
    }

    /// <summary>
    /// Per layout with parts below the artikel: every line of one stand, as "soort|artikel|pad > omschrijving" → the amount of year t
    /// (null for a step the parts name without a row of its own). The artikel figures are those of <see cref="Verwacht"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Stand, Dictionary<string, long?> Regels)> Delen =
        new Dictionary<string, (string, Dictionary<string, long?>)>
        {
            ["Budgettaire_Tabellen_2024_JV_incl.csv"] = ("VI-2024-jaarverslag", new()
            {
                ["uitgaven|31|"] = 7_190, // the artikel's own J row, as printed
                ["uitgaven|31|1"] = 7_190, // the onderdeel's J row, as printed, not the sum of what is beneath it
                ["uitgaven|31|1 > Bijdrage aan agentschappen"] = null,
                ["uitgaven|31|1 > Bijdrage aan agentschappen > Bijdrage politie"] = 6_140,
                ["uitgaven|31|1 > Bijdrage aan agentschappen > Bijdrage pensioenen"] = 1_050,
                ["uitgaven|32|"] = 2_060, // no own row: the sum of its details, as before
                ["uitgaven|32|1"] = null,
                ["uitgaven|32|1 > Subsidies"] = null,
                ["uitgaven|32|1 > Subsidies > Raad voor rechtsbijstand"] = 2_060,
            }),
            ["budgettaire-tabellen-2019-bedrag-t.csv"] = ("VI-2019-ontwerpbegroting", new()
            {
                ["uitgaven|31|"] = 5_800_000,
                ["uitgaven|31|Nationale Politie"] = null,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's"] = null,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's > Bijdrage politie"] = 5_500_000,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's > Bijdrage pensioenen"] = 300_000,
                ["uitgaven|32|"] = 450_000,
                ["uitgaven|32|Rechtsbijstand"] = null,
                ["uitgaven|32|Rechtsbijstand > Subsidies"] = null,
                ["uitgaven|32|Rechtsbijstand > Subsidies > Raad voor rechtsbijstand"] = 450_000,
                // "Ontvangsten" as onderdeel, instrument and regeling is one step: the repeats are labels.
                ["ontvangsten|31|"] = 2_000,
                ["ontvangsten|31|Ontvangsten"] = 2_000,
            }),
            ["budgettaire-tabellen-2021-standen.csv"] = ("VI-2021-1e-suppletoire", new()
            {
                ["uitgaven|31|"] = 6_120_000,
                ["uitgaven|31|Nationale Politie"] = null,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's"] = null,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's > Bijdrage politie"] = 5_800_000,
                ["uitgaven|31|Nationale Politie > Bijdrage aan ZBO's/RWT's > Bijdrage pensioenen"] = 320_000,
                ["uitgaven|33|"] = 42_500,
                ["uitgaven|33|Veiligheid"] = null,
                ["uitgaven|33|Veiligheid > Subsidies"] = null,
                ["uitgaven|33|Veiligheid > Subsidies > Slachtofferhulp"] = 42_500,
            }),
        };

    public static TheoryData<string> BestandenMetDelen => [.. Delen.Keys];

    private static string Padsleutel(string soort, int artikel, IEnumerable<string> stappen) => $"{soort}|{artikel}|{string.Join(" > ", stappen)}";

    [Theory]
    [MemberData(nameof(BestandenMetDelen))]
    public void De_delen_onder_het_artikel_blijven_als_regels_met_hun_pad(string bestand)
    {
        var (stand, verwacht) = Delen[bestand];
        var r = Standlezers.Lees(bestand, File.ReadAllBytes(Pad(bestand)));
        r.Problemen.Should().BeEmpty();
        r.Regels.Where(x => x.Stand.Id == stand).ToDictionary(x => Padsleutel(x.Soort, x.Artikel, x.Pad.Select(p => p.Omschrijving)), x => x.Bedragen[x.Stand.Begrotingsjaar])
            .Should().BeEquivalentTo(verwacht);
        // Every part's parent is a line of the stand, so the drill-down never meets a gap.
        var sleutels = r.Regels.Select(x => (x.Stand, x.Soort, x.Artikel, Pad: string.Join(" > ", x.Pad.Select(p => p.Omschrijving)))).ToHashSet();
        foreach (var deel in r.Regels.Where(x => x.Pad.Count > 0))
            sleutels.Should().Contain((deel.Stand, deel.Soort, deel.Artikel, string.Join(" > ", deel.Pad.Take(deel.Pad.Count - 1).Select(p => p.Omschrijving))));
    }

    [Fact]
    public void Een_IBOS_totaalregel_die_niet_sluit_met_zijn_delen_blijft_zoals_gedrukt_en_is_een_bevinding()
    {
        // The onderdeel's J row says 7.300 where its details give 7.190: the printed figure stays, and the aansluiting says it does not close.
        var tekst = File.ReadAllText(Pad("Budgettaire_Tabellen_2024_JV_incl.csv")).Replace(";31;Politie;1;;;;;JV;7000;7050;;7200;7190;", ";31;Politie;1;;;;;JV;7000;7050;;7200;7300;", StringComparison.Ordinal);
        var r = Standlezers.Lees("t.csv", tekst);
        r.Problemen.Should().BeEmpty();
        var onderdeel = r.Regels.Single(x => x.Stand.Id == "VI-2024-jaarverslag" && x.Artikel == 31 && x.Pad.Count == 1);
        onderdeel.Bedragen[2024].Should().Be(7_300);
        onderdeel.IsTotaalregel.Should().BeTrue();
        r.Regels.Single(x => x.Stand.Id == "VI-2024-jaarverslag" && x.Artikel == 31 && x.Pad.Count == 0).Bedragen[2024].Should().Be(7_190);
    }

    [Fact]
    public async Task De_delen_staan_in_v1_bedragen_met_hun_pad_en_een_IBOS_totaal_dat_niet_sluit_is_een_aansluiting_die_niet_sluit()
    {
        using var map = new TijdelijkeMap();
        var data = map.KopieVanData();
        Directory.CreateDirectory(Path.Combine(data, "standen"));
        foreach (var bestand in Delen.Keys) File.Copy(Pad(bestand), Path.Combine(data, "standen", bestand));
        File.WriteAllText(Path.Combine(data, "standen", "Budgettaire_Tabellen_2025_JV_incl.csv"),
            File.ReadAllText(Pad("Budgettaire_Tabellen_2024_JV_incl.csv")).Replace("2024", "2025", StringComparison.Ordinal)
                .Replace(";31;Politie;1;;;;;JV;7000;7050;;7200;7190;", ";31;Politie;1;;;;;JV;7000;7050;;7200;7300;", StringComparison.Ordinal));
        await using var factory = new ImportFactory(map);
        using var client = factory.CreateClient();
        foreach (var (bestand, (stand, verwacht)) in Delen)
        {
            var delen = stand.Split('-', 3);
            var (regels, _) = await client.GetLijst($"/v1/bedragen?begroting={delen[0]}&begrotingsjaar={delen[1]}&fase={delen[2]}&jaar={delen[1]}&paginaGrootte=1000");
            var gekregen = regels.OfType<JsonNode>().ToDictionary(
                x => Padsleutel(x.Tekst("soort"), x["artikel"]!.GetValue<int>(),
                    x.Tekst("regelsoort") == Begrotingscodes.NiveauArtikel ? [] : [.. x.Tekst("pad").Split(" > ", StringSplitOptions.RemoveEmptyEntries), x.Tekst("omschrijving")]),
                x => x["bedrag"] is { } b ? b.GetValue<long>() : (long?)null);
            gekregen.Should().BeEquivalentTo(verwacht, bestand);
        }
        var (aansluitingen, _) = await client.GetLijst("/v1/aansluitingen?begroting=VI&begrotingsjaar=2025&paginaGrootte=1000");
        var onderdeel = aansluitingen.OfType<JsonNode>().Where(a => a.Tekst("fase") == Begrotingscodes.Jaarverslag && a["gedrukt"]!.GetValue<decimal>() == 7_300).Should().ContainSingle().Subject;
        onderdeel["berekend"]!.GetValue<decimal>().Should().Be(7_190);
    }

    // --- Loaded from data/standen/ and imported over HTTP: the same figures ---

    private static async Task ZelfdeCijfersOverHttp(HttpClient client, string bestand)
    {
        foreach (var groep in Verwacht[bestand].Cijfers.GroupBy(c => c.Key.Split('|')[0]))
        {
            var delen = groep.Key.Split('-', 3);
            var url = $"/v1/bedragen?begroting={delen[0]}&begrotingsjaar={delen[1]}&fase={delen[2]}&regelsoort=artikel&jaar={delen[1]}&paginaGrootte=1000";
            var (regels, _) = await client.GetLijst(url);
            var gekregen = new Dictionary<string, long?>();
            foreach (var r in regels.OfType<JsonNode>())
                gekregen[$"{groep.Key}|{r.Tekst("soort")}|{r["artikel"]!.GetValue<int>()}"] = r["bedrag"] is { } b ? b.GetValue<long>() : null;
            gekregen.Should().BeEquivalentTo(groep.ToDictionary(g => g.Key, g => g.Value), url);
        }
    }

    [Fact]
    public async Task Elke_laag_laadt_uit_data_standen_met_dezelfde_cijfers()
    {
        using var map = new TijdelijkeMap();
        var data = map.KopieVanData();
        Directory.CreateDirectory(Path.Combine(data, "standen"));
        foreach (var bestand in Verwacht.Keys) File.Copy(Pad(bestand), Path.Combine(data, "standen", bestand));
        await using var factory = new ImportFactory(map);
        using var client = factory.CreateClient();
        foreach (var bestand in Verwacht.Keys) await ZelfdeCijfersOverHttp(client, bestand);
    }

    [Fact]
    public async Task Elke_laag_importeert_over_HTTP_en_het_antwoord_zegt_hoe_het_bestand_is_gelezen()
    {
        using var map = new TijdelijkeMap();
        map.KopieVanData();
        await using var factory = new ImportFactory(map);
        using var client = factory.CreateClient();
        foreach (var bestand in Verwacht.Keys)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, $"/v1/standen?bestandsnaam={bestand}")
            {
                Content = new ByteArrayContent(File.ReadAllBytes(Pad(bestand))) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            };
            verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Maak());
            var antwoord = await client.SendAsync(verzoek);
            var tekst = await antwoord.Content.ReadAsStringAsync();
            antwoord.StatusCode.Should().Be(HttpStatusCode.Created, tekst);
            var json = JsonNode.Parse(tekst)!.AsObject();
            var lezing = json["lezing"]!;
            lezing.Tekst("indeling").Should().Be(Verwacht[bestand].Indeling);
            lezing.Tekst("codering").Should().Be(Verwacht[bestand].Codering);
            lezing["kolommen"]!.AsArray().Should().NotBeEmpty();
            lezing["bevindingen"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(0);
            var standen = json["standen"]!.AsArray().Select(s => s!.Tekst("stand")).ToList();
            standen.Should().BeEquivalentTo(Verwacht[bestand].Cijfers.Keys.Select(k => k.Split('|')[0]).Distinct());
            await ZelfdeCijfersOverHttp(client, bestand);

            // /v1/standen shows the same reading for the stand's source.
            var (stand, _) = await client.GetLijst($"/v1/standen/{standen[0]}");
            var bron = stand.Single()!["bronnen"]!.AsArray().Single()!;
            bron["lezing"]!.ToJsonString().Should().Be(lezing.ToJsonString());

            // And its CSV, in flat columns.
            var csv = await client.GetCsv($"/v1/standen/{standen[0]}?formaat=csv");
            var rij = csv.Single();
            rij["bron"].Should().Be(bron.Tekst("naam"));
            rij["indeling"].Should().Be(Verwacht[bestand].Indeling);
            rij["codering"].Should().Be(Verwacht[bestand].Codering);
            rij["kolommen"].Should().Be(string.Join("; ", lezing["kolommen"]!.AsArray().Select(k => $"{k!["kolom"]} '{k.Tekst("kop")}' = {k.Tekst("betekenis")}")));
            rij["genegeerd"].Should().Be(string.Join("; ", lezing["genegeerd"]!.AsArray().Select(k => $"{k!["kolom"]} '{k.Tekst("kop")}' = {k.Tekst("betekenis")}")));
            rij["bevindingen"].Should().Be(lezing["bevindingen"]!.ToJsonString());
        }
    }
}
