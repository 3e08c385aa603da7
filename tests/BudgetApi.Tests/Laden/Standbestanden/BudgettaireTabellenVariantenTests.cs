using System.Text.RegularExpressions;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// Files of other years word their headers differently, have more or fewer columns and other notations: built here from
/// the VI block of the sample (lines 306–625, so sample line L is line L − 304 of the extract), they read the same.
/// What cannot be read is refused whole, every problem named with file, line and column.
/// </summary>
public sealed partial class BudgettaireTabellenVariantenTests
{
    private static readonly Lazy<Leesresultaat> Origineel = new(() => Opendata.LeesTabellen(Opendata.TabellenVi));

    private static List<string> Vingerafdruk => Opendata.Vingerafdruk(Origineel.Value);

    private static string[] Regels => Opendata.Regels(Opendata.TabellenVi);

    private static string MetKop(string kop) => string.Join("\n", Regels.Skip(1).Prepend(kop));

    private static string Vervang(string tekst, int regel, string oud, string nieuw)
    {
        var regels = Opendata.Regels(tekst);
        regels[regel - 1].Should().Contain(oud);
        regels[regel - 1] = regels[regel - 1].Replace(oud, nieuw, StringComparison.Ordinal);
        return string.Join("\n", regels);
    }

    [Fact]
    public void Het_uittreksel_van_VI_leest_als_VI_in_het_sample()
    {
        var r = Origineel.Value;
        r.Problemen.Should().BeEmpty();
        r.Regels.Should().HaveCount(Opendata.TabellenResultaat.Regels.Count(x => x.Stand.Hoofdstuk == "VI"));
        r.Regels.Where(x => x.Soort == "uitgaven" && x.Pad.Count == 0).Sum(x => x.Bedragen[2016]).Should().Be(11_456_930);
        r.Regel("VI-2016-ontwerpbegroting", "uitgaven", 31).Herkomst.Should().Be(new Vindplaats("vi.csv", 6));
    }

    [Fact]
    public void Andere_bewoordingen_van_de_koppen()
    {
        const string kop = "Jaar,Hoofdstuk,Minister,Begrotingsnaam,Type begroting,Fase,Artikelnummer,Percentage juridisch verplicht,Artikelomschrijving,Soort artikel,"
            + "Grote uitvoerende dienst,Programma/Apparaat,V/U/O,Totaalregel (J/N),Nr. onderverdeling,Clustering,Financieel instrument,Uitsplitsing,Nadere omschrijving,"
            + "Bedrag t - 2,Bedrag t - 1,Bedrag t,Bedrag t + 1,Bedrag t + 2,Bedrag t + 3,Bedrag t + 4,,";
        Opendata.Vingerafdruk(Opendata.LeesTabellen(MetKop(kop))).Should().Equal(Vingerafdruk);

        const string jaren = "BEGROTINGSJAAR,Begrotingshoofdstuk,Verantwoordelijk minister,Naam begroting,Type Begroting (K/KB/B/F),Begrotingsfase (OWB/VB/1SUP/2SUP/JV/SW),"
            + "Artikel nr,% juridisch verplicht,Omschrijving artikel,Type artikel,Indicatie grote uitvoerende dienst,Programma of apparaat,"
            + "V/U/O,Indicatie totaalregel,Nummer onderverdeling,Beleidsmatige clustering (artikelonderdeel),Financieel instrument / apparaat,Uitsplitsing fin. instrument,"
            + "Nadere omschrijving,Bedrag 2014,Bedrag 2015,Bedrag 2016,Bedrag 2017,Bedrag 2018,Bedrag 2019,Bedrag 2020,,";
        Opendata.Vingerafdruk(Opendata.LeesTabellen(MetKop(jaren))).Should().Equal(Vingerafdruk);
    }

    [Fact]
    public void Een_extra_of_ontbrekende_laatste_kolom()
    {
        var zonderLege = string.Join("\n", Regels.Select(r => r.EndsWith(",,", StringComparison.Ordinal) ? r[..^2] : r));
        Opendata.Vingerafdruk(Opendata.LeesTabellen(zonderLege)).Should().Equal(Vingerafdruk);

        var extra = string.Join("\n", Regels.Select(r => r.Length == 0 ? r : r + ","));
        Opendata.Vingerafdruk(Opendata.LeesTabellen(extra)).Should().Equal(Vingerafdruk);

        // Without "Bedrag t+4" the lines have the years 2014–2019; nothing else changes.
        var zonderT4 = ZonderKolommen(Opendata.TabellenVi, 25, 26, 27);
        var gelezen = Opendata.LeesTabellen(zonderT4);
        gelezen.Problemen.Should().BeEmpty();
        gelezen.Regels.Should().OnlyContain(x => x.Bedragen.Count == 6 && !x.Bedragen.ContainsKey(2020));
        Opendata.Vingerafdruk(gelezen).Should().Equal(Vingerafdruk.Select(v => Regex.Replace(v, ";2020=-?\\d*$", "")));
    }

    /// <summary>The text without the given 0-based columns, written back as RFC 4180.</summary>
    private static string ZonderKolommen(string tekst, params int[] weg)
    {
        var (rijen, _) = Csvbestand.Lees("t.csv", new StringReader(tekst));
        static string Veld(string v) => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal) ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
        return string.Join("\n", rijen.Select(r => string.Join(",", r.Velden.Where((_, i) => !weg.Contains(i)).Select(Veld)))) + "\n";
    }

    [Fact]
    public void Nederlandse_duizendtallen()
    {
        var nl = KommaGroepen().Replace(Opendata.TabellenVi, m => m.Groups[1].Value.Replace(',', '.'));
        nl.Should().Contain(",12.372.721,").And.NotContain("\"12,372,721\"");
        Opendata.Vingerafdruk(Opendata.LeesTabellen(nl)).Should().Equal(Vingerafdruk);
    }

    [GeneratedRegex(@"""(-?\d{1,3}(?:,\d{3})+)""")]
    private static partial Regex KommaGroepen();

    [Fact]
    public void Crlf_en_bom()
    {
        Opendata.Vingerafdruk(Opendata.LeesTabellen(Opendata.TabellenVi.Replace("\n", "\r\n", StringComparison.Ordinal))).Should().Equal(Vingerafdruk);
        Opendata.Vingerafdruk(Opendata.LeesTabellen("\uFEFF" + Opendata.TabellenVi)).Should().Equal(Vingerafdruk);
    }

    [Fact]
    public void Een_herhaalde_kopregel_wordt_gemeld_en_overgeslagen()
    {
        var tekst = string.Join("\n", Regels.Take(30).Append(Regels[0]).Concat(Regels.Skip(30)));
        var r = Opendata.LeesTabellen(tekst);
        r.Problemen.Should().BeEmpty();
        var b = r.Bevindingen.Single(x => x.Soort == Bevindingsoorten.HerhaaldeKopregel);
        b.Id.Should().Be("herhaalde-kopregel/vi.csv/31");
        b.Uitleg.Should().Be("Regel 31 is een kopregel midden in de gegevens (zoals regel 1): bladen zijn aan elkaar geplakt. "
            + "Regel: de herhaalde kopregel wordt overgeslagen; de kolommen blijven die van regel 1.");
        r.Regels.Where(x => x.Soort == "uitgaven" && x.Pad.Count == 0).Sum(x => x.Bedragen[2016]).Should().Be(11_456_930);
    }

    // --- Refusals ---

    private static IEnumerable<string> Weiger(string tekst, Standverwachting? verwachting = null)
    {
        var r = Opendata.LeesTabellen(tekst, verwachting: verwachting);
        r.Gelukt.Should().BeFalse();
        r.Regels.Should().BeEmpty();
        r.Totalen.Should().BeEmpty();
        r.Standen.Should().BeEmpty();
        r.Bevindingen.Should().BeEmpty();
        return r.Problemen.Select(p => p.ToString());
    }

    [Fact]
    public void Een_onbekende_kolom_wordt_overgeslagen_en_een_onbekende_kop_naar_de_inhoud_herkend()
    {
        // Issue 14 §1: an unknown column is ignored with one finding; a V/U/O column under another name is known by its values.
        var kop = Regels[0][..^2] + ",Opmerking,";
        var metOpmerking = Opendata.LeesTabellen(MetKop(kop));
        metOpmerking.Problemen.Should().BeEmpty();
        Opendata.Vingerafdruk(metOpmerking).Should().Equal(Vingerafdruk);
        metOpmerking.Bevindingen.Where(b => b.Soort == Bevindingsoorten.OnbekendeKolom).Should().ContainSingle()
            .Which.Uitleg.Should().Contain("Kolom 27 ('Opmerking')");

        var zonderVuo = Regels[0].Replace("V/U/O (Verplichtingen/Uitgaven/Ontvangsten)", "Soort regel", StringComparison.Ordinal);
        var naarInhoud = Opendata.LeesTabellen(MetKop(zonderVuo));
        naarInhoud.Problemen.Should().BeEmpty();
        Opendata.Vingerafdruk(naarInhoud).Should().Equal(Vingerafdruk);
        naarInhoud.Indeling!.Kolommen.Should().Contain(new Kolombeschrijving(13, "Soort regel", "V/U/O (naar de inhoud)"));
    }

    [Fact]
    public void Een_kop_zonder_totaalregel_noemt_wat_er_wel_is()
    {
        var zonder = Regels[0].Replace("Indicatie totaal regel J/N", "Opmerking", StringComparison.Ordinal);
        var tekst = string.Join("\n", Regels.Skip(1).Select(r => r.Replace(",J,", ",x,", StringComparison.Ordinal).Replace(",N,", ",y,", StringComparison.Ordinal)).Prepend(zonder));
        var problemen = Weiger(tekst).ToList();
        problemen.Should().ContainSingle().Which.Should().StartWith("vi.csv:1:0: de kopregel mist voor de budgettaire tabellen de kolom met totaalregel (J/N). Herkend: ")
            .And.Contain("kolom 14 'Opmerking' = onbekend").And.Contain("kolom 13 'V/U/O (Verplichtingen/Uitgaven/Ontvangsten)' = V/U/O");
    }

    [Fact]
    public void Elk_probleem_met_bestand_regel_en_kolom()
    {
        var tekst = Vervang(Opendata.TabellenVi, 6, "\"5,199,190\"", "\"5.199.190\"");       // sample 310: a dot in a comma file
        tekst = Vervang(tekst, 7, ",Programma,U,J,31.2", ",Programma,X,J,31.2");                // sample 311
        tekst = Vervang(tekst, 8, "2016,VI,G.A. van der Steur,Veiligheid en Justitie,B,OWB,", "2016,VI,G.A. van der Steur,Veiligheid en Justitie,B,VB,");
        tekst = Vervang(tekst, 9, "2016,VI,G.A.", "2016,,G.A.");                               // sample 313: figures without hoofdstuk
        tekst = Vervang(tekst, 10, ",OWB,31,,Nationale Politie", ",OWB,,,Nationale Politie");  // sample 314: a part without artikel
        tekst = Vervang(tekst, 11, ",OWB,", ",XYZ,");
        tekst = Vervang(tekst, 12, "\"20,888\"", "\"99.01%\"");
        // Text in an amount cell is no refusal (issue 14 §3): '5.199.190' and '99.01%' keep their line without that amount, with a finding.
        Weiger(tekst).Should().Equal(
            "vi.csv:7:13: 'X' is geen V/U/O-code (V, U of O)",
            "vi.csv:8:6: de fase 'VB' (vastgestelde begroting) verschilt van die van het bestand ('OWB' op regel 2): één bestand is één stand",
            "vi.csv:9:2: het hoofdstuk ontbreekt in een rij met bedragen",
            "vi.csv:10:7: het artikel ontbreekt in een rij met bedragen onder een artikel (een hoofdstukregel heeft geen omschrijving eronder)",
            "vi.csv:11:6: 'XYZ' is geen fase; bekende codes (data/fasen.csv): OWB, OW, VB, O1, 1SUP, 1SUPP, I1, 1stesup, SBS, SBSupp, O2, 2SUP, 2SUPP, I2, 2desup, JV, SW");
    }

    [Fact]
    public void Een_fase_of_jaar_anders_dan_de_import_noemt()
    {
        var fase = Weiger(Opendata.TabellenVi, new Standverwachting("VI", 2016, Begrotingscodes.EersteSuppletoire)).ToList();
        fase.Should().HaveCount(320, "every row of the file names OWB");
        fase[0].Should().Be("vi.csv:2:6: de fase 'OWB' (ontwerpbegroting) verschilt van de fase die de import noemt (1e suppletoire)");

        var jaar = Weiger(Opendata.TabellenVi, new Standverwachting("VI", 2015, Begrotingscodes.Ontwerpbegroting)).ToList();
        jaar.Should().HaveCount(320);
        jaar[0].Should().Be("vi.csv:2:1: het begrotingsjaar 2016 verschilt van het begrotingsjaar dat de import noemt (2015)");
    }

    [Fact]
    public void De_import_kiest_het_hoofdstuk_uit_een_bestand_met_alle_hoofdstukken()
    {
        var tekst = Opendata.Uittreksel(Opendata.Tabellen, (300, 640));
        var r = Opendata.LeesTabellen(tekst, verwachting: new Standverwachting("VI", 2016, Begrotingscodes.Ontwerpbegroting));
        r.Problemen.Should().BeEmpty();
        r.Standen.Select(s => s.Stand.Id).Should().Equal("VI-2016-ontwerpbegroting");
        r.Regels.Should().OnlyContain(x => x.Stand.Hoofdstuk == "VI");
        r.Bevindingen.Should().OnlyContain(b => b.Hoofdstuk == null || b.Hoofdstuk == "VI");
    }

    [Fact]
    public void Een_leeg_bestand_en_een_bestand_met_alleen_een_kop()
    {
        Weiger("").Should().Equal("vi.csv:1:0: het bestand is leeg: geen kopregel");
        var alleenKop = Opendata.LeesTabellen(Regels[0] + "\n");
        alleenKop.Problemen.Should().BeEmpty();
        alleenKop.Regels.Should().BeEmpty();
    }
}
