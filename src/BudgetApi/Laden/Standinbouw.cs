using System.Globalization;
using System.Text.Json;
using BudgetApi.Domein;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Laden;

/// <summary>
/// The incremental import (issue 15, target 2): the new version's database is a copy of the one served, with only the standen the
/// imported file holds composed again (from all their sources, by the same <see cref="Standsamenstelling"/> a load uses) and
/// rewritten in one transaction: their lines, amounts, printed totals and sources, the findings of their composition, the file's
/// own findings and its bronbestand row. Every other stand is left as it is: it is what a full load of the same files would
/// build, because nothing it is composed from changed.
/// <para>
/// Its database answers like a full rebuild of the same files, with one difference on purpose: ids. A full load numbers the
/// standen and lines 1, 2, 3, … in the order of the standen, so a stand added in the middle renumbers every line after it; here
/// every line of every other stand keeps its id, a replaced stand keeps its own id, and the stand's new lines get ids above any in
/// use (a RegelId never comes to name another line). Everything else is equal, row for row (tests/…/IncrementeleImportTests).
/// </para>
/// <para>
/// When it cannot apply, it says why (the reason <see cref="Bouw"/> gives) and the caller builds the whole data as before:
/// a was → wordt table (it changes the reconciliations between standen of every year it names), a file under a name that is already
/// loaded, or a source of a stand that cannot be found by its name.
/// </para>
/// </summary>
public static class Standinbouw
{
    /// <summary>
    /// Builds the database of the version with <paramref name="extra"/> at <paramref name="databasePad"/>, from a copy of
    /// <paramref name="huidigPad"/> (the database of exactly <paramref name="bestanden"/>). Null, with the reason, when the
    /// incremental path does not apply; a disk error is thrown (the caller answers 507), and nothing is left of the attempt.
    /// </summary>
    public static Laadresultaat? Bouw(string dataMap, IReadOnlyList<Standbestand> bestanden, Standbestand extra, string huidigPad, string databasePad,
        IReadOnlyList<IStandlezer> lezers, string versie, out string? reden, out string tijden)
    {
        var klok = System.Diagnostics.Stopwatch.StartNew();
        var stappen = new List<string>();
        void Stap(string naam)
        {
            stappen.Add($"{naam} {klok.ElapsedMilliseconds} ms");
            klok.Restart();
        }
        tijden = "";
        // Read as a load reads it (without the import's expectation): its reading and findings are then the load's.
        var gelezen = Lader.LeesStandbestand(extra, lezers);
        if (!gelezen.Gelukt) { reden = "het bestand geeft bij het laden problemen"; return null; }
        if (gelezen.Formaat == Waswordttabel.Formaat) { reden = "een was-wordt-tabel verandert de aansluitingen tussen standen van elk jaar dat zij noemt"; return null; }
        if (bestanden.Any(b => b.Naam == extra.Naam)) { reden = $"er is al een bestand {extra.Naam}"; return null; }
        var namen = bestanden.GroupBy(b => b.Naam, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (namen.Values.Any(g => g.Count > 1) || namen.ContainsKey(Documentlezer.Bestand)) { reden = "twee bronnen hebben dezelfde naam"; return null; }

        var standen = gelezen.Standen.Select(s => s.Stand).Distinct().ToHashSet();
        var tijdelijk = $"{databasePad}.{Guid.NewGuid():N}.bouw";
        try
        {
            // A copy of the served database: readers keep reading the original (opened read-only, never written) until the swap.
            Stap("lezen");
            File.Copy(huidigPad, tijdelijk, overwrite: false);
            Stap("kopie");
            using (var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = tijdelijk, Pooling = false }.ToString()))
            {
                verbinding.Open();
                verbinding.Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
                using (var transactie = verbinding.BeginTransaction())
                {
                    // A stand keeps its id (Databaseschrijver.VervangStand): its rows point at it again before the commit, which is
                    // where the foreign keys are checked (a counter of violations, not a scan of the tables).
                    verbinding.Execute("PRAGMA defer_foreign_keys = ON", transaction: transactie);
                    reden = Schrijf(verbinding, transactie, dataMap, namen, extra, gelezen, standen, lezers, versie);
                    if (reden is not null) return null;
                    transactie.Commit();
                }
                Stap("schrijven");
                // Synced once, whole, before the move makes it the database (as a full load does).
                verbinding.Execute("PRAGMA synchronous = FULL;");
            }
            using (var bestand = new FileStream(tijdelijk, FileMode.Open, FileAccess.ReadWrite)) bestand.Flush(flushToDisk: true);
            File.Move(tijdelijk, databasePad, overwrite: true);
            Stap("vastleggen");
            tijden = string.Join(", ", stappen);
            return new Laadresultaat([], new Dictionary<string, int>());
        }
        finally
        {
            if (File.Exists(tijdelijk)) File.Delete(tijdelijk);
        }
    }

    private sealed record Bronrij(long Id, string Naam, string Formaat, string Sha256, string? GeimporteerdOp, string? GeimporteerdDoor);

    private sealed record Bevindingrij(string Id, string Soort, string Ernst, string? Hoofdstuk, string Inhoud);

    private static string? Schrijf(SqliteConnection verbinding, SqliteTransaction transactie, string dataMap, Dictionary<string, List<Standbestand>> namen,
        Standbestand extra, Leesresultaat gelezen, HashSet<Standsleutel> standen, IReadOnlyList<IStandlezer> lezers, string versie)
    {
        var schrijver = new Databaseschrijver(verbinding, transactie);
        verbinding.Execute("UPDATE laadinfo SET waarde = @Versie WHERE sleutel = 'versie'; UPDATE laadinfo SET waarde = @Op WHERE sleutel = 'geladen_op'",
            new { Versie = versie, Op = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, transactie);

        // The file's own bronbestand row: the last source in load order, so the id a full load gives it (the highest).
        var bron = new Bronbestand(extra.Naam, gelezen.Formaat, Standbestandsmappen.Sha256(extra.Lees()), int.MaxValue, extra.GeimporteerdOp, extra.GeimporteerdDoor)
        {
            Lezing = Bronlezing.Van(gelezen),
        };
        var nieuwId = schrijver.SchrijfBron(bron);
        bron = bron with { Volgorde = checked((int)nieuwId) };

        // A hoofdstuk no source named before comes in as a load adds it (Lader.RegisterMetBronnen): after the others, named by the file.
        var bekend = verbinding.Query<string>("SELECT hoofdstuk FROM begroting", transaction: transactie).ToHashSet(StringComparer.Ordinal);
        foreach (var kop in gelezen.Standen)
        {
            if (!bekend.Add(kop.Stand.Hoofdstuk)) continue;
            verbinding.Execute("INSERT INTO begroting VALUES (@Hoofdstuk, @Hoofdstuk, @Naam, 'begroting', (SELECT COUNT(*) FROM begroting))",
                new { kop.Stand.Hoofdstuk, Naam = kop.NaamZoalsGepubliceerd ?? kop.Stand.Hoofdstuk }, transactie);
        }

        // Per stand the sources that count now (stand_bron: per format the last in load order); the file replaces its own format's.
        var bronrijen = verbinding.Query<Bronrij>("""
            SELECT b.id AS Id, b.naam AS Naam, b.formaat AS Formaat, b.sha256 AS Sha256, b.geimporteerd_op AS GeimporteerdOp, b.geimporteerd_door AS GeimporteerdDoor
            FROM bronbestand b WHERE b.id IN (SELECT sb.bron_id FROM stand_bron sb JOIN stand s ON s.id = sb.stand_id WHERE s.sleutel IN @Sleutels)
            ORDER BY b.id
            """, new { Sleutels = standen.Select(s => s.Id).ToArray() }, transactie)
            .Where(r => r.Formaat != gelezen.Formaat).ToList();
        var bronnen = new List<Bronoverzicht>();
        var delen = new List<Leesresultaat>();
        var bronId = new Dictionary<Bronbestand, long>();
        foreach (var rij in bronrijen)
        {
            Leesresultaat resultaat;
            if (rij.Naam == Documentlezer.Bestand && rij.Formaat == Documentlezer.Formaat)
            {
                var problemen = new List<Laadprobleem>();
                resultaat = Documentlezer.Lees(dataMap, problemen).AlsStanden();
                if (problemen.Count > 0) return "het document geeft bij het laden problemen";
            }
            else if (namen.TryGetValue(rij.Naam, out var bestand))
            {
                resultaat = Lader.LeesStandbestand(bestand[0], lezers);
                if (!resultaat.Gelukt || resultaat.Formaat != rij.Formaat) return $"bron {rij.Naam} leest nu anders dan toen zij werd geladen";
            }
            else
            {
                return $"bron {rij.Naam} is niet meer te vinden";
            }
            var eerder = new Bronbestand(rij.Naam, rij.Formaat, rij.Sha256, checked((int)rij.Id),
                rij.GeimporteerdOp is null ? null : DateTimeOffset.Parse(rij.GeimporteerdOp, CultureInfo.InvariantCulture), rij.GeimporteerdDoor);
            bronId[eerder] = rij.Id;
            bronnen.Add(new Bronoverzicht(eerder, resultaat.Formaat, resultaat.Standen.Where(s => standen.Contains(s.Stand)).ToList()));
            delen.Add(resultaat);
        }
        bronId[bron] = nieuwId;
        bronnen.Add(new Bronoverzicht(bron, gelezen.Formaat, gelezen.Standen.Where(s => standen.Contains(s.Stand)).ToList()));
        delen.Add(gelezen);

        // Composed as a load composes them, each from every source that holds it; the composition's findings as it makes them.
        var stukken = delen.Select(d => (Regels: d.Regels.ToLookup(r => r.Stand), Totalen: d.Totalen.ToLookup(t => t.Stand))).ToList();
        var samenstelling = new List<Bevinding>();
        foreach (var stand in Standsamenstelling.Stel(bronnen, (i, s) => new Standdeel(stukken[i].Regels[s].ToList(), stukken[i].Totalen[s].ToList()), samenstelling))
        {
            schrijver.VervangStand(stand, bronId);
        }

        SchrijfBevindingen(verbinding, transactie, gelezen, standen, samenstelling);
        return null;
    }

    /// <summary>
    /// The findings in a full load's order (they are served by rowid): every file's own findings in load order (this file's last),
    /// then the composition's, stand after stand in the standen's order, each id once (the first). The file's findings are added
    /// after the others of their kind, the composed standen's replace theirs in place.
    /// </summary>
    private static void SchrijfBevindingen(SqliteConnection verbinding, SqliteTransaction transactie, Leesresultaat gelezen, HashSet<Standsleutel> standen,
        List<Bevinding> samenstelling)
    {
        var rijen = verbinding.Query<Bevindingrij>("SELECT id AS Id, soort AS Soort, ernst AS Ernst, hoofdstuk AS Hoofdstuk, inhoud AS Inhoud FROM bevinding ORDER BY rowid",
            transaction: transactie).ToList();
        // Only the composition makes this kind (Standsamenstelling), and a load writes it after every file's own.
        static bool VanSamenstelling(string soort) => soort == Bevindingsoorten.BronnenVerschillen;
        var gelezenRijen = rijen.Where(r => !VanSamenstelling(r.Soort))
            .Concat(gelezen.Bevindingen.Where(b => b.Soort != Bevindingsoorten.TotaalSluitNiet).Select(Rij));
        var samengesteld = rijen.Where(r => VanSamenstelling(r.Soort)).Select(r => (Rij: r, Stand: StandVan(r.Inhoud)))
            .Where(r => r.Stand is not { } s || !standen.Contains(s))
            .Concat(samenstelling.Select(b => (Rij: Rij(b), Stand: (Standsleutel?)(b.Begrotingsjaar is { } j && b.Fase is not null && b.Hoofdstuk is not null
                ? new Standsleutel(b.Hoofdstuk, j, b.Fase) : null))))
            // A stable sort: the composed standen's findings come in their stand's place, in the order they were made.
            .OrderBy(r => r.Stand?.Hoofdstuk, StringComparer.Ordinal).ThenBy(r => r.Stand?.Begrotingsjaar).ThenBy(r => r.Stand is { } s ? Begrotingscodes.Volgorde(s.Fase) : 0)
            .Select(r => r.Rij);
        var alle = gelezenRijen.Concat(samengesteld).DistinctBy(r => r.Id).ToList();
        verbinding.Execute("DELETE FROM bevinding", transaction: transactie);
        verbinding.Execute("INSERT INTO bevinding VALUES (@Id, @Soort, @Ernst, @Hoofdstuk, @Inhoud)", alle, transactie);
    }

    private static Bevindingrij Rij(Bevinding b) => new(b.Id, b.Soort, b.Ernst, b.Hoofdstuk, Databaseschrijver.Bevindingtekst(b));

    private static Standsleutel? StandVan(string inhoud)
    {
        using var json = JsonDocument.Parse(inhoud);
        var w = json.RootElement;
        return w.TryGetProperty("hoofdstuk", out var h) && h.ValueKind == JsonValueKind.String
               && w.TryGetProperty("begrotingsjaar", out var j) && j.ValueKind == JsonValueKind.Number
               && w.TryGetProperty("fase", out var f) && f.ValueKind == JsonValueKind.String
            ? new Standsleutel(h.GetString()!, j.GetInt32(), f.GetString()!) : null;
    }
}
