using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Laden;

/// <summary>Writes validated rows into a new database. Money is stored as INTEGER (thousands of euros), never REAL.</summary>
internal sealed class Databaseschrijver(SqliteConnection verbinding, SqliteTransaction transactie)
{
    public const string Schema = """
        CREATE TABLE laadinfo (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
        CREATE TABLE begroting (
            code TEXT PRIMARY KEY, naam TEXT NOT NULL, stand TEXT NOT NULL, eenheid TEXT NOT NULL,
            van_jaar INTEGER NOT NULL, tot_jaar INTEGER NOT NULL, bron_regel INTEGER NOT NULL);
        -- An article line (waarvan IS NULL) or one of its waarvan lines; one row per printed line.
        CREATE TABLE regel (
            id INTEGER PRIMARY KEY, begroting TEXT NOT NULL REFERENCES begroting(code), soort TEXT NOT NULL,
            artikel INTEGER NOT NULL, waarvan TEXT, omschrijving TEXT NOT NULL, categorie TEXT NOT NULL,
            bron_tabel TEXT NOT NULL, bron_regel INTEGER NOT NULL,
            UNIQUE (begroting, soort, artikel, waarvan));
        -- One figure per line and year; bedrag NULL is a blank in the source, not 0.
        CREATE TABLE regelbedrag (
            regel_id INTEGER NOT NULL REFERENCES regel(id), jaar INTEGER NOT NULL, bedrag INTEGER,
            PRIMARY KEY (regel_id, jaar));
        -- Printed totals are facts about the document, kept apart from the lines and never recomputed.
        CREATE TABLE gedrukt_totaal (
            begroting TEXT NOT NULL, soort TEXT NOT NULL, totaal TEXT NOT NULL, jaar INTEGER NOT NULL, bedrag INTEGER,
            bron_tabel TEXT NOT NULL, bron_regel INTEGER NOT NULL, PRIMARY KEY (begroting, soort, totaal, jaar));
        CREATE TABLE uitgavenbegroting_jenv (
            volgorde INTEGER PRIMARY KEY, omschrijving TEXT NOT NULL, bedrag INTEGER NOT NULL, artikel INTEGER, bron_regel INTEGER NOT NULL);
        CREATE TABLE organisatie (
            code TEXT PRIMARY KEY, naam TEXT NOT NULL, afkorting TEXT, soort TEXT NOT NULL, onderdeel_van TEXT, bron_regel INTEGER NOT NULL);
        -- waarde is TEXT: an exact decimal in the source's own unit (fte, € miljoen, ...), parsed as decimal, never as REAL.
        CREATE TABLE organisatiefeit (
            id INTEGER PRIMARY KEY, organisatie TEXT NOT NULL REFERENCES organisatie(code), meting TEXT NOT NULL,
            omschrijving TEXT NOT NULL, reikwijdte TEXT, jaar INTEGER, peildatum TEXT, waarde TEXT NOT NULL, zoals_gedrukt TEXT NOT NULL,
            eenheid TEXT NOT NULL, kwalificatie TEXT, tabel TEXT, deel_van TEXT, komt_overeen_met TEXT, volgt TEXT,
            bron_sectie TEXT NOT NULL, bron_regel INTEGER NOT NULL);
        CREATE TABLE bezetting (
            volgorde INTEGER PRIMARY KEY, organisatie_zoals_gedrukt TEXT NOT NULL, organisatie TEXT,
            bezetting_fte INTEGER, budget_miljoen INTEGER, budget_reikwijdte TEXT, komt_overeen_met TEXT, bron_regel INTEGER NOT NULL);
        CREATE INDEX regelbedrag_jaar ON regelbedrag (jaar);
        CREATE INDEX organisatiefeit_organisatie ON organisatiefeit (organisatie);
        """;

    private static string? LeegIsNull(string waarde) => waarde.Length == 0 ? null : waarde;

    public void Schrijf(IReadOnlyDictionary<string, RuweTabel> tabellen)
    {
        Voer(Schema);
        Voer("INSERT INTO laadinfo VALUES ('bron', @Bron), ('geladen_op', @Op)",
            new { Bron = Bronnen.Document, Op = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });

        foreach (var r in tabellen[Lader.Begrotingen].Rijen)
        {
            Voer("INSERT INTO begroting VALUES (@code, @naam, @stand, @eenheid, @van, @tot, @bron)",
                new { code = r["begroting"], naam = r["naam"], stand = r["stand"], eenheid = r["eenheid"], van = int.Parse(r["van_jaar"], CultureInfo.InvariantCulture), tot = int.Parse(r["tot_jaar"], CultureInfo.InvariantCulture), bron = Velden.Geheel(r["bron_regel"]) });
        }
        foreach (var r in tabellen[Lader.Artikelen].Rijen) SchrijfRegel(r, waarvan: null, r["categorie"]);
        var categorie = tabellen[Lader.Artikelen].Rijen.ToDictionary(r => (r["begroting"], r["soort"], r["artikel"]), r => r["categorie"]);
        foreach (var r in tabellen[Lader.Waarvanregels].Rijen) SchrijfRegel(r, r["omschrijving"], categorie[(r["begroting"], r["soort"], r["artikel"])]);

        foreach (var r in tabellen[Lader.GedrukteTotalen].Rijen)
        {
            foreach (var jaar in Velden.JaarKolommen(r.Kolommen))
            {
                Voer("INSERT INTO gedrukt_totaal VALUES (@b, @s, @t, @jaar, @bedrag, @tabel, @bron)",
                    new { b = r["begroting"], s = r["soort"], t = r["totaal"], jaar, bedrag = Velden.Geheel(r[Jaar(jaar)]), tabel = r["bron_tabel"], bron = Velden.Geheel(r["bron_regel"]) });
            }
        }
        var volgorde = 0;
        foreach (var r in tabellen[Lader.UitgavenbegrotingJenV].Rijen)
        {
            Voer("INSERT INTO uitgavenbegroting_jenv VALUES (@volgorde, @o, @bedrag, @artikel, @bron)",
                new { volgorde = ++volgorde, o = r["omschrijving"], bedrag = Velden.Geheel(r["bedrag"]), artikel = Velden.Geheel(r["artikel"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
        foreach (var r in tabellen[Lader.Organisaties].Rijen)
        {
            Voer("INSERT INTO organisatie VALUES (@code, @naam, @afk, @soort, @deel, @bron)",
                new { code = r["code"], naam = r["naam"], afk = LeegIsNull(r["afkorting"]), soort = r["soort"], deel = LeegIsNull(r["onderdeel_van"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
        foreach (var r in tabellen[Lader.Organisatiefeiten].Rijen)
        {
            Voer("""
                INSERT INTO organisatiefeit (organisatie, meting, omschrijving, reikwijdte, jaar, peildatum, waarde, zoals_gedrukt, eenheid, kwalificatie, tabel, deel_van, komt_overeen_met, volgt, bron_sectie, bron_regel)
                VALUES (@organisatie, @meting, @omschrijving, @reikwijdte, @jaar, @peildatum, @waarde, @zoals, @eenheid, @kwal, @tabel, @deel, @komt, @volgt, @sectie, @bron)
                """,
                new
                {
                    organisatie = r["organisatie"], meting = r["meting"], omschrijving = r["omschrijving"], reikwijdte = LeegIsNull(r["reikwijdte"]), jaar = Velden.JaarOfNull(r["jaar"]),
                    peildatum = LeegIsNull(r["peildatum"]), waarde = r["waarde"], zoals = r["zoals_gedrukt"], eenheid = r["eenheid"],
                    kwal = LeegIsNull(r["kwalificatie"]), tabel = LeegIsNull(r["tabel"]), deel = LeegIsNull(r["deel_van"]),
                    komt = LeegIsNull(r["komt_overeen_met"]), volgt = LeegIsNull(r["volgt"]), sectie = r["bron_sectie"], bron = Velden.Geheel(r["bron_regel"]),
                });
        }
        volgorde = 0;
        foreach (var r in tabellen[Lader.Bezetting].Rijen)
        {
            Voer("INSERT INTO bezetting VALUES (@volgorde, @gedrukt, @org, @fte, @budget, @reikwijdte, @komt, @bron)",
                new { volgorde = ++volgorde, gedrukt = r["organisatie_zoals_gedrukt"], org = LeegIsNull(r["organisatie"]), fte = Velden.Geheel(r["bezetting_fte"]), budget = Velden.Geheel(r["budget_miljoen"]), reikwijdte = LeegIsNull(r["budget_reikwijdte"]), komt = LeegIsNull(r["komt_overeen_met"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
    }

    private void SchrijfRegel(RuweRij r, string? waarvan, string categorie)
    {
        var id = verbinding.ExecuteScalar<long>("""
            INSERT INTO regel (begroting, soort, artikel, waarvan, omschrijving, categorie, bron_tabel, bron_regel)
            VALUES (@b, @s, @a, @waarvan, @o, @categorie, @tabel, @bron) RETURNING id
            """,
            new { b = r["begroting"], s = r["soort"], a = int.Parse(r["artikel"], CultureInfo.InvariantCulture), waarvan, o = r["omschrijving"], categorie, tabel = r["bron_tabel"], bron = Velden.Geheel(r["bron_regel"]) },
            transactie);
        foreach (var jaar in Velden.JaarKolommen(r.Kolommen))
        {
            Voer("INSERT INTO regelbedrag VALUES (@id, @jaar, @bedrag)", new { id, jaar, bedrag = Velden.Geheel(r[Jaar(jaar)]) });
        }
    }

    private static string Jaar(int jaar) => jaar.ToString(CultureInfo.InvariantCulture);

    private void Voer(string sql, object? parameters = null) => verbinding.Execute(sql, parameters, transactie);
}
