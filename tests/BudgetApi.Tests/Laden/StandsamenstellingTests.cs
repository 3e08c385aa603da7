using BudgetApi.Domein;
using BudgetApi.Laden;

namespace BudgetApi.Tests.Laden;

/// <summary>
/// Two publications of one stand become one stand (docs/standen.md, "Publications that overlap"): artikelen matched by number, else
/// by name and amount; what cannot be matched is a finding and never a second artikel; parts of two publications never side by side.
/// </summary>
public sealed class StandsamenstellingTests
{
    private static readonly Standsleutel Stand = new("V", 2016, "ontwerpbegroting");

    private static Standregel Regel(string bestand, int regel, int artikel, string naam, long? bedrag, string soort = "uitgaven", params string[] pad) => new()
    {
        Stand = Stand,
        Soort = soort,
        Artikel = artikel,
        Pad = pad.Select(p => new Padstap("artikelonderdeel", p)).ToList(),
        Omschrijving = pad.Length == 0 ? naam : pad[^1],
        Bedragen = new Dictionary<int, long?> { [2016] = bedrag },
        Herkomst = new Vindplaats(bestand, regel),
    };

    private static Bijdrage Publicatie(string naam, string formaat, int volgorde, params Standregel[] regels) =>
        new(new Bronbestand(naam, formaat, "sha", volgorde), new Leesresultaat(formaat, [new Standkop(Stand, "Buitenlandse Zaken")], regels, [], [], []));

    private static Bijdrage Tabellen(params Standregel[] regels) => Publicatie("bt.csv", "budgettaire-tabellen", 2, regels);

    private static Bijdrage Staten(params Standregel[] regels) => Publicatie("bs.csv", "begrotingsstaten", 1, regels);

    private static long Totaal(SamengesteldeStand stand) => stand.Regels.Where(r => r.Diepte == 0).Sum(r => r.Bedragen[2016].Bedrag ?? 0);

    [Fact]
    public void Artikelen_met_andere_nummers_worden_op_naam_en_bedrag_gekoppeld_en_tellen_een_keer()
    {
        var (standen, bevindingen) = Standsamenstelling.Stel([
            Staten(Regel("bs.csv", 10, 41, "Internationale rechtsorde en eerbiediging mensenrechten", 113_591),
                   Regel("bs.csv", 11, 44, "Consulaire belangenbehartiging", 52_703),
                   Regel("bs.csv", 12, 47, "Apparaat", 704_257),
                   Regel("bs.csv", 13, 41, "Internationale rechtsorde en eerbiediging mensenrechten", 0, "ontvangsten")),
            Tabellen(Regel("bt.csv", 2, 1, "Versterkte internationale rechtsorde en eerbiediging van mensenrechten", 113_591),
                     Regel("bt.csv", 3, 4, "Consulaire belangenbehartiging en het internationaal opereren", 52_703),
                     Regel("bt.csv", 4, 7, "Apparaat", 704_257),
                     Regel("bt.csv", 5, 7, "Apparaat", 600_000, "uitgaven", "Personeel")),
        ]);

        var stand = standen.Single();
        stand.Regels.Where(r => r.Diepte == 0).Select(r => (r.Regel.Soort, r.Regel.Artikel)).Should().BeEquivalentTo(
            [("uitgaven", 1), ("uitgaven", 4), ("uitgaven", 7), ("ontvangsten", 1)], "the leading publication's numbers; the begrotingsstaten' ontvangsten of 41 are artikel 1's");
        Totaal(stand).Should().Be(113_591 + 52_703 + 704_257);
        stand.Regels.Single(r => r.Diepte == 1).Ouder!.Regel.Artikel.Should().Be(7, "the part hangs under its artikel");
        bevindingen.Should().BeEmpty();
    }

    [Fact]
    public void Een_artikel_dat_niet_te_koppelen_is_is_een_bevinding_en_geen_tweede_artikel()
    {
        var (standen, bevindingen) = Standsamenstelling.Stel([
            Staten(Regel("bs.csv", 10, 41, "Internationale rechtsorde", 113_591),
                   Regel("bs.csv", 11, 45, "Geheim", 5_000)),
            Tabellen(Regel("bt.csv", 2, 1, "Internationale rechtsorde", 113_591),
                     Regel("bt.csv", 3, 5, "Ontwikkelingssamenwerking", 7_000)),
        ]);

        var stand = standen.Single();
        stand.Regels.Select(r => r.Regel.Artikel).Should().Equal([1, 5], "45 matches nothing, while 5 has no counterpart by number, name or amount: 45 is not loaded");
        Totaal(stand).Should().Be(113_591 + 7_000);
        var bevinding = bevindingen.Single();
        (bevinding.Id, bevinding.Soort, bevinding.Ernst).Should().Be(("bronnen-verschillen/V-2016-ontwerpbegroting/ongekoppeld/bs.csv/45", "bronnen-verschillen", "tegenstrijdig"));
        bevinding.Cijfers.Select(c => (c.Waarde, c.BronBestand, c.BronRegel)).Should().Equal((5_000m, "bs.csv", 11), (7_000m, "bt.csv", 3));
        bevinding.Uitleg.Should().Contain("Artikel 45 (Geheim) van bs.csv (regel 11)").And.Contain("artikel 5");
    }

    [Fact]
    public void Een_artikel_dat_alleen_een_publicatie_geeft_komt_erbij_en_een_dubbelzinnige_koppeling_is_geen_koppeling()
    {
        var (standen, bevindingen) = Standsamenstelling.Stel([
            Staten(Regel("bs.csv", 10, 61, "Algemeen", 1_206),
                   Regel("bs.csv", 11, 62, "Algemeen", 1_206),
                   Regel("bs.csv", 12, 63, "Nieuw beleid", 10, "ontvangsten")),
            Tabellen(Regel("bt.csv", 2, 12, "Algemeen", 1_206)),
        ]);

        var stand = standen.Single();
        stand.Regels.Select(r => r.Regel.Artikel).Should().BeEquivalentTo([12, 63],
            "63 has no artikel of the stand it could be (none prints ontvangsten); 61 and 62 fit 12 equally well, so neither is matched");
        bevindingen.Select(b => b.Id).Should().BeEquivalentTo(
            "bronnen-verschillen/V-2016-ontwerpbegroting/ongekoppeld/bs.csv/61", "bronnen-verschillen/V-2016-ontwerpbegroting/ongekoppeld/bs.csv/62");
    }

    [Fact]
    public void Een_gelijk_nummer_zonder_iets_gemeen_is_toeval_en_de_artikelen_worden_op_naam_en_bedrag_gekoppeld()
    {
        // The begrotingsstaten number Woningmarkt 11 and Kwaliteit Rijksdienst 13; the budgettaire tabellen number them 1 and 11.
        var (standen, bevindingen) = Standsamenstelling.Stel([
            Staten(Regel("bs.csv", 10, 11, "Woningmarkt", 3_569_919), Regel("bs.csv", 11, 13, "Kwaliteit Rijksdienst", 19_187)),
            Tabellen(Regel("bt.csv", 2, 1, "Woningmarkt", 3_569_919), Regel("bt.csv", 3, 11, "Kwaliteit Rijksdienst", 19_187)),
        ]);

        var stand = standen.Single();
        stand.Regels.Select(r => (r.Regel.Artikel, r.Regel.Omschrijving)).Should().Equal((1, "Woningmarkt"), (11, "Kwaliteit Rijksdienst"));
        Totaal(stand).Should().Be(3_569_919 + 19_187);
        bevindingen.Should().BeEmpty();
    }

    [Fact]
    public void Delen_van_twee_publicaties_worden_nooit_naast_elkaar_onder_een_regel_gezet()
    {
        var (standen, bevindingen) = Standsamenstelling.Stel([
            Publicatie("eigen.csv", "standen-csv", 3, Regel("eigen.csv", 2, 7, "Apparaat", 704_257), Regel("eigen.csv", 3, 7, "Apparaat", 704_257, "uitgaven", "Apparaat")),
            Tabellen(Regel("bt.csv", 2, 7, "Apparaat", 704_257), Regel("bt.csv", 3, 7, "Apparaat", 600_000, "uitgaven", "Personeel"),
                Regel("bt.csv", 4, 7, "Apparaat", 104_257, "uitgaven", "Materieel")),
        ]);

        standen.Single().Regels.Where(r => r.Diepte == 1).Select(r => r.Regel.Omschrijving).Should().Equal("Apparaat");
        var bevinding = bevindingen.Single();
        bevinding.Id.Should().Be("bronnen-verschillen/V-2016-ontwerpbegroting/delen/bt.csv/uitgaven/7");
        bevinding.Cijfers.Select(c => c.Waarde).Should().Equal(600_000m, 104_257m);
    }

    [Theory]
    [InlineData("Algemene Inlichtingen- en Veiligheidsdienst", "Algemene Inlichtingen en Veiligheidsdienst", 1.0)]
    [InlineData("Consulaire belangenbehartiging", "Consulaire belangenbehartiging en het internationaal opereren", 1.0)]
    [InlineData("Centraal Apparaat", "centraal apparaat", 1.0)]
    [InlineData("Apparaat", "Apparaatsuitgaven kerndepartement", 0.0)]
    // Accents do not matter, under the service's invariant globalization too (string.Normalize does not fold there): the one
    // folding rule of the codebase (Domein.Zoekterm.Vouw), precomposed and decomposed alike.
    [InlineData("Justitiële jeugdinrichtingen", "Justitiele Jeugdinrichtingen", 1.0)]
    [InlineData("Justitie\u0308le jeugdinrichtingen", "Justitiële jeugdinrichtingen", 1.0)]
    [InlineData("Coördinatie crisisbeheersing", "Coordinatie", 1.0)]
    public void Namen_worden_vergeleken_op_hun_woorden(string a, string b, double overeenkomst) =>
        Artikelkoppeling.Naamovereenkomst(a, b).Should().Be(overeenkomst);
}
