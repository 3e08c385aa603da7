using System.Globalization;
using System.Net;
using System.Text;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

using static BudgetApi.Tests.Infrastructuur.Antwoorden;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The incremental import (issue 15, target 2; Laden/Standinbouw): an import writes its standen into a copy of the served database
/// instead of building every stand again. The database it makes must be the one a full load of the same files builds: after each
/// import of a sequence (a new stand, a supplement to a stand of the document, a supplement to a stand of two publications, a
/// replacement, the same file again) every table of the served database is compared with a full load of the folders, row for row.
/// Ids are the one difference, on purpose (a line keeps its RegelId across imports; a full load numbers the lines in stand order):
/// standen are compared by their key, lines by their stand and place in it, amounts and totals by the line and stand they belong to;
/// every other column, and the order of every table's rows where an answer shows it, must be equal.
/// </summary>
public sealed class IncrementeleImportTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private readonly ImportFactory _factory;
    private readonly HttpClient _client;

    public IncrementeleImportTests()
    {
        // With both open-data samples: BZ's ontwerpbegroting 2016 is a stand of two publications.
        _map.KopieVanDataMetStanden();
        _factory = new ImportFactory(_map);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _map.Dispose();
    }

    private Gegevensbron Bron => _factory.Services.GetRequiredService<Gegevensbron>();

    private async Task<string> Etag(string stand) => (await _client.GetLijst($"/v1/standen/{stand}")).Gegevens.Single()!.Tekst("etag");

    private async Task<string> Export(string url) => Encoding.UTF8.GetString(await _client.GetByteArrayAsync(url));

    private async Task Importeer(string inhoud, string naam, HttpStatusCode verwacht, string uitkomst, string? ifMatch = null)
    {
        var antwoord = await _client.Importeer(inhoud, Tokens.Maak(), $"?bestandsnaam={naam}", ifMatch);
        var body = await Json(antwoord, verwacht);
        body["standen"]![0]!.Tekst("uitkomst").Should().Be(uitkomst);
    }

    [Fact]
    public async Task Elke_import_van_een_reeks_geeft_de_database_van_een_volledige_lading()
    {
        var ontwerp = await Export(Proefstanden.ExportUrl);

        // 1. A new stand.
        await Importeer(Proefstanden.EersteSuppletoire(ontwerp), "suppletoire.csv", HttpStatusCode.Created, "nieuw");
        Bron.LaatsteImportIncrementeel.Should().BeTrue("a new stand of the project's own format is written into a copy");
        VergelijkMetVolledigeLading("na een nieuwe stand");

        // 2. A supplement to a stand of the document: the own format leads, the document's differing figure is a finding.
        await Importeer(Proefstanden.AlsFase(ontwerp, "ontwerpbegroting", new Dictionary<int, long> { [2026] = 7, [2027] = -3 }), "ontwerp-eigen.csv",
            HttpStatusCode.OK, "aangevuld", await Etag("VI-2026-ontwerpbegroting"));
        Bron.LaatsteImportIncrementeel.Should().BeTrue(Bron.LaatsteVolledigeImport);
        (await _client.GetLijst("/v1/bevindingen?begroting=JenV&soort=bronnen-verschillen")).Gegevens.Should().NotBeEmpty("the two sources differ on artikel 31");
        VergelijkMetVolledigeLading("na een aanvulling van een stand van het document");

        // 3. A supplement to a stand of two publications (begrotingsstaten and budgettaire tabellen): three sources, matched by artikel.
        var bz = await Export("/v1/bedragen?begroting=BZ&begrotingsjaar=2016&fase=ontwerpbegroting&regelsoort=artikel&paginaGrootte=1000&formaat=csv");
        await Importeer(bz, "bz-2016.csv", HttpStatusCode.OK, "aangevuld", await Etag("V-2016-ontwerpbegroting"));
        Bron.LaatsteImportIncrementeel.Should().BeTrue(Bron.LaatsteVolledigeImport);
        VergelijkMetVolledigeLading("na een aanvulling van een stand van twee publicaties");

        // 4. The new stand replaced by another file of its format.
        await Importeer(Proefstanden.EersteSuppletoire(ontwerp, verhoging: 30_000), "suppletoire-2.csv", HttpStatusCode.OK, "vervangen",
            await Etag(Proefstanden.Stand));
        Bron.LaatsteImportIncrementeel.Should().BeTrue(Bron.LaatsteVolledigeImport);
        VergelijkMetVolledigeLading("na een vervanging");
        var (totalen, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begrotingsjaar=2026&fase=1e-suppletoire&soort=uitgaven&vanJaar=2026&totJaar=2026");
        totalen.Single()!.Bedrag("bedrag").Should().Be(Proefstanden.TotaalOntwerp + 30_000,
            "the replaced stand is composed from its new file alone (the 1e suppletoire holds the raised figure, not the ontwerp's supplement)");

        // 5. The same file again: nothing is built, the version stays.
        var versie = Bron.Huidig!.Versie;
        await Importeer(Proefstanden.EersteSuppletoire(ontwerp, verhoging: 30_000), "suppletoire-2.csv", HttpStatusCode.OK, "ongewijzigd");
        Bron.Huidig!.Versie.Should().Be(versie);
        VergelijkMetVolledigeLading("na hetzelfde bestand opnieuw");

        // The lines of the standen no import touched kept the ids they had before the first import, also those after an imported
        // stand in the standen's order (where a full load would have numbered them on).
        using var voor = new TijdelijkeMap();
        Lader.Laad(Path.Combine(_map.Pad, "data"), voor["voor.db"]).Gelukt.Should().BeTrue();
        string[] aangeraakt = [Proefstanden.Stand, "VI-2026-ontwerpbegroting", "V-2016-ontwerpbegroting"];
        var eerst = Regelids(voor["voor.db"], aangeraakt);
        Regelids(Bron.Huidig!.Db.DatabasePad, aangeraakt).Should().Equal(eerst);
        eerst.Should().Contain(r => string.CompareOrdinal(r.Stand, "VI-2026") > 0, "some stand comes after the new one");
    }

    /// <summary>
    /// Where the incremental path does not apply the whole database is built, with the reason: a was → wordt table changes the
    /// reconciliations of every year it names. The database is then a full load's, ids included.
    /// </summary>
    [Fact]
    public async Task Een_was_wordt_tabel_bouwt_de_hele_database_en_zegt_waarom()
    {
        var tabel = string.Join(',', Waswordttabel.Kolommen) + "\r\nVI,32,Rechtspraak,2026,XXI,1,Rechtspraak,2027,proef: een verhuizing die nog niet gepubliceerd is,462\r\n";
        var antwoord = await _client.Importeer(tabel, Tokens.Maak(), "?bestandsnaam=was-wordt-proef.csv");
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, await antwoord.Content.ReadAsStringAsync());
        Bron.LaatsteImportIncrementeel.Should().BeFalse();
        Bron.LaatsteVolledigeImport.Should().Contain("was-wordt");
        VergelijkMetVolledigeLading("na een was-wordt-tabel");
    }

    /// <summary>
    /// An import's two versions, read in one pass (Gegevensversie.BerekenMetImport), are those <see cref="Gegevensversie.Bereken"/>
    /// gives: of the folders as they are, and with the import's files, a new name or one that replaces a stored import.
    /// </summary>
    [Fact]
    public async Task De_versies_van_een_import_in_een_keer_zijn_die_van_Bereken()
    {
        await Importeer(Proefstanden.EersteSuppletoire(await Export(Proefstanden.ExportUrl)), "suppletoire.csv", HttpStatusCode.Created, "nieuw");
        var bron = Bron;
        var opgeslagen = Standbestandsmappen.Imports(bron.ImportMap).Single().Pad;
        foreach (var naam in new[] { "nieuw-bestand.csv", "a.csv", "zzz.csv", Path.GetFileName(opgeslagen) })
        {
            (string, byte[])[] teSchrijven = [(naam, "inhoud"u8.ToArray()), (naam + Standbestandsmappen.Importsuffix, "{}"u8.ToArray())];
            var (nu, met) = Gegevensversie.BerekenMetImport(bron.DataMap, bron.ImportMap, teSchrijven);
            nu.Should().Be(Gegevensversie.Bereken(bron.DataMap, bron.ImportMap)).And.Be(bron.Huidig!.Versie);
            met.Should().Be(Gegevensversie.Bereken(bron.DataMap, bron.ImportMap, teSchrijven), naam).And.NotBe(nu);
        }
    }

    /// <summary>Every line's id with its stand, but those of the given standen, in id order.</summary>
    private static List<(long Id, string Stand)> Regelids(string pad, string[] behalve)
    {
        using var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = pad, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        verbinding.Open();
        using var opdracht = verbinding.CreateCommand();
        opdracht.CommandText = "SELECT r.id, s.sleutel FROM regel r JOIN stand s ON s.id = r.stand_id ORDER BY r.id";
        var ids = new List<(long, string)>();
        using var lezer = opdracht.ExecuteReader();
        while (lezer.Read())
        {
            if (!behalve.Contains(lezer.GetString(1))) ids.Add((lezer.GetInt64(0), lezer.GetString(1)));
        }
        return ids;
    }

    /// <summary>The served database against a full load of the same folders into a file of its own, table by table.</summary>
    private void VergelijkMetVolledigeLading(string wanneer)
    {
        var bron = Bron;
        var huidig = bron.Huidig!;
        using var map = new TijdelijkeMap();
        var resultaat = Lader.Laad(bron.DataMap, Standbestandsmappen.Zoek(bron.DataMap, bron.ImportMap), map["volledig.db"], bron.Lezers, huidig.Versie);
        resultaat.Gelukt.Should().BeTrue(wanneer);
        var incrementeel = Inhoud(huidig.Db.DatabasePad);
        var volledig = Inhoud(map["volledig.db"]);
        incrementeel.Keys.Should().BeEquivalentTo(volledig.Keys, wanneer);
        foreach (var (tabel, rijen) in volledig)
        {
            incrementeel[tabel].Should().Equal(rijen, $"{wanneer}: table {tabel} must be what a full load builds");
        }
    }

    /// <summary>
    /// Every table as lines of text, in the order a scan gives them (rowid, or the primary key of a table without rowid), grouped per
    /// stand where a row belongs to one (the standen sorted by key, each stand's rows in their order); ids replaced by what they name:
    /// a stand by its key, a line by its stand and its place among the stand's lines, its parent likewise. The sqlite_master (the
    /// schema and indexes) and the user_version are compared too; laadinfo's geladen_op is when it was built, and differs.
    /// </summary>
    private static Dictionary<string, List<string>> Inhoud(string pad)
    {
        using var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = pad, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        verbinding.Open();
        List<object?[]> Lees(string sql)
        {
            using var opdracht = verbinding.CreateCommand();
            opdracht.CommandText = sql;
            using var lezer = opdracht.ExecuteReader();
            var rijen = new List<object?[]>();
            while (lezer.Read())
            {
                var rij = new object?[lezer.FieldCount];
                for (var i = 0; i < rij.Length; i++) rij[i] = lezer.IsDBNull(i) ? null : lezer.GetValue(i);
                rijen.Add(rij);
            }
            return rijen;
        }

        var standen = Lees("SELECT id, sleutel FROM stand").ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
        var regels = new Dictionary<long, string>();
        foreach (var groep in Lees("SELECT id, stand_id FROM regel ORDER BY id").GroupBy(r => (long)r[1]!))
        {
            var plaats = 0;
            foreach (var r in groep) regels[(long)r[0]!] = $"{standen[groep.Key]}#{plaats++}";
        }

        var inhoud = new Dictionary<string, List<string>>
        {
            ["sqlite_master"] = Lees("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").Select(r => string.Join("|", r)).ToList(),
            ["user_version"] = Lees("PRAGMA user_version").Select(r => string.Join("|", r)).ToList(),
        };
        foreach (var tabel in Lees("SELECT name FROM sqlite_master WHERE type = 'table'").Select(r => (string)r[0]!))
        {
            var kolommen = Lees($"SELECT name FROM pragma_table_info('{tabel}')").Select(r => (string)r[0]!).ToList();
            string Waarde(string kolom, object? waarde) => (tabel, kolom, waarde) switch
            {
                (_, _, null) => "∅",
                ("stand", "id", _) => "",
                ("regel", "id", long id) => regels[id],
                (_, "stand_id", long id) => standen[id],
                (_, "regel_id" or "ouder_id", long id) => regels[id],
                _ => Convert.ToString(waarde, CultureInfo.InvariantCulture)!,
            };
            string? StandVan(object?[] rij) => tabel == "stand" ? (string)rij[kolommen.IndexOf("sleutel")]!
                : kolommen.IndexOf("stand_id") is >= 0 and var s ? standen[(long)rij[s]!]
                : kolommen.IndexOf("regel_id") is >= 0 and var r ? regels[(long)rij[r]!].Split('#')[0] : null;
            var rijen = Lees($"SELECT * FROM \"{tabel}\"")
                .Where(r => !(tabel == "laadinfo" && (string)r[0]! == "geladen_op"))
                .Select(r => (Stand: StandVan(r), Tekst: string.Join("|", r.Select((w, i) => $"{kolommen[i]}={Waarde(kolommen[i], w)}"))))
                .ToList();
            inhoud[tabel] = rijen.GroupBy(r => r.Stand).OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Select(r => r.Tekst)).ToList();
        }
        return inhoud;
    }
}
