using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden;

/// <summary>
/// A load keeps every file's lines on disk between reading and composing (Standdelen): what it reads back must be what the
/// reader gave, field for field and in the same order, or a figure, a finding or an ETag would change.
/// </summary>
public sealed class StanddelenTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    [Fact]
    public void Elk_standbestand_van_de_geleverde_data_komt_ongewijzigd_terug()
    {
        var bestanden = Standbestandsmappen.Zoek(Repo.DataMap, importMap: null);
        bestanden.Should().NotBeEmpty();
        using var delen = new Standdelen(_map["delen"]);
        var gelezen = bestanden.Select(b => Lader.LeesStandbestand(b, BudgetApi.Laden.Standbestanden.Standlezers.Alle)).ToList();
        for (var i = 0; i < gelezen.Count; i++) delen.Bewaar(i, gelezen[i]);

        var regels = 0;
        for (var i = 0; i < gelezen.Count; i++)
        {
            foreach (var stand in gelezen[i].Standen.Select(s => s.Stand).Distinct())
            {
                var terug = delen.Lees(i, stand);
                var verwacht = gelezen[i].Regels.Where(r => r.Stand == stand).ToList();
                terug.Regels.Select(Tekst).Should().Equal(verwacht.Select(Tekst), $"{bestanden[i].Naam}, {stand}");
                terug.Totalen.Select(Tekst).Should().Equal(gelezen[i].Totalen.Where(t => t.Stand == stand).Select(Tekst));
                regels += terug.Regels.Count;
            }
        }
        regels.Should().Be(gelezen.Sum(g => g.Regels.Count), "every line of every file is kept");
        gelezen.Should().Contain(g => g.Regels.Any(r => r.HerkomstPerJaar != null), "the begrotingsstaten, with a place per year, are among them");
    }

    [Fact]
    public void Een_leeg_bedrag_blijft_leeg_en_de_volgorde_van_de_jaren_blijft()
    {
        var stand = new Standsleutel("VI", 2016, Begrotingscodes.Ontwerpbegroting);
        var regel = new Standregel
        {
            Stand = stand, Soort = "uitgaven", Artikel = 31, Pad = [new Padstap("artikelonderdeel", "Politie")], Omschrijving = "Politie",
            Code = null, Categorie = "beleidsartikel", Bedragen = new Dictionary<int, long?> { [2017] = 5, [2015] = null, [2016] = -3 },
            IsTotaalregel = true, BronTabel = null, Herkomst = new Vindplaats("a.csv", 7),
            HerkomstPerJaar = new Dictionary<int, Vindplaats> { [2016] = new("a.csv", 9, 4) },
        };
        using var delen = new Standdelen(_map["delen"]);
        delen.Bewaar(3, new Leesresultaat("standen-csv", [new Standkop(stand, null)], [regel], [], [], []));

        var terug = delen.Lees(3, stand).Regels.Single();

        Tekst(terug).Should().Be(Tekst(regel));
        terug.Bedragen.Keys.Should().Equal(2017, 2015, 2016);
        terug.Bedragen[2015].Should().BeNull();
        delen.Lees(2, stand).Regels.Should().BeEmpty("another source's part of the stand is not this one's");
    }

    [Fact]
    public void Een_lading_laat_naast_de_database_niets_achter()
    {
        Lader.Laad(Repo.DataMap, _map["budget.db"]).Gelukt.Should().BeTrue();

        Directory.EnumerateFiles(_map.Pad).Select(Path.GetFileName).Should().Equal("budget.db");
    }

    // Every field, in order, with the amounts and places per year in the order they are enumerated.
    private static string Tekst(Standregel r) => string.Join('|', r.Stand, r.Soort, r.Artikel, string.Join('>', r.Pad.Select(p => p.Niveau + ":" + p.Omschrijving)),
        r.Omschrijving, r.Code ?? "∅", r.Categorie ?? "∅", string.Join(',', r.Bedragen.Select(b => $"{b.Key}={b.Value?.ToString() ?? "∅"}")), r.IsTotaalregel,
        r.BronTabel ?? "∅", r.Herkomst, r.HerkomstPerJaar is null ? "∅" : string.Join(',', r.HerkomstPerJaar.Select(h => $"{h.Key}@{h.Value}")));

    private static string Tekst(GedruktStandtotaal t) => string.Join('|', t.Stand, t.Soort, t.Totaal, t.AlleenBeleidsartikelen,
        string.Join(',', t.Bedragen.Select(b => $"{b.Key}={b.Value?.ToString() ?? "∅"}")), t.BronTabel ?? "∅", t.Herkomst);
}
