using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>The project's own stand format: what the API exports, an analyst edits, and an import reads back. Strict.</summary>
public sealed class StandenCsvLezerTests
{
    /// <summary>How GET /v1/bedragen?formaat=csv writes a stand (docs/standbestanden.md): one row per line and year.</summary>
    private static string Schrijf(IEnumerable<Standregel> regels, IEnumerable<GedruktStandtotaal> totalen, string begroting)
    {
        static string Veld(string? v) => v is null ? "" : v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)
            ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
        static string Getal(long? b) => b?.ToString(CultureInfo.InvariantCulture) ?? "";
        var uit = new List<string> { string.Join(",", StandenCsvLezer.Kolommen) };
        foreach (var r in regels)
        {
            var pad = string.Join(StandenCsvLezer.PadScheiding, r.Pad.Take(Math.Max(0, r.Pad.Count - 1)).Select(p => p.Omschrijving));
            foreach (var (jaar, bedrag) in r.Bedragen.OrderBy(b => b.Key))
                uit.Add(string.Join(",", Veld(r.Stand.Hoofdstuk), begroting, r.Stand.Begrotingsjaar, r.Stand.Fase, r.Soort, r.Artikel, r.Niveau, Veld(pad),
                    Veld(r.Omschrijving), r.Categorie, jaar, Getal(bedrag), Veld(r.Code), r.IsTotaalregel ? "true" : "false", Veld(r.BronTabel)));
        }
        foreach (var t in totalen)
        {
            foreach (var (jaar, bedrag) in t.Bedragen.OrderBy(b => b.Key))
                uit.Add(string.Join(",", t.Stand.Hoofdstuk, begroting, t.Stand.Begrotingsjaar, t.Stand.Fase, t.Soort, "", StandenCsvLezer.RegelsoortTotaal, "",
                    Veld(t.Totaal), t.AlleenBeleidsartikelen ? Begrotingscodes.Beleidsartikel : "", jaar, Getal(bedrag), "", "", Veld(t.BronTabel)));
        }
        return string.Join("\r\n", uit) + "\r\n";
    }

    private static Leesresultaat Lees(string tekst, Standverwachting? verwachting = null) =>
        new StandenCsvLezer().Lees("stand.csv", new StringReader(tekst), verwachting);

    [Fact]
    public void Een_stand_gaat_heen_en_terug_zonder_verlies()
    {
        // The whole of VI 2016 ontwerpbegroting as read from the budgettaire tabellen: 309 lines at every depth, groupings without figures, totals.
        var bron = Opendata.TabellenResultaat;
        var regels = bron.Regels.Where(r => r.Stand.Hoofdstuk == "VI").ToList();
        var totalen = bron.Totalen.Where(t => t.Stand.Hoofdstuk == "VI").ToList();
        var tekst = Schrijf(regels, totalen, "JenV");

        var terug = Lees(tekst);
        terug.Problemen.Should().BeEmpty();
        terug.Formaat.Should().Be("standen-csv");
        terug.Standen.Select(s => s.Stand.Id).Should().Equal("VI-2016-ontwerpbegroting");
        Opendata.Vingerafdruk(terug).Should().Equal(Opendata.Vingerafdruk(new Leesresultaat("", [], regels, totalen, [], [])));

        var politie = terug.Regel("VI-2016-ontwerpbegroting", "uitgaven", 31, "Bekostiging nationale politie > Bijdrage aan ZBO’s/RWT’s > Nationale Politie");
        politie.Herkomst.Regel.Should().Be(tekst.Split("\r\n").ToList().FindIndex(l => l.Contains(",Bekostiging nationale politie > Bijdrage aan ZBO’s/RWT’s,Nationale Politie,beleidsartikel,2014,", StringComparison.Ordinal)) + 1);
        politie.HerkomstPerJaar![2016].Should().Be(new Vindplaats("stand.csv", politie.Herkomst.Regel + 2, 12));
    }

    [Fact]
    public void Een_geschreven_en_bewerkte_stand_wordt_een_andere_stand()
    {
        // Export a stand, change its fase and one figure, import it as the 1e suppletoire.
        var bron = Opendata.TabellenResultaat;
        var tekst = Schrijf(bron.Regels.Where(r => r.Stand.Hoofdstuk == "VI"), bron.Totalen.Where(t => t.Stand.Hoofdstuk == "VI"), "JenV")
            .Replace(",ontwerpbegroting,", ",1e-suppletoire,", StringComparison.Ordinal);
        var gelezen = Lees(tekst, new Standverwachting("VI", 2016, Begrotingscodes.EersteSuppletoire));
        gelezen.Problemen.Should().BeEmpty();
        gelezen.Regel("VI-2016-1e-suppletoire", "uitgaven", 31).Bedragen[2016].Should().Be(5_199_190);
    }

    private const string Kop = "hoofdstuk,begroting,begrotingsjaar,fase,soort,artikel,regelsoort,pad,omschrijving,categorie,jaar,bedrag,code,totaalregel,bronTabel";

    private static readonly string[] Klein =
    [
        Kop,
        "VI,JenV,2016,ontwerpbegroting,uitgaven,32,artikel,,Rechtsbijstand en rechtspleging,beleidsartikel,2016,1443296,,true,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,32,programma-apparaat,,Apparaatsuitgaven,beleidsartikel,2016,25019,,true,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,32,artikelonderdeel,Apparaatsuitgaven,Apparaatsuitgaven Hoge Raad,beleidsartikel,2016,25019,32.1,true,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,32,programma-apparaat,,Programma-uitgaven,beleidsartikel,2016,1418277,,true,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,32,artikel,,Rechtsbijstand en rechtspleging,beleidsartikel,2017,,,true,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,,totaal,,Veiligheid en Justitie,,2016,11456930,,,",
        "VI,JenV,2016,ontwerpbegroting,uitgaven,,totaal,,Totaal Beleidsartikelen,beleidsartikel,2016,10000000,,,A. Uitgaven JenV",
    ];

    private static string Met(params (int Regel, string Oud, string Nieuw)[] wijzigingen)
    {
        var regels = Klein.ToArray();
        foreach (var (regel, oud, nieuw) in wijzigingen)
        {
            regels[regel - 1].Should().Contain(oud);
            regels[regel - 1] = regels[regel - 1].Replace(oud, nieuw, StringComparison.Ordinal);
        }
        return string.Join("\n", regels) + "\n";
    }

    [Fact]
    public void Een_kleine_stand_met_alles_wat_het_formaat_kent()
    {
        var r = Lees(Met());
        r.Problemen.Should().BeEmpty();
        var artikel = r.Regel("VI-2016-ontwerpbegroting", "uitgaven", 32);
        artikel.Bedragen.Should().Equal(new Dictionary<int, long?> { [2016] = 1_443_296, [2017] = null }, "an empty bedrag is null, never 0");
        artikel.IsTotaalregel.Should().BeTrue();
        var hogeRaad = r.Regel("VI-2016-ontwerpbegroting", "uitgaven", 32, "Apparaatsuitgaven > Apparaatsuitgaven Hoge Raad");
        hogeRaad.Pad.Should().Equal(new Padstap("programma-apparaat", "Apparaatsuitgaven"), new Padstap("artikelonderdeel", "Apparaatsuitgaven Hoge Raad"));
        hogeRaad.Code.Should().Be("32.1");
        r.Totalen.Select(t => (t.Totaal, t.AlleenBeleidsartikelen, t.Bedragen[2016], t.BronTabel)).Should().Equal(
            ("Veiligheid en Justitie", false, 11_456_930L, null), ("Totaal Beleidsartikelen", true, 10_000_000L, "A. Uitgaven JenV"));
    }

    [Fact]
    public void Koppen_zonder_hoofdletters_bom_en_onbekende_kolommen()
    {
        var kop = "\uFEFFHOOFDSTUK,Begroting,BegrotingsJaar,Fase,Soort,Artikel,Regelsoort,Pad,Omschrijving,Categorie,Jaar,Bedrag,Code,Totaalregel,BRONTABEL,bronBestand,bronRegel";
        var tekst = string.Join("\n", Klein.Skip(1).Select(r => r + ",data/x.csv,12").Prepend(kop));
        Opendata.Vingerafdruk(Lees(tekst)).Should().Equal(Opendata.Vingerafdruk(Lees(Met())));
    }

    private static IEnumerable<string> Weiger(string tekst, Standverwachting? verwachting = null)
    {
        var r = Lees(tekst, verwachting);
        r.Gelukt.Should().BeFalse();
        r.Regels.Should().BeEmpty();
        r.Totalen.Should().BeEmpty();
        r.Standen.Should().BeEmpty();
        return r.Problemen.Select(p => p.ToString());
    }

    [Fact]
    public void Onbekende_codes_en_bedragen_met_scheidingstekens()
    {
        Weiger(Met((2, ",ontwerpbegroting,", ",OWB,"), (3, ",uitgaven,", ",U,"), (4, ",artikelonderdeel,", ",onderdeel,"), (5, ",1418277,", ",\"1,418,277\","),
                (2, ",beleidsartikel,", ",Beleidsartikel,"), (6, ",true,", ",ja,")))
            .Should().Equal(
                "stand.csv:2:4: 'OWB' is geen fase (een van: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1, incidentele-suppletoire-2, incidentele-suppletoire-3, incidentele-suppletoire-4, incidentele-suppletoire-5, incidentele-suppletoire-6, incidentele-suppletoire-7, incidentele-suppletoire-8, incidentele-suppletoire-9, incidentele-suppletoire-10, incidentele-suppletoire-11, incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag, slotwet)",
                "stand.csv:2:10: 'Beleidsartikel' is geen categorie (leeg, beleidsartikel of niet-beleidsartikel)",
                "stand.csv:3:5: 'U' is geen soort (een van: verplichtingen, uitgaven, ontvangsten)",
                "stand.csv:4:7: 'onderdeel' is geen regelsoort (een van: artikel, waarvan, programma-apparaat, artikelonderdeel, financieel-instrument, uitsplitsing, nadere-omschrijving, totaal)",
                "stand.csv:5:12: '1,418,277' is geen bedrag in de notatie van dit bestand (een geheel getal zonder scheidingstekens (12372721)); bedragen zijn gehele duizenden euro's, zonder decimalen; schrijf een geheel bedrag in duizenden euro's zonder scheidingstekens, of laat de cel leeg",
                "stand.csv:6:14: 'ja' is geen true of false");
    }

    [Fact]
    public void Een_regel_twee_keer_voor_hetzelfde_jaar()
    {
        Weiger(Met((6, ",2017,,", ",2016,1443296,"))).Should().Equal(
            "stand.csv:6:11: regel 2 geeft dezelfde regel ('VI-2016-ontwerpbegroting uitgaven artikel 32 Rechtsbijstand en rechtspleging') al voor 2016: één rij per regel en jaar");
    }

    [Fact]
    public void Een_voorouder_die_geen_regel_is_en_een_omschrijving_met_het_scheidingsteken()
    {
        Weiger(Met((3, ",Apparaatsuitgaven,", ",Apparaatsuitgaven VI,"))).Should().Equal(
            "stand.csv:4:8: de voorouder 'Apparaatsuitgaven' in het pad 'Apparaatsuitgaven' staat niet als regel in het bestand (VI-2016-ontwerpbegroting uitgaven artikel 32, direct onder het artikel)");
        Weiger(Met((5, ",Programma-uitgaven,", ",Programma > uitgaven,"))).Should().Equal(
            "stand.csv:5:9: de omschrijving 'Programma > uitgaven' bevat ' > ', het scheidingsteken van het pad");
    }

    [Fact]
    public void Artikel_en_pad_waar_ze_niet_horen()
    {
        Weiger(Met((2, ",32,artikel,,", ",,artikel,,"), (7, ",uitgaven,,totaal,", ",uitgaven,31,totaal,"), (5, ",programma-apparaat,,", ",programma-apparaat,x,")))
            .Should().Equal(
                "stand.csv:2:6: het artikel ontbreekt (alleen een totaalregel heeft geen artikel)",
                "stand.csv:7:6: een totaalregel hoort bij geen artikel, maar noemt artikel '31'",
                "stand.csv:5:8: de voorouder 'x' in het pad 'x' staat niet als regel in het bestand (VI-2016-ontwerpbegroting uitgaven artikel 32, direct onder het artikel)");
    }

    [Fact]
    public void Wat_de_import_noemt_moet_kloppen()
    {
        Weiger(Met(), new Standverwachting("XX", 2016, Begrotingscodes.EersteSuppletoire)).Take(2).Should().Equal(
            "stand.csv:2:1: het hoofdstuk 'VI' verschilt van het hoofdstuk dat de import noemt ('XX')",
            "stand.csv:2:4: de fase 'ontwerpbegroting' verschilt van de fase die de import noemt ('1e-suppletoire')");
    }

    [Fact]
    public void Een_kop_zonder_verplichte_kolom()
    {
        Weiger(string.Join("\n", Klein.Select(r => string.Join(",", r.Split(',').Take(11)))) + "\n").Should().Equal(
            $"stand.csv:1:0: de kopregel mist de kolom 'bedrag' (verwacht: {string.Join(", ", StandenCsvLezer.Kolommen)})");
    }
}
