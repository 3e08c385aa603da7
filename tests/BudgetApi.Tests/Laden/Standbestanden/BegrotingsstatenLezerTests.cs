using System.Text.RegularExpressions;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>The Rijksbegrotingsstaten: one artikel line per non-blank stand cell, every doubtful row reported.</summary>
public sealed partial class BegrotingsstatenLezerTests
{
    private static Leesresultaat Sample => Opendata.StatenResultaat;

    [Fact]
    public void Het_sample_leest_zonder_problemen()
    {
        Sample.Problemen.Should().BeEmpty();
        Sample.Formaat.Should().Be("begrotingsstaten");
        Sample.Totalen.Should().BeEmpty("this format prints no totals");
        Sample.Regels.Should().OnlyContain(r => r.Pad.Count == 0 && r.Categorie == null && !r.IsTotaalregel && r.Bedragen.Count == 1);
        Sample.Regels.Should().OnlyContain(r => r.Bedragen.ContainsKey(r.Stand.Begrotingsjaar), "year t is the begrotingsjaar");
    }

    [Fact]
    public void Nationale_politie_2015_ontwerpbegroting_en_realisatie()
    {
        var owb = Sample.Regel("VI-2015-ontwerpbegroting", "uitgaven", 31);
        owb.Omschrijving.Should().Be("Nationale Politie");
        owb.Bedragen.Should().Equal(new Dictionary<int, long?> { [2015] = 5_132_936 });
        owb.Herkomst.Should().Be(new Vindplaats(Opendata.Begrotingsstaten, 1341));
        owb.HerkomstPerJaar![2015].Should().Be(new Vindplaats(Opendata.Begrotingsstaten, 1341, 7));

        var jv = Sample.Regel("VI-2015-jaarverslag", "uitgaven", 31);
        jv.Bedragen[2015].Should().Be(5_146_049, "the Realisatie column is the jaarverslag");
        jv.HerkomstPerJaar![2015].Kolom.Should().Be(11);

        Sample.Regel("VI-2015-1e-suppletoire", "uitgaven", 31).Bedragen[2015].Should().Be(5_150_343);
        Sample.Regel("VI-2015-2e-suppletoire", "uitgaven", 31).Bedragen[2015].Should().Be(5_150_542);
        Sample.Regel("VI-2015-vastgestelde-begroting", "verplichtingen", 31).Bedragen[2015].Should().Be(5_132_936);
    }

    [Fact]
    public void De_ontwerpbegroting_2016_van_VI_is_11_456_930()
    {
        var artikelen = Sample.Regels.Where(r => r.Stand.Id == "VI-2016-ontwerpbegroting" && r.Soort == Begrotingscodes.Uitgaven).ToList();
        artikelen.Select(r => r.Artikel).Should().Equal(31, 32, 33, 34, 36, 37, 91, 92, 93);
        artikelen.Sum(r => r.Bedragen[2016]!.Value).Should().Be(11_456_930);
    }

    [Fact]
    public void Een_lege_cel_is_een_stand_die_niet_bestaat()
    {
        // 2016 and 2017 have only their ontwerpbegroting filled: the other standen were not published yet.
        Sample.Standen.Where(s => s.Stand.Hoofdstuk == "VI").Select(s => s.Stand.Id).Order(StringComparer.Ordinal).Should().Equal(
            "VI-2013-1e-suppletoire", "VI-2013-2e-suppletoire", "VI-2013-jaarverslag", "VI-2013-ontwerpbegroting", "VI-2013-vastgestelde-begroting",
            "VI-2014-1e-suppletoire", "VI-2014-2e-suppletoire", "VI-2014-jaarverslag", "VI-2014-ontwerpbegroting", "VI-2014-vastgestelde-begroting",
            "VI-2015-1e-suppletoire", "VI-2015-2e-suppletoire", "VI-2015-jaarverslag", "VI-2015-ontwerpbegroting", "VI-2015-vastgestelde-begroting",
            "VI-2016-ontwerpbegroting", "VI-2017-ontwerpbegroting");
        Sample.Regels.Should().NotContain(r => r.Stand.Begrotingsjaar >= 2016 && r.Stand.Fase != Begrotingscodes.Ontwerpbegroting);
        Sample.Standen.Single(s => s.Stand.Id == "VI-2016-ontwerpbegroting").NaamZoalsGepubliceerd.Should().Be("Veiligheid en Justitie");
    }

    [Fact]
    public void Alleen_de_twee_twijfelachtige_gevallen_van_het_sample()
    {
        Sample.Bevindingen.Select(b => b.Id).Should().Equal(
            "herhaald-blok/begrotingsstaten-2013-2017.csv/J/2015/kopie-van-I",
            "code-past-niet-bij-naam/begrotingsstaten-2013-2017.csv/VI/2015/artikelen-van-VII");
    }

    [Fact]
    public void Deltafonds_2015_herhaalt_de_Koning_en_telt_niet()
    {
        var b = Sample.Bevindingen.Single(x => x.Soort == Bevindingsoorten.HerhaaldBlok);
        b.Ernst.Should().Be(Bevindingsoorten.Fout);
        (b.Hoofdstuk, b.Begrotingsjaar).Should().Be(("J", 2015));
        b.Uitleg.Should().Be("Regels 1316–1321 staan onder hoofdstuk J (Deltafonds), begrotingsjaar 2015, maar herhalen regels 1217–1218, regels 1220–1221, "
            + "regels 1223–1224 van hoofdstuk I: dezelfde artikelen, namen en bedragen in elke stand. De artikelen horen bij I (zo heten ze daar ook in de andere "
            + "jaren van het bestand), de code J past niet bij hun namen. Regel: de regels van I tellen; de kopie onder J wordt niet geladen, zodat het geld één keer telt.");
        b.Cijfers.Select(c => c.BronRegel).Distinct().Should().Equal(1316, 1317, 1318, 1319, 1320, 1321);
        var cijfer = b.Cijfers.First(c => c.BronRegel == 1317);
        (cijfer.Waarde, cijfer.ZoalsGedrukt, cijfer.Jaar, cijfer.Eenheid).Should().Be((7659m, "7659", 2015, "x € 1.000"));
        cijfer.Omschrijving.Should().Be("J uitgaven artikel 1 Uitkering leden Koninklijk Huis, ontwerpbegroting 2015");

        Sample.Regels.Should().NotContain(r => r.Stand.Hoofdstuk == "J" && r.Stand.Begrotingsjaar == 2015);
        Sample.Regel("I-2015-ontwerpbegroting", "uitgaven", 1).Bedragen[2015].Should().Be(7659, "the original counts, once");
    }

    [Fact]
    public void VI_2015_met_de_artikelen_van_Binnenlandse_Zaken_telt_niet()
    {
        var b = Sample.Bevindingen.Single(x => x.Soort == Bevindingsoorten.CodePastNietBijNaam);
        b.Ernst.Should().Be(Bevindingsoorten.Tegenstrijdig);
        b.Uitleg.Should().StartWith("Regels 1361–1376 staan onder hoofdstuk VI (Veiligheid en Justitie), begrotingsjaar 2015, met de artikelen 61 Openbaar bestuur en democratie, "
            + "62 Algemene Inlichtingen- en Veiligheidsdienst, 66 Dienstverlenende en innovatieve overheid, 67 Arbeidszaken overheid, 71 Centraal Apparaat, 72 Algemeen, "
            + "73 Nominaal en onvoorzien, 74 VUT-fonds. Die artikelen heeft VI in geen ander jaar van het bestand; met dit nummer en deze naam zijn ze van hoofdstuk VII");
        b.Cijfers.Should().HaveCount(16 * 5);
        var vut = b.Cijfers.Single(c => c.BronRegel == 1375 && c.Omschrijving.EndsWith("ontwerpbegroting 2015", StringComparison.Ordinal));
        vut.Waarde.Should().Be(715_800);

        Sample.Regels.Should().NotContain(r => r.Stand.Hoofdstuk == "VI" && r.Artikel > 37 && r.Artikel < 91);
        Sample.Regels.Count(r => r.Stand.Id == "VI-2015-ontwerpbegroting").Should().Be(30, "the ten VI artikelen × V, U, O");
    }

    // --- Other years' files: the same content in other wordings and notations reads the same ---

    /// <summary>
    /// VI and VII of 2014 (lines 848–901) and I, J and VI of 2015 (lines 1200–1400): the doubtful rows and what proves them.
    /// Sample line L ≥ 1200 is line L − 1144 of the extract; VI 2015 uitgaven artikel 31 (1341) is line 197.
    /// </summary>
    private static string Uittreksel => Opendata.Uittreksel(Opendata.Staten, (848, 901), (1200, 1400));

    private const int Politie = 197;

    private static readonly Lazy<List<string>> Origineel = new(() => Opendata.Vingerafdruk(Opendata.LeesStaten(Uittreksel)));

    [Fact]
    public void Het_uittreksel_leest_als_het_sample()
    {
        var r = Opendata.LeesStaten(Uittreksel);
        r.Problemen.Should().BeEmpty();
        r.Bevindingen.Select(b => b.Soort).Should().Equal(Bevindingsoorten.HerhaaldBlok, Bevindingsoorten.CodePastNietBijNaam);
        r.Regel("VI-2015-jaarverslag", "uitgaven", 31).Bedragen[2015].Should().Be(5_146_049);
    }

    [Fact]
    public void Andere_koppen_met_dezelfde_betekenis()
    {
        var kop = "Jaar,V/U/O,Hoofdstuk,Naam begroting,Artikel,Artikelomschrijving,Ontwerpbegroting,Vastgestelde begroting,Eerste suppletoire begroting,Tweede suppletoire begroting,Jaarverslag";
        var tekst = kop + Uittreksel[Uittreksel.IndexOf('\n', StringComparison.Ordinal)..];
        Opendata.Vingerafdruk(Opendata.LeesStaten(tekst)).Should().Equal(Origineel.Value);

        var anders = "BEGROTINGSJAAR , Uitgaven/Verplichtingen/Ontvangsten,begrotingsstaat,Begrotingsstaat omschrijving,ONDERDEEL,omschrijving,Ontwerp begroting,vastgestelde  begroting,1e suppletoire,2e suppletoire,Realisatie"
            + Uittreksel[Uittreksel.IndexOf('\n', StringComparison.Ordinal)..];
        Opendata.Vingerafdruk(Opendata.LeesStaten(anders)).Should().Equal(Origineel.Value);
    }

    [Fact]
    public void Crlf_lf_en_bom()
    {
        var lf = Uittreksel.Replace("\r", "", StringComparison.Ordinal);
        Opendata.Vingerafdruk(Opendata.LeesStaten(lf.Replace("\n", "\r\n", StringComparison.Ordinal))).Should().Equal(Origineel.Value);
        Opendata.Vingerafdruk(Opendata.LeesStaten("\uFEFF" + lf)).Should().Equal(Origineel.Value);
        Opendata.Staten.Should().Contain("\r\n", "the sample itself has CRLF line ends");
    }

    [Fact]
    public void Een_extra_lege_kolom_en_een_ontbrekende_laatste_kolom()
    {
        var extra = string.Join("\n", Opendata.Regels(Uittreksel).Select(r => r.Length == 0 ? r : r + ","));
        Opendata.Vingerafdruk(Opendata.LeesStaten(extra)).Should().Equal(Origineel.Value);

        // Without the Realisatie column the jaarverslag does not exist; everything else is the same.
        var zonder = string.Join("\n", Opendata.Regels(Uittreksel).Select(r => r.Length == 0 ? r : r[..r.LastIndexOf(',')]));
        Opendata.Vingerafdruk(Opendata.LeesStaten(zonder)).Should().Equal(Origineel.Value.Where(v => !v.Contains("-jaarverslag|", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nederlandse_duizendtallen()
    {
        var nl = Getal().Replace(Uittreksel, m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)
            .ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = "." }));
        nl.Should().Contain(",5.132.936,");
        Opendata.Vingerafdruk(Opendata.LeesStaten(nl)).Should().Equal(Origineel.Value);
    }

    [GeneratedRegex(@"(?<=,)-?\d{4,}(?=,|\r|\n|$)")]
    private static partial Regex Getal();

    [Fact]
    public void Een_slotwetkolom_maakt_slotwetstanden()
    {
        var regels = Opendata.Regels(Uittreksel);
        var tekst = string.Join("\n", regels.Select((r, i) => r.Length == 0 ? r : i == 0 ? r + ",Slotwet" : r + (r.Contains(",VI,", StringComparison.Ordinal) ? ",1" : ",")));
        var gelezen = Opendata.LeesStaten(tekst);
        gelezen.Problemen.Should().BeEmpty();
        gelezen.Standen.Where(s => s.Stand.Fase == Begrotingscodes.Slotwet).Select(s => s.Stand.Id).Should().Equal("VI-2014-slotwet", "VI-2015-slotwet");
    }

    // --- Refusals: every problem, with file, line and column; nothing usable ---

    private static Leesresultaat Weiger(string tekst, Standverwachting? verwachting = null)
    {
        var r = Opendata.LeesStaten(tekst, verwachting: verwachting);
        r.Gelukt.Should().BeFalse();
        r.Regels.Should().BeEmpty();
        r.Standen.Should().BeEmpty();
        r.Totalen.Should().BeEmpty();
        r.Bevindingen.Should().BeEmpty();
        return r;
    }

    private static string Vervang(string tekst, int regel, string oud, string nieuw)
    {
        var regels = Opendata.Regels(tekst);
        regels[regel - 1].Should().Contain(oud);
        regels[regel - 1] = regels[regel - 1].Replace(oud, nieuw, StringComparison.Ordinal);
        return string.Join("\n", regels);
    }

    [Fact]
    public void Een_onbekende_kop_wordt_niet_gelezen_met_een_bevinding()
    {
        // Issue 14 §1: a column no meaning fits is ignored with one file-level finding; the rest reads as before.
        var r = Opendata.LeesStaten(Vervang(Uittreksel, 1, "Realisatie", "Toelichting"));
        r.Problemen.Should().BeEmpty();
        r.Regels.Should().NotContain(x => x.Stand.Fase == Begrotingscodes.Jaarverslag);
        r.Bevindingen.Where(b => b.Soort == Bevindingsoorten.OnbekendeKolom).Should().ContainSingle()
            .Which.Uitleg.Should().Contain("Kolom 11 ('Toelichting')");
        r.Indeling!.Genegeerd.Should().ContainSingle().Which.Should().Be(new Kolombeschrijving(11, "Toelichting", "onbekend"));
    }

    [Fact]
    public void Een_kop_zonder_artikel_noemt_wat_elke_kolom_is_en_wat_ontbreekt()
    {
        var problemen = Weiger(Vervang(Uittreksel, 1, ",Onderdeel,", ",Nummer,")).Problemen.Select(p => p.ToString()).ToList();
        problemen.Should().ContainSingle().Which.Should().StartWith("staten.csv:1:0: de kopregel mist voor de begrotingsstaten de kolom met artikel. Herkend: ")
            .And.Contain("kolom 1 'Begrotingsjaar' = begrotingsjaar")
            .And.Contain("kolom 3 'Begrotingsstaat' = hoofdstuk")
            .And.Contain("kolom 5 'Nummer' = onbekend")
            .And.Contain("kolom 11 'Realisatie' = stand jaarverslag");
    }

    [Fact]
    public void Elk_probleem_met_regel_en_kolom_niet_alleen_het_eerste()
    {
        var tekst = Vervang(Uittreksel, Politie, "5132936,5132936,5150343", "5132936.5,5132936,5150343");
        tekst = Vervang(tekst, Politie + 1, "2015,V,VI", "2015,X,VI");
        tekst = Vervang(tekst, Politie + 2, ",32,Rechtspleging", ",,Rechtspleging");
        tekst = Vervang(tekst, Politie + 3, "2015,U,VI,Veiligheid en Justitie", "2015,U,,Veiligheid en Justitie");
        // A decimal is no refusal any more (issue 14 §3): it is rounded, with a finding; the other three still refuse.
        Weiger(tekst).Problemen.Select(p => p.ToString()).Should().Equal(
            "staten.csv:198:2: 'X' is geen V/U/O-code (V, U of O)",
            "staten.csv:199:5: het artikel (onderdeel) ontbreekt in een rij met bedragen",
            "staten.csv:200:3: het hoofdstuk (begrotingsstaat) ontbreekt in een rij met bedragen");
    }

    [Theory]
    [InlineData("5132936.5", 5_132_937L)]
    [InlineData("5132936.4999", 5_132_936L)]
    [InlineData("-7.3E-12", 0L)]
    [InlineData("\"5,132,936.7449\"", 5_132_937L)]
    public void Een_decimaal_of_rekenbladruis_wordt_afgerond_met_een_bevinding_die_de_cel_noemt(string cel, long verwacht)
    {
        var r = Opendata.LeesStaten(Vervang(Uittreksel, Politie, "5132936,5132936,5150343", $"{cel},5132936,5150343"));
        r.Problemen.Should().BeEmpty();
        r.Regel("VI-2015-ontwerpbegroting", "uitgaven", 31).Bedragen[2015].Should().Be(verwacht);
        var bevinding = r.Bevindingen.Should().ContainSingle(b => b.Soort == Bevindingsoorten.AfgerondBedrag).Subject;
        bevinding.Uitleg.Should().Contain($"Regel {Politie}, kolom 7 ('ontwerpbegroting')").And.Contain(cel.Trim('"'));
        bevinding.Fase.Should().Be(Begrotingscodes.Ontwerpbegroting);
    }

    [Fact]
    public void Tekst_in_een_bedragcel_houdt_de_regel_zonder_dat_bedrag()
    {
        var r = Opendata.LeesStaten(Vervang(Uittreksel, Politie, "5132936,5132936,5150343", "pm,5132936,5150343"));
        r.Problemen.Should().BeEmpty();
        r.Regel("VI-2015-ontwerpbegroting", "uitgaven", 31).Bedragen[2015].Should().BeNull("text is no amount, and never 0");
        r.Regel("VI-2015-vastgestelde-begroting", "uitgaven", 31).Bedragen[2015].Should().Be(5_132_936);
        r.Bevindingen.Should().ContainSingle(b => b.Soort == Bevindingsoorten.GeenBedrag).Which.Uitleg.Should().Contain("'pm'");
    }

    [Fact]
    public void Een_vuo_code_met_losse_spaties_is_goed_een_andere_niet()
    {
        Opendata.LeesStaten(Vervang(Uittreksel, Politie, "2015,U,VI", "2015, U ,VI")).Regel("VI-2015-ontwerpbegroting", "uitgaven", 31).Bedragen[2015].Should().Be(5_132_936);
        Weiger(Vervang(Uittreksel, Politie, "2015,U,VI", "2015,u,VI")).Problemen.Select(p => p.ToString()).Should().Equal("staten.csv:197:2: 'u' is geen V/U/O-code (V, U of O)");
    }

    // --- What an import names ---

    [Fact]
    public void De_verwachting_kiest_de_stand_uit_het_bestand()
    {
        var r = Opendata.LeesStaten(Uittreksel, verwachting: new Standverwachting("VI", 2015, Begrotingscodes.Jaarverslag));
        r.Problemen.Should().BeEmpty();
        r.Standen.Select(s => s.Stand.Id).Should().Equal("VI-2015-jaarverslag");
        r.Regel("VI-2015-jaarverslag", "uitgaven", 31).Bedragen[2015].Should().Be(5_146_049);
    }

    [Fact]
    public void Een_fase_die_het_bestand_niet_heeft_is_een_weigering()
    {
        Weiger(Uittreksel, new Standverwachting("VI", 2015, Begrotingscodes.Slotwet)).Problemen.Select(p => p.ToString()).Should().Equal(
            "staten.csv:1:0: het bestand heeft geen kolom voor de fase 'slotwet' die de import noemt (kolommen: 'ontwerpbegroting', 'vastgestelde begroting', '1ste suppletoire begroting', '2de suppletoire begroting', 'Realisatie')");
    }

    // --- Constructed: the cases the sample does not hold ---

    [Fact]
    public void Een_herhaalde_kopregel_een_lege_regel_en_een_dubbele_rij()
    {
        var regels = Opendata.Regels(Uittreksel).Where(r => r.Length > 0).Select(r => r.TrimEnd('\r')).ToList();
        var tekst = string.Join("\n", regels.Take(Politie).Append(regels[0]).Append("").Append(",,,,,,,,,,").Append(regels[Politie - 1])
            .Append(regels[Politie - 1].Replace("5132936,5132936", "5132937,5132936", StringComparison.Ordinal)).Concat(regels.Skip(Politie)));
        var r = Opendata.LeesStaten(tekst);
        r.Problemen.Should().BeEmpty();
        r.Bevindingen.Select(b => b.Id).Should().Equal(
            "herhaalde-kopregel/staten.csv/198",
            "lege-regel/staten.csv/199-200",
            "herhaald-blok/staten.csv/VI/2015/uitgaven/artikel-31/201",
            "tegenstrijdigheid/staten.csv/VI/2015/uitgaven/artikel-31/202",
            "herhaald-blok/staten.csv/J/2015/kopie-van-I",
            "code-past-niet-bij-naam/staten.csv/VI/2015/artikelen-van-VII");
        r.Bevindingen[3].Uitleg.Should().Be("Regel 202 geeft VI 2015 uitgaven artikel 31 Nationale Politie opnieuw, met andere bedragen dan regel 197. "
            + "Regel: de eerste regel telt; de tweede wordt niet geladen, zodat geen geld dubbel telt.");
        r.Regel("VI-2015-ontwerpbegroting", "uitgaven", 31).Bedragen[2015].Should().Be(5_132_936, "the first row counts, once");
    }
}
