using System.Globalization;
using System.Text.Json;
using BudgetApi.Domein;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BudgetApi.Laden;

/// <summary>Writes a validated, merged load into a new database. Money is stored as INTEGER (thousands of euros), never REAL.</summary>
internal sealed class Databaseschrijver(SqliteConnection verbinding, SqliteTransaction transactie)
{
    public const string Schema = """
        CREATE TABLE laadinfo (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
        CREATE TABLE was_wordt (
            volgorde INTEGER PRIMARY KEY, was_hoofdstuk TEXT NOT NULL, was_artikel INTEGER NOT NULL, was_omschrijving TEXT NOT NULL,
            was_laatste_begrotingsjaar INTEGER NOT NULL, wordt_hoofdstuk TEXT NOT NULL, wordt_artikel INTEGER NOT NULL, wordt_omschrijving TEXT NOT NULL,
            wordt_eerste_begrotingsjaar INTEGER NOT NULL, bron TEXT NOT NULL, bron_regel INTEGER);
        -- A begroting is a hoofdstuk of the Rijksbegroting: VI (code JenV), XX (AenM), IXB, the funds A, B, …
        CREATE TABLE begroting (
            hoofdstuk TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, naam TEXT NOT NULL, soort TEXT NOT NULL, volgorde INTEGER NOT NULL);
        -- Every source file a figure can come from: the document and each stand file, with its hash and the import's who and when.
        CREATE TABLE bronbestand (
            id INTEGER PRIMARY KEY, naam TEXT NOT NULL UNIQUE, formaat TEXT NOT NULL, sha256 TEXT NOT NULL,
            geimporteerd_op TEXT, geimporteerd_door TEXT, lezing TEXT);
        -- One version of one begroting for one begrotingsjaar in one fase of the cycle.
        CREATE TABLE stand (
            id INTEGER PRIMARY KEY, sleutel TEXT NOT NULL UNIQUE, hoofdstuk TEXT NOT NULL REFERENCES begroting(hoofdstuk),
            begrotingsjaar INTEGER NOT NULL, fase TEXT NOT NULL, volgorde_fase INTEGER NOT NULL, naam_zoals_gepubliceerd TEXT,
            van_jaar INTEGER, tot_jaar INTEGER, aantal_regels INTEGER NOT NULL, etag TEXT NOT NULL, titelregel INTEGER,
            UNIQUE (hoofdstuk, begrotingsjaar, fase));
        CREATE TABLE stand_bron (
            stand_id INTEGER NOT NULL REFERENCES stand(id), bron_id INTEGER NOT NULL REFERENCES bronbestand(id), inhoud TEXT NOT NULL,
            PRIMARY KEY (stand_id, bron_id));
        -- A printed line of a stand: an artikel line (ouder_id NULL) or a part of one at any depth (niveau, pad of its ancestors).
        CREATE TABLE regel (
            id INTEGER PRIMARY KEY, stand_id INTEGER NOT NULL REFERENCES stand(id), soort TEXT NOT NULL, artikel INTEGER NOT NULL,
            ouder_id INTEGER REFERENCES regel(id), niveau TEXT NOT NULL, diepte INTEGER NOT NULL, pad TEXT NOT NULL,
            omschrijving TEXT NOT NULL, code TEXT, categorie TEXT, totaalregel INTEGER NOT NULL,
            bron_id INTEGER NOT NULL REFERENCES bronbestand(id), bron_tabel TEXT NOT NULL, bron_regel INTEGER NOT NULL);
        -- One figure per line and year, with the source line it stands on; bedrag NULL is a blank in the source, not 0.
        CREATE TABLE regelbedrag (
            regel_id INTEGER NOT NULL REFERENCES regel(id), jaar INTEGER NOT NULL, bedrag INTEGER,
            bron_id INTEGER NOT NULL, bron_regel INTEGER NOT NULL, PRIMARY KEY (regel_id, jaar)) WITHOUT ROWID;
        -- Printed totals are facts about a source, kept apart from the lines and never recomputed.
        CREATE TABLE gedrukt_totaal (
            stand_id INTEGER NOT NULL REFERENCES stand(id), soort TEXT NOT NULL, totaal TEXT NOT NULL, alleen_beleid INTEGER NOT NULL,
            jaar INTEGER NOT NULL, bedrag INTEGER, bron_id INTEGER NOT NULL, bron_tabel TEXT NOT NULL, bron_regel INTEGER NOT NULL,
            PRIMARY KEY (stand_id, soort, totaal, jaar));
        -- Doubts found while reading and merging the sources (kept whole, as /v1/bevindingen serves them).
        CREATE TABLE bevinding (id TEXT PRIMARY KEY, soort TEXT NOT NULL, ernst TEXT NOT NULL, hoofdstuk TEXT, inhoud TEXT NOT NULL);
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
        """;

    /// <summary>Indexes are made after the rows are in: one sort per index instead of a B-tree update per row.</summary>
    public const string Indexen = """
        CREATE INDEX regel_stand ON regel (stand_id, soort, artikel);
        CREATE INDEX regel_ouder ON regel (ouder_id);
        CREATE INDEX regelbedrag_jaar ON regelbedrag (jaar);
        CREATE INDEX organisatiefeit_organisatie ON organisatiefeit (organisatie);
        """;

    private static readonly JsonSerializerOptions JsonOpties = new(JsonSerializerDefaults.Web);

    private static string? LeegIsNull(string waarde) => waarde.Length == 0 ? null : waarde;

    /// <summary>
    /// Writes the load. <paramref name="standen"/> is enumerated once, stand after stand, and each is let go once written; the
    /// findings are written after it, as the composition adds its own to <paramref name="bevindingen"/> while it runs.
    /// </summary>
    public IReadOnlyList<GeladenStand> Schrijf(Documentlezer document, IReadOnlyList<RegisterBegroting> begrotingen, IReadOnlyList<Bronbestand> bronnen,
        IEnumerable<SamengesteldeStand> standen, List<Bevinding> bevindingen, string versie, IReadOnlyList<Verhuizing>? verhuizingen = null)
    {
        Voer(Schema);
        Voer("INSERT INTO laadinfo VALUES ('bron', @Bron), ('versie', @Versie), ('geladen_op', @Op)",
            new { Bron = Bronnen.Document, Versie = versie, Op = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });

        foreach (var b in begrotingen)
        {
            Voer("INSERT INTO begroting VALUES (@Hoofdstuk, @Code, @Naam, @Soort, @Volgorde)", b);
        }
        var bronId = new Dictionary<Bronbestand, long>();
        foreach (var bron in bronnen)
        {
            bronId[bron] = SchrijfBron(bron);
        }
        var geladen = SchrijfStanden(document.TitelregelPerStand(), standen, bronId);
        foreach (var b in bevindingen.DistinctBy(b => b.Id))
        {
            Voer("INSERT INTO bevinding VALUES (@Id, @Soort, @Ernst, @Hoofdstuk, @Inhoud)",
                new { b.Id, b.Soort, b.Ernst, b.Hoofdstuk, Inhoud = Bevindingtekst(b) });
        }
        SchrijfDocumenttabellen(document.Tabellen);
        foreach (var (v, volgorde) in (verhuizingen ?? []).Select((v, i) => (v, i)))
        {
            Voer("INSERT INTO was_wordt VALUES (@volgorde, @WasHoofdstuk, @WasArtikel, @WasOmschrijving, @WasLaatsteBegrotingsjaar, @WordtHoofdstuk, @WordtArtikel, " +
                 "@WordtOmschrijving, @WordtEersteBegrotingsjaar, @Bron, @BronRegel)",
                new { volgorde, v.WasHoofdstuk, v.WasArtikel, v.WasOmschrijving, v.WasLaatsteBegrotingsjaar, v.WordtHoofdstuk, v.WordtArtikel,
                      v.WordtOmschrijving, v.WordtEersteBegrotingsjaar, v.Bron, v.BronRegel });
        }
        Voer(Indexen);
        return geladen;
    }

    private List<GeladenStand> SchrijfStanden(IReadOnlyDictionary<Standsleutel, int> titelregels, IEnumerable<SamengesteldeStand> standen, Dictionary<Bronbestand, long> bronId,
        long laatsteId = 0)
    {
        var geladen = new List<GeladenStand>();
        using var regel = new Rijinvoer(verbinding, """
            INSERT INTO regel (id, stand_id, soort, artikel, ouder_id, niveau, diepte, pad, omschrijving, code, categorie, totaalregel, bron_id, bron_tabel, bron_regel)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
            """);
        using var bedragen = new Bedraginvoer(verbinding);
        using var totaal = new Rijinvoer(verbinding, "INSERT INTO gedrukt_totaal VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");

        // The lines' ids are counted here, 1, 2, 3, … in the order they are written, as SQLite would give them to an empty table:
        // a statement that returns nothing is run without a reader, which is most of the cost of a row at a million lines.
        // An incremental import (VervangStand) counts on from the highest id in use.
        foreach (var stand in standen)
        {
            geladen.Add(new GeladenStand(stand.Sleutel, stand.Etag));
            var jaren = stand.Regels.SelectMany(r => r.Bedragen.Keys).ToList();
            var standId = verbinding.ExecuteScalar<long>("""
                INSERT INTO stand (sleutel, hoofdstuk, begrotingsjaar, fase, volgorde_fase, naam_zoals_gepubliceerd, van_jaar, tot_jaar, aantal_regels, etag, titelregel)
                VALUES (@Sleutel, @Hoofdstuk, @Begrotingsjaar, @Fase, @VolgordeFase, @Naam, @Van, @Tot, @Aantal, @Etag, @Titelregel) RETURNING id
                """,
                new
                {
                    Sleutel = stand.Sleutel.Id, stand.Sleutel.Hoofdstuk, stand.Sleutel.Begrotingsjaar, stand.Sleutel.Fase,
                    VolgordeFase = Begrotingscodes.Volgorde(stand.Sleutel.Fase), Naam = stand.NaamZoalsGepubliceerd,
                    Van = jaren.Count == 0 ? (int?)null : jaren.Min(), Tot = jaren.Count == 0 ? (int?)null : jaren.Max(),
                    Aantal = stand.Regels.Count, stand.Etag, Titelregel = titelregels.TryGetValue(stand.Sleutel, out var titel) ? titel : (int?)null,
                }, transactie);
            foreach (var (bron, inhoud) in stand.Bronnen)
            {
                Voer("INSERT INTO stand_bron VALUES (@standId, @bron, @inhoud)", new { standId, bron = bronId[bron], inhoud });
            }

            // Parents before children: a line is written after every line on its path, in the order the sources give them.
            var ids = new Dictionary<SamengesteldeRegel, long>();
            foreach (var r in stand.Regels.OrderBy(r => r.Diepte))
            {
                var pad = string.Join(" > ", r.Regel.Pad.Take(r.Diepte - 1).Select(p => p.Omschrijving));
                ids[r] = ++laatsteId;
                regel.Geheel(1, laatsteId).Geheel(2, standId).Tekst(3, r.Regel.Soort).Geheel(4, r.Regel.Artikel).Geheel(5, r.Ouder is null ? null : ids[r.Ouder])
                    .Tekst(6, r.Regel.Niveau).Geheel(7, r.Diepte).Tekst(8, pad).Tekst(9, r.Regel.Omschrijving).Tekst(10, r.Regel.Code).Tekst(11, r.Categorie)
                    .Geheel(12, r.Regel.IsTotaalregel ? 1 : 0).Geheel(13, bronId[r.Bron]).Tekst(14, r.Regel.BronTabel ?? r.Bron.Naam).Geheel(15, r.Regel.Herkomst.Regel)
                    .Voer();
                bedragen.Voer(laatsteId, r.Bedragen, bronId);
            }
            foreach (var (t, bron) in stand.Totalen)
            {
                foreach (var (jaar, b) in t.Bedragen)
                {
                    totaal.Geheel(1, standId).Tekst(2, t.Soort).Tekst(3, t.Totaal).Geheel(4, t.AlleenBeleidsartikelen ? 1 : 0).Geheel(5, jaar).Geheel(6, b)
                        .Geheel(7, bronId[bron]).Tekst(8, t.BronTabel ?? bron.Naam).Geheel(9, t.Herkomst.Regel).Voer();
                }
            }
        }
        return geladen;
    }

    /// <summary>
    /// An incremental import (<see cref="Standinbouw"/>): one stand written again into a copy of a database, by <see cref="SchrijfStanden"/>
    /// as a load writes it. Its old lines, amounts, totals and sources go; its new lines get ids above every id in use (a line's id
    /// never comes to name another line); an existing stand keeps its own id and title line (the document's, which did not change).
    /// </summary>
    public GeladenStand VervangStand(SamengesteldeStand stand, Dictionary<Bronbestand, long> bronId)
    {
        var oud = verbinding.Query<(long Id, long? Titelregel)>("SELECT id, titelregel FROM stand WHERE sleutel = @Id", new { stand.Sleutel.Id }, transactie).ToList();
        var laatsteId = verbinding.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM regel", transaction: transactie);
        var titelregels = new Dictionary<Standsleutel, int>();
        if (oud.Count == 1)
        {
            Voer("""
                DELETE FROM regelbedrag WHERE regel_id IN (SELECT id FROM regel WHERE stand_id = @Id);
                DELETE FROM regel WHERE stand_id = @Id;
                DELETE FROM gedrukt_totaal WHERE stand_id = @Id;
                DELETE FROM stand_bron WHERE stand_id = @Id;
                DELETE FROM stand WHERE id = @Id;
                """, new { oud[0].Id });
            if (oud[0].Titelregel is { } titel) titelregels[stand.Sleutel] = checked((int)titel);
        }
        var geladen = SchrijfStanden(titelregels, [stand], bronId, laatsteId).Single();
        if (oud.Count == 1)
        {
            var nieuw = verbinding.ExecuteScalar<long>("SELECT id FROM stand WHERE sleutel = @Id", new { stand.Sleutel.Id }, transactie);
            if (nieuw != oud[0].Id)
            {
                Voer("""
                    UPDATE stand SET id = @Oud WHERE id = @Nieuw;
                    UPDATE regel SET stand_id = @Oud WHERE stand_id = @Nieuw;
                    UPDATE gedrukt_totaal SET stand_id = @Oud WHERE stand_id = @Nieuw;
                    UPDATE stand_bron SET stand_id = @Oud WHERE stand_id = @Nieuw;
                    """, new { Oud = oud[0].Id, Nieuw = nieuw });
            }
        }
        return geladen;
    }

    /// <summary>A source file's row (a load's every source, an incremental import's new file); its id is the row's.</summary>
    public long SchrijfBron(Bronbestand bron) => verbinding.ExecuteScalar<long>(
        "INSERT INTO bronbestand (naam, formaat, sha256, geimporteerd_op, geimporteerd_door, lezing) VALUES (@Naam, @Formaat, @Sha256, @Op, @Door, @Lezing) RETURNING id",
        new { bron.Naam, bron.Formaat, bron.Sha256, Op = bron.GeimporteerdOp?.ToString("O", CultureInfo.InvariantCulture), Door = bron.GeimporteerdDoor,
            Lezing = bron.Lezing is null ? null : JsonSerializer.Serialize(bron.Lezing, JsonSerializerOptions.Web) }, transactie);

    /// <summary>A finding as the bevinding table keeps it (whole, as /v1/bevindingen serves it).</summary>
    public static string Bevindingtekst(Bevinding bevinding) => JsonSerializer.Serialize(bevinding, JsonOpties);

    /// <summary>
    /// A line's figures in one statement: one INSERT of as many rows as the line has years, prepared once per number of years.
    /// Running a statement costs more than binding a row, and a line has up to eight years.
    /// </summary>
    private sealed class Bedraginvoer(SqliteConnection verbinding) : IDisposable
    {
        private const int Kolommen = 5;
        private readonly Dictionary<int, Rijinvoer> _perAantal = [];

        public void Voer(long regelId, SortedDictionary<int, Bedragbron> bedragen, Dictionary<Bronbestand, long> bronId)
        {
            if (bedragen.Count == 0) return;
            if (!_perAantal.TryGetValue(bedragen.Count, out var opdracht))
            {
                var rijen = Enumerable.Range(0, bedragen.Count)
                    .Select(r => "(" + string.Join(", ", Enumerable.Range(r * Kolommen + 1, Kolommen).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture))) + ")");
                opdracht = new Rijinvoer(verbinding, "INSERT INTO regelbedrag VALUES " + string.Join(", ", rijen));
                _perAantal[bedragen.Count] = opdracht;
            }
            var i = 0;
            foreach (var (jaar, b) in bedragen)
            {
                opdracht.Geheel(++i, regelId).Geheel(++i, jaar).Geheel(++i, b.Bedrag).Geheel(++i, bronId[b.Bron]).Geheel(++i, b.Waar.Regel);
            }
            opdracht.Voer();
        }

        public void Dispose()
        {
            foreach (var opdracht in _perAantal.Values) opdracht.Dispose();
        }
    }

    /// <summary>
    /// One INSERT prepared once and run for every row, its values bound by position straight through SQLite's C API. The bulk of a
    /// load is a few statements run a million times, and Microsoft.Data.Sqlite's binding (a parameter looked up by name and its type
    /// inferred, per value, per run) took most of the writer's time: measured at 100 thousand lines, binding 56 % of it and SQLite's
    /// own step 8 %. It runs on the connection's handle, inside the transaction the connection holds.
    /// </summary>
    private sealed class Rijinvoer : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _opdracht;

        public Rijinvoer(SqliteConnection verbinding, string sql)
        {
            _db = verbinding.Handle!;
            Controleer(raw.sqlite3_prepare_v2(_db, sql, out _opdracht));
        }

        public Rijinvoer Geheel(int plaats, long? waarde)
        {
            Controleer(waarde is { } w ? raw.sqlite3_bind_int64(_opdracht, plaats, w) : raw.sqlite3_bind_null(_opdracht, plaats));
            return this;
        }

        public Rijinvoer Tekst(int plaats, string? waarde)
        {
            Controleer(waarde is null ? raw.sqlite3_bind_null(_opdracht, plaats) : raw.sqlite3_bind_text(_opdracht, plaats, waarde));
            return this;
        }

        /// <summary>Runs the row and makes the statement ready for the next one; a constraint that fails throws, as a command would.</summary>
        public void Voer()
        {
            var uitkomst = raw.sqlite3_step(_opdracht);
            raw.sqlite3_reset(_opdracht);
            raw.sqlite3_clear_bindings(_opdracht);
            if (uitkomst != raw.SQLITE_DONE) Controleer(uitkomst);
        }

        private void Controleer(int uitkomst)
        {
            if (uitkomst != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(uitkomst, _db);
        }

        public void Dispose() => _opdracht.Dispose();
    }

    private void SchrijfDocumenttabellen(IReadOnlyDictionary<string, RuweTabel> tabellen)
    {
        var volgorde = 0;
        foreach (var r in tabellen[Documentlezer.UitgavenbegrotingJenV].Rijen)
        {
            Voer("INSERT INTO uitgavenbegroting_jenv VALUES (@volgorde, @o, @bedrag, @artikel, @bron)",
                new { volgorde = ++volgorde, o = r["omschrijving"], bedrag = Velden.Geheel(r["bedrag"]), artikel = Velden.Geheel(r["artikel"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
        foreach (var r in tabellen[Documentlezer.Organisaties].Rijen)
        {
            Voer("INSERT INTO organisatie VALUES (@code, @naam, @afk, @soort, @deel, @bron)",
                new { code = r["code"], naam = r["naam"], afk = LeegIsNull(r["afkorting"]), soort = r["soort"], deel = LeegIsNull(r["onderdeel_van"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
        foreach (var r in tabellen[Documentlezer.Organisatiefeiten].Rijen)
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
        foreach (var r in tabellen[Documentlezer.Bezetting].Rijen)
        {
            Voer("INSERT INTO bezetting VALUES (@volgorde, @gedrukt, @org, @fte, @budget, @reikwijdte, @komt, @bron)",
                new { volgorde = ++volgorde, gedrukt = r["organisatie_zoals_gedrukt"], org = LeegIsNull(r["organisatie"]), fte = Velden.Geheel(r["bezetting_fte"]), budget = Velden.Geheel(r["budget_miljoen"]), reikwijdte = LeegIsNull(r["budget_reikwijdte"]), komt = LeegIsNull(r["komt_overeen_met"]), bron = Velden.Geheel(r["bron_regel"]) });
        }
    }

    private void Voer(string sql, object? parameters = null) => verbinding.Execute(sql, parameters, transactie);
}
