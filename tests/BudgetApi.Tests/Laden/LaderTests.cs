using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Tests.Laden;

public sealed class LaderTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    private SqliteConnection OpenDatabase(string pad)
    {
        var verbinding = new SqliteConnection($"Data Source={pad};Mode=ReadOnly;Pooling=False");
        verbinding.Open();
        return verbinding;
    }

    private string LaadGeleverdeData()
    {
        var pad = _map["budget.db"];
        var resultaat = Lader.Laad(Repo.DataMap, pad);
        resultaat.Problemen.Should().BeEmpty();
        return pad;
    }

    [Fact]
    public void De_geleverde_data_laadt_met_het_aantal_rijen_van_de_bron()
    {
        var resultaat = Lader.Laad(Repo.DataMap, _map["budget.db"]);

        resultaat.Gelukt.Should().BeTrue(string.Join("\n", resultaat.Problemen));
        // Section 3 of the source: 8 + 8 + 3 + 1 article rows, 19 + 4 + 8 + 0 waarvan rows, two printed totals per table,
        // nine lines in "Uitgavenbegroting JenV", ten rows in the Bezetting FTE table.
        resultaat.RijenPerBestand.Should().Contain(new Dictionary<string, int>
        {
            [Lader.Begrotingen] = 2,
            [Lader.Artikelen] = 20,
            [Lader.Waarvanregels] = 31,
            [Lader.GedrukteTotalen] = 8,
            [Lader.UitgavenbegrotingJenV] = 9,
            [Lader.Bezetting] = 10,
        });
        using var db = OpenDatabase(_map["budget.db"]);
        // The document's standen (begrotingsjaar 2026); data/standen/ adds the open data's beside them.
        const string Document = "SELECT r.id FROM regel r JOIN stand s ON s.id = r.stand_id WHERE s.begrotingsjaar = 2026";
        db.ExecuteScalar<long>($"SELECT COUNT(*) FROM regel WHERE ouder_id IS NULL AND id IN ({Document})").Should().Be(20);
        long Regels(string hoofdstuk, string soort, bool delen) => db.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM regel r JOIN stand s ON s.id = r.stand_id WHERE s.begrotingsjaar = 2026 AND s.hoofdstuk = @hoofdstuk AND r.soort = @soort AND (r.ouder_id IS NOT NULL) = @delen",
            new { hoofdstuk, soort, delen });
        Regels("VI", "uitgaven", delen: false).Should().Be(8);
        Regels("VI", "uitgaven", delen: true).Should().Be(19);
        Regels("XX", "uitgaven", delen: true).Should().Be(8);
        db.Query<string>("SELECT sleutel FROM stand WHERE begrotingsjaar = 2026 ORDER BY sleutel").Should().Equal("VI-2026-ontwerpbegroting", "XX-2026-ontwerpbegroting");
        db.ExecuteScalar<long>("SELECT COUNT(*) FROM stand").Should().BeGreaterThan(100, "the open-data samples ship in data/standen/");
        db.ExecuteScalar<long>($"SELECT COUNT(*) FROM regelbedrag WHERE regel_id IN ({Document})").Should().Be(51 * 5);
        db.ExecuteScalar<long>("SELECT COUNT(*) FROM gedrukt_totaal t JOIN stand s ON s.id = t.stand_id WHERE s.begrotingsjaar = 2026").Should().Be(8 * 5);
    }

    [Fact]
    public void Steekproeven_uit_elke_tabel_staan_exact_zoals_gedrukt_in_de_database()
    {
        using var db = OpenDatabase(LaadGeleverdeData());
        long Bedrag(string begroting, string soort, int artikel, string? waarvan, int jaar) => db.ExecuteScalar<long>("""
            SELECT b.bedrag FROM regel r JOIN regelbedrag b ON b.regel_id = r.id JOIN stand s ON s.id = r.stand_id JOIN begroting g ON g.hoofdstuk = s.hoofdstuk
            WHERE g.code = @begroting AND r.soort = @soort AND r.artikel = @artikel AND b.jaar = @jaar
              AND (CASE WHEN @waarvan IS NULL THEN r.ouder_id IS NULL ELSE r.niveau = 'waarvan' AND r.omschrijving = @waarvan END)
            """, new { begroting, soort, artikel, waarvan, jaar });

        Bedrag("JenV", "uitgaven", 31, null, 2026).Should().Be(8_843_848);
        Bedrag("JenV", "uitgaven", 34, "Bijdrage DJI", 2030).Should().Be(3_615_142);
        Bedrag("JenV", "ontvangsten", 33, "Boetes en Transacties", 2030).Should().Be(1_212_024);
        Bedrag("AenM", "uitgaven", 37, "bijdrage COA", 2027).Should().Be(922_330);
        Bedrag("AenM", "ontvangsten", 37, null, 2029).Should().Be(13_826);
        db.ExecuteScalar<long>("SELECT t.bedrag FROM gedrukt_totaal t JOIN stand s ON s.id = t.stand_id WHERE s.hoofdstuk = 'VI' AND t.soort = 'uitgaven' AND t.totaal = 'Totaal Beleidsartikelen' AND t.jaar = 2026")
            .Should().Be(18_020_661);
        db.ExecuteScalar<long>("SELECT bezetting_fte FROM bezetting WHERE organisatie = 'Politie'").Should().Be(66_658);
        db.ExecuteScalar<long>("SELECT bedrag FROM uitgavenbegroting_jenv WHERE artikel = 93").Should().Be(3_609);
        db.ExecuteScalar<string>("SELECT waarde FROM organisatiefeit WHERE organisatie = 'DGRR' AND meting = 'bezetting'").Should().Be("355.25");
        db.ExecuteScalar<string>("SELECT typeof(bedrag) FROM regelbedrag LIMIT 1").Should().Be("integer", "money is never stored as REAL");
    }

    [Fact]
    public void Een_lege_cel_in_de_bron_is_null_en_geen_nul()
    {
        using var db = OpenDatabase(LaadGeleverdeData());
        var oekraine = db.Query<(long Jaar, long? Bedrag)>("""
            SELECT b.jaar, b.bedrag FROM regel r JOIN regelbedrag b ON b.regel_id = r.id
            WHERE r.niveau = 'waarvan' AND r.omschrijving = 'opvang Oekraïense ontheemden' ORDER BY b.jaar
            """).ToList();
        oekraine.Should().Equal((2026, 2_782_443), (2027, 2_781_594), (2028, 1_014_701), (2029, null), (2030, null));
        db.ExecuteScalar<long?>("SELECT budget_miljoen FROM bezetting WHERE organisatie_zoals_gedrukt = 'Overig'").Should().BeNull();
    }

    [Fact]
    public void Organisaties_en_hun_feiten_laden_met_eenheid_en_kwalificatie()
    {
        using var db = OpenDatabase(LaadGeleverdeData());
        var dgpenv = db.QuerySingle<(string Waarde, string Eenheid, string Kwalificatie, string ZoalsGedrukt)>(
            "SELECT waarde, eenheid, kwalificatie, zoals_gedrukt FROM organisatiefeit WHERE organisatie = 'DGPenV' AND meting = 'formatie'");
        dgpenv.Should().Be(("179", "fte", "ca.", "ca. 179 fte"));
        db.ExecuteScalar<string>("SELECT onderdeel_van FROM organisatie WHERE code = 'DJI'").Should().Be("DGSenB");
        db.ExecuteScalar<long>("SELECT COUNT(*) FROM organisatiefeit WHERE meting = 'formatie' AND eenheid <> 'fte'").Should().Be(0);
    }
}
