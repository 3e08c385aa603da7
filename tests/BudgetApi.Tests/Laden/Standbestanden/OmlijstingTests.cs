using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// Files as spreadsheets export them (issue 14, beyond the samples): a title and a "Bedragen x € 1.000" line above the header, a
/// source line and a footnote below the data, empty trailing lines and trailing separators. The header is found by what its columns
/// mean, not by being line 1; every layout gives the figures it gives without them, and each extra line is a finding.
/// </summary>
public sealed class OmlijstingTests
{
    private static string Scheiding(string tekst) => Csvbestand.Scheidingsteken(tekst).ToString();

    /// <summary>The fixture with lines above and below it, written with the file's own separator and line ends.</summary>
    private static string Omlijst(string tekst, bool komma)
    {
        var s = Scheiding(tekst);
        var eol = tekst.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var bom = tekst.StartsWith('\uFEFF') ? "\uFEFF" : "";
        var kern = tekst.TrimStart('\uFEFF').TrimEnd('\r', '\n');
        var breedte = Csvbestand.Kopregel(kern).Count;
        // A title with a comma in it (quoted where the comma separates), the unit line with trailing separators, an empty line.
        var titel = komma && s == "," ? "\"Rijksbegroting, budgettaire tabellen\"" : "Rijksbegroting, budgettaire tabellen";
        return bom + titel + eol
            + "Bedragen x € 1.000" + string.Concat(Enumerable.Repeat(s, breedte - 1)) + eol
            + eol
            + kern + eol
            + eol
            + (s == "," ? "\"Bron: Ministerie van Financiën, open data\"" : "Bron: Ministerie van Financiën, open data") + eol
            + string.Concat(Enumerable.Repeat(s, 3)) + "* voorlopige cijfers" + eol
            + eol + eol;
    }

    [Theory]
    [MemberData(nameof(LagenTests.Bestanden), MemberType = typeof(LagenTests))]
    public void Een_titel_boven_en_een_voetnoot_onder_de_tabel_veranderen_geen_cijfer(string bestand)
    {
        var bytes = File.ReadAllBytes(LagenTests.Pad(bestand));
        var zonder = Standlezers.Lees(bestand, bytes);
        var tekst = Tekstcodering.Lees(bestand, bytes).Tekst!;
        foreach (var komma in new[] { false, true })
        {
            var met = Standlezers.Lees(bestand, Omlijst(tekst, komma));
            met.Problemen.Should().BeEmpty();
            LagenTests.Cijfers(met).Should().BeEquivalentTo(LagenTests.Cijfers(zonder));
            met.Regels.Select(r => (r.Stand.Id, r.Soort, r.Artikel, string.Join(" > ", r.Pad.Select(p => p.Omschrijving)), r.Bedragen.GetValueOrDefault(r.Stand.Begrotingsjaar)))
                .Should().BeEquivalentTo(zonder.Regels.Select(r => (r.Stand.Id, r.Soort, r.Artikel, string.Join(" > ", r.Pad.Select(p => p.Omschrijving)), r.Bedragen.GetValueOrDefault(r.Stand.Begrotingsjaar))));
            met.Indeling!.Indeling.Should().Be(zonder.Indeling!.Indeling);
            // The two lines above the header and the two notes below the data, each a finding with its line; the figures' lines moved by 3.
            var nieuw = met.Bevindingen.Where(b => b.Soort == Bevindingsoorten.LosseCel).Select(b => b.Cijfers.Single().BronRegel).ToList();
            var regels = tekst.TrimEnd('\r', '\n').Split('\n').Length;
            nieuw.Should().Contain([1, 2, regels + 5, regels + 6]);
            met.Regels.Select(r => r.Herkomst.Regel).Should().Equal(zonder.Regels.Select(r => r.Herkomst.Regel + 3));
        }
    }

    [Fact]
    public void Zonder_herkenbare_kopregel_in_de_eerste_regels_wordt_het_bestand_geweigerd_met_wat_herkend_is()
    {
        var titel = string.Concat(Enumerable.Repeat("Toelichting bij de tabel\n", Standlezers.MaxVoorregels + 1));
        var tekst = titel + File.ReadAllText(LagenTests.Pad("budgettaire-tabellen-2019-bedrag-t.csv"));
        var r = Standlezers.Lees("x.csv", tekst);
        r.Problemen.Should().ContainSingle().Which.Melding.Should().StartWith("de kopregel is van geen bekend formaat. Herkend: kolom 1 'Toelichting bij de tabel'");
    }

    [Fact]
    public void Koppen_en_IBOS_nummers_zoals_gepubliceerde_bestanden_ze_schrijven()
    {
        // A plain "Totaal" header, "StandSBSupp" for the september suppletoire, no part columns: the IBOS number places the parts,
        // after the artikel (jaar.hoofdstuk.artikel.onderdeel.instrument.detail), the hoofdstuk in Arabic digits.
        const string tekst = "IBOSnummer;Begrotingsjaar;VUO;Totaal;Hoofdstuknummer;Hoofdstuknaam;Artikelnummer;Artikelnaam;StandOWB;StandSBSupp\n"
            + "2025.6.31.0.0.0;2025;U;J;6;Justitie en Veiligheid;31;Politie;700;710\n"
            + "2025.6.31.1.0.0;2025;U;J;6;Justitie en Veiligheid;31;Politie;700;710\n"
            + "2025.6.31.1.2.0;2025;U;J;6;Justitie en Veiligheid;31;Politie;700;710\n"
            + "2025.6.31.1.2.1;2025;U;N;6;Justitie en Veiligheid;31;Politie;600;605\n"
            + "2025.6.31.1.2.4;2025;U;N;6;Justitie en Veiligheid;31;Politie;100;105\n";
        var r = Standlezers.Lees("Budgettaire_Tabellen_2025_SBS_incl.csv", tekst);
        r.Problemen.Should().BeEmpty();
        r.Indeling!.Kolommen.Should().Contain([new Kolombeschrijving(4, "Totaal", "totaalregel (J/N)"), new Kolombeschrijving(10, "StandSBSupp", "stand september-suppletoire")]);
        r.Regels.Where(x => x.Stand.Fase == Begrotingscodes.SeptemberSuppletoire)
            .ToDictionary(x => string.Join(" > ", x.Pad.Select(p => $"{p.Niveau}:{p.Omschrijving}")), x => x.Bedragen[2025])
            .Should().BeEquivalentTo(new Dictionary<string, long?>
            {
                [""] = 710,
                ["artikelonderdeel:1"] = 710,
                ["artikelonderdeel:1 > financieel-instrument:2"] = 710,
                ["artikelonderdeel:1 > financieel-instrument:2 > uitsplitsing:1"] = 605,
                ["artikelonderdeel:1 > financieel-instrument:2 > uitsplitsing:4"] = 105,
            });
    }

    [Theory]
    [InlineData("Titel\nJaar;Begrotingsnummer;Fase;Artikelnummer;VUO;Bedrag t\n2019;VI;OWB;31;U;1.000\n", ';')]
    [InlineData("Titel, met komma\nJaar;Begrotingsnummer;Fase;Artikelnummer;VUO;Bedrag t\n2019;VI;OWB;31;U;1.000\n", ';')]
    [InlineData("Titel; met puntkomma\nJaar,Begrotingsnummer,Fase,Artikelnummer,VUO,Bedrag t\n2019,VI,OWB,31,U,\"1,000\"\n", ',')]
    public void Het_scheidingsteken_komt_van_de_breedste_regel_niet_van_de_titel(string tekst, char verwacht) =>
        Csvbestand.Scheidingsteken(tekst).Should().Be(verwacht);
}
