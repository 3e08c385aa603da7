using System.Collections.Concurrent;
using System.Text;
using BudgetApi.Domein;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Laden;

/// <summary>The outcome of a load: the problems found (empty when the database was built and moved into place).</summary>
public sealed record Laadresultaat(IReadOnlyList<Laadprobleem> Problemen, IReadOnlyDictionary<string, int> RijenPerBestand)
{
    public bool Gelukt => Problemen.Count == 0;

    /// <summary>The standen the load holds, each with its ETag (their lines are in the database, not kept here).</summary>
    public IReadOnlyList<GeladenStand> Standen { get; init; } = [];
}

/// <summary>A stand as a load stored it: its key and its ETag.</summary>
public sealed record GeladenStand(Standsleutel Sleutel, string Etag);

/// <summary>
/// The only writer: reads data/ and the stand files, validates every row of every file, merges the sources into standen, and
/// builds the SQLite database in a temporary file that replaces the target only when it is complete. A failed load leaves
/// the previous database as it was.
/// </summary>
public static class Lader
{
    public const string Begrotingen = Documentlezer.Begrotingen;
    public const string Artikelen = Documentlezer.Artikelen;
    public const string Waarvanregels = Documentlezer.Waarvanregels;
    public const string GedrukteTotalen = Documentlezer.GedrukteTotalen;
    public const string UitgavenbegrotingJenV = Documentlezer.UitgavenbegrotingJenV;
    public const string Organisaties = Documentlezer.Organisaties;
    public const string Organisatiefeiten = Documentlezer.Organisatiefeiten;
    public const string Bezetting = Documentlezer.Bezetting;

    /// <summary>The user_version the loader sets once a database is complete (<see cref="Opslag.BudgetDb.IsGaaf"/> asks for it).</summary>
    public const int Schemaversie = 1;

    /// <summary>Loads the data folder alone (its document and data/standen/), as the tests and a plain start do.</summary>
    public static Laadresultaat Laad(string dataMap, string databasePad, IReadOnlyList<IStandlezer>? lezers = null) =>
        Laad(dataMap, Standbestandsmappen.Zoek(dataMap, importMap: null), databasePad, lezers ?? Standbestanden.Standlezers.Alle, versie: "");

    /// <summary>
    /// Loads the document in <paramref name="dataMap"/> and the given stand files into a new database at <paramref name="databasePad"/>.
    /// With <paramref name="databasePad"/> null nothing is written: the load only validates (an import checks its file this way).
    /// </summary>
    public static Laadresultaat Laad(string dataMap, IReadOnlyList<Standbestand> bestanden, string? databasePad, IReadOnlyList<IStandlezer> lezers, string versie)
    {
        var problemen = new List<Laadprobleem>();
        var document = Documentlezer.Lees(dataMap, problemen);
        // The fase codes of the published files (data/fasen.csv) before any stand file is read: an operator extends the list there.
        problemen.AddRange(Standbestanden.Fasecodes.Laad(dataMap).Select(p => new Laadprobleem(p.Bestand, p.Regel, p.Kolom, p.Melding)));
        var rijen = document.RijenPerBestand;
        var verhuizingen = Waswordttabel.Lees(dataMap, problemen);
        if (problemen.Count > 0) return new Laadresultaat(problemen, rijen);

        var documentbron = new Bronbestand(Documentlezer.Bestand, Documentlezer.Formaat, document.Sha256(), 0);
        var documentstanden = document.AlsStanden();
        var bronnen = new List<Bronoverzicht> { new(documentbron, documentstanden.Formaat, documentstanden.Standen) };
        // Every file is read and validated before a stand is composed; its lines wait on disk (Standdelen), not in memory.
        using var delen = new Standdelen(Tussenbestand(databasePad));
        delen.Bewaar(0, documentstanden);
        var bevindingen = new List<Bevinding>();
        var tabellen = new List<IReadOnlyList<Verhuizing>> { verhuizingen };
        foreach (var (bestand, resultaat, sha256) in LeesOpVolgorde(bestanden, lezers))
        {
            problemen.AddRange(resultaat.Problemen.Select(p => new Laadprobleem(p.Bestand, p.Regel, p.Kolom, p.Melding, bestand.Map)));
            // After a refusal the other files are still read, so that the answer names every problem, but nothing more is kept.
            if (problemen.Count > 0) continue;
            var bron = new Bronbestand(bestand.Naam, resultaat.Formaat, sha256, bestand.Volgorde, bestand.GeimporteerdOp, bestand.GeimporteerdDoor)
            {
                Lezing = Bronlezing.Van(resultaat),
            };
            delen.Bewaar(bronnen.Count, resultaat);
            bronnen.Add(new Bronoverzicht(bron, resultaat.Formaat, resultaat.Standen));
            // A was → wordt table placed or imported beside the stand files: its moves after the data folder's, in load order.
            // Decoded by the one rule for every stand file (UTF-8 or Windows-1252), as it was when it was validated.
            if (resultaat.Formaat == Waswordttabel.Formaat) tabellen.Add(Waswordttabel.Lees(bestand.Naam, Standbestanden.Tekstcodering.Lees(bestand.Naam, bestand.Lees()).Tekst, []));
            // A total that does not add up is found again per stand once the sources are merged (/aansluitingen, and from it
            // /bevindingen): one list of them, about the merged stand, not one per file.
            bevindingen.AddRange(resultaat.Bevindingen.Where(b => b.Soort != Bevindingsoorten.TotaalSluitNiet));
        }
        if (problemen.Count > 0) return new Laadresultaat(problemen, rijen);

        var begrotingen = RegisterMetBronnen(document.Registry, bronnen);
        // Composed one stand at a time, the next while the writer writes the last; the composition's findings join the list as it
        // goes, and the writer reads that list only once every stand has been handed over.
        var standen = Vooruit(Standsamenstelling.Stel(bronnen, delen.Lees, bevindingen), ruimte: 2);
        IReadOnlyList<GeladenStand> geladen = [];
        if (databasePad is not null)
        {
            Bouw(databasePad, (verbinding, transactie) =>
                geladen = new Databaseschrijver(verbinding, transactie).Schrijf(document, begrotingen, bronnen.Select(b => b.Bron).ToList(), standen, bevindingen, versie,
                    Waswordttabel.Samen(tabellen)));
        }
        else
        {
            geladen = standen.Select(s => new GeladenStand(s.Sleutel, s.Etag)).ToList();
        }
        return new Laadresultaat([], rijen) { Standen = geladen };
    }

    /// <summary>
    /// The stand files read and validated in load order, each with the SHA-256 of its bytes. Files are independent, so they are read
    /// ahead on the machine's other cores; at most one per core is read ahead of the one handed out, so memory holds a few files
    /// being read, never all of them.
    /// </summary>
    private static IEnumerable<(Standbestand Bestand, Leesresultaat Resultaat, string Sha256)> LeesOpVolgorde(IReadOnlyList<Standbestand> bestanden, IReadOnlyList<IStandlezer> lezers)
    {
        var vooruit = Math.Max(1, Environment.ProcessorCount);
        var bezig = new Queue<Task<(Leesresultaat, string)>>();
        var volgende = 0;
        for (var i = 0; i < bestanden.Count; i++)
        {
            while (volgende < bestanden.Count && bezig.Count < vooruit)
            {
                var bestand = bestanden[volgende++];
                bezig.Enqueue(Task.Run(() => (LeesStandbestand(bestand, lezers), Standbestandsmappen.Sha256(bestand.Lees()))));
            }
            var (resultaat, sha256) = bezig.Dequeue().GetAwaiter().GetResult();
            yield return (bestanden[i], resultaat, sha256);
        }
    }

    /// <summary>
    /// The items of <paramref name="bron"/> made on another thread, at most <paramref name="ruimte"/> ahead of the one handed out: the
    /// composition of the next stand runs while the writer writes this one. The order is <paramref name="bron"/>'s; an exception in
    /// it is thrown here; a consumer that stops early stops the producer.
    /// </summary>
    private static IEnumerable<T> Vooruit<T>(IEnumerable<T> bron, int ruimte)
    {
        using var stop = new CancellationTokenSource();
        using var wachtrij = new BlockingCollection<T>(ruimte);
        var maker = Task.Run(() =>
        {
            try
            {
                foreach (var item in bron) wachtrij.Add(item, stop.Token);
            }
            finally
            {
                wachtrij.CompleteAdding();
            }
        });
        try
        {
            foreach (var item in wachtrij.GetConsumingEnumerable()) yield return item;
            maker.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            // The producer ends at its next item (cancelled) or already has; its own exception, if any, was thrown above.
            try { maker.Wait(); } catch (AggregateException) { }
        }
    }

    /// <summary>
    /// Where the lines wait between reading and composing: beside the database being built (named like its build file, so that
    /// what a killed load leaves is removed with it), or in the temporary folder when the load only validates.
    /// </summary>
    private static string Tussenbestand(string? databasePad)
    {
        if (databasePad is null) return Path.Combine(Path.GetTempPath(), $"budgetapi.{Guid.NewGuid():N}.bouw-delen");
        var map = Path.GetDirectoryName(Path.GetFullPath(databasePad))!;
        Directory.CreateDirectory(map);
        // Left behind by a load that was killed: the half-built file, SQLite's journal beside it and the lines waiting; never the live database.
        foreach (var oud in Directory.EnumerateFiles(map, Path.GetFileName(databasePad) + ".*.bouw*"))
        {
            File.Delete(oud);
        }
        return $"{databasePad}.{Guid.NewGuid():N}.bouw-delen";
    }

    /// <summary>
    /// Reads one stand file with the reader its columns name, after detecting its encoding (UTF-8 or Windows-1252); a file no
    /// reader knows is a refusal naming what each column was recognised as (Standlezers). The was → wordt table is read here too.
    /// </summary>
    public static Leesresultaat LeesStandbestand(Standbestand bestand, IReadOnlyList<IStandlezer> lezers, Standverwachting? verwachting = null)
    {
        var bytes = bestand.Lees();
        var (tekst, _, probleem) = Standbestanden.Tekstcodering.Lees(bestand.Naam, bytes);
        if (probleem is null && Waswordttabel.Herkent(Standbestanden.Csvbestand.Kopregel(tekst)))
        {
            // Not a stand but the table of artikelen that move (docs/standen.md): validated whole like a stand file, and loaded with them.
            var fouten = new List<Laadprobleem>();
            Waswordttabel.Lees(bestand.Naam, tekst, fouten);
            if (verwachting is not null) fouten.Add(new Laadprobleem(bestand.Naam, 1, 0, "een was-wordt-tabel heeft geen stand: noem geen begroting, begrotingsjaar of fase"));
            return new Leesresultaat(Waswordttabel.Formaat, [], [], [], [], fouten.Select(p => new Leesprobleem(p.Bestand, p.Regel, p.Kolom, p.Melding)).ToList());
        }
        // Our own export escapes formula text; reading it back undoes that (Exporttekst).
        return Exporttekst.Terug(Standbestanden.Standlezers.Lees(bestand.Naam, bytes, verwachting, lezers));
    }

    /// <summary>
    /// The registry's begrotingen, and every hoofdstuk a source names that the registry lacks (a new one, like XXIII): it is known
    /// by its hoofdstuk code and the name the source gives it, so nothing a source holds is left unreachable.
    /// </summary>
    private static List<RegisterBegroting> RegisterMetBronnen(IReadOnlyList<RegisterBegroting> registry, IEnumerable<Bronoverzicht> bronnen)
    {
        var begrotingen = registry.ToList();
        foreach (var kop in bronnen.SelectMany(b => b.Standen))
        {
            if (begrotingen.Any(b => b.Hoofdstuk == kop.Stand.Hoofdstuk)) continue;
            begrotingen.Add(new RegisterBegroting(kop.Stand.Hoofdstuk, kop.Stand.Hoofdstuk, kop.NaamZoalsGepubliceerd ?? kop.Stand.Hoofdstuk, "begroting", begrotingen.Count));
        }
        return begrotingen;
    }

    /// <summary>Builds the database beside its target in a temporary file, in one transaction, and moves it into place only when complete.</summary>
    private static void Bouw(string databasePad, Action<SqliteConnection, SqliteTransaction> schrijf)
    {
        // The folder exists and what a killed load left is gone: Tussenbestand saw to both before the files were read.
        var tijdelijk = $"{databasePad}.{Guid.NewGuid():N}.bouw";
        try
        {
            // Pooling off: the file must be closed before it is moved into place. The journal is off and writes are not synced
            // while building: the file is not the database until the move, and a crash before it only leaves a .bouw file.
            using (var verbinding = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = tijdelijk, Pooling = false }.ToString()))
            {
                verbinding.Open();
                using (var pragma = verbinding.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;";
                    pragma.ExecuteNonQuery();
                }
                using (var transactie = verbinding.BeginTransaction())
                {
                    schrijf(verbinding, transactie);
                    transactie.Commit();
                }
                // Synced once, whole, before the move makes it the database.
                using var sync = verbinding.CreateCommand();
                sync.CommandText = $"PRAGMA synchronous = FULL; PRAGMA user_version = {Schemaversie};";
                sync.ExecuteNonQuery();
            }
            using (var bestand = new FileStream(tijdelijk, FileMode.Open, FileAccess.ReadWrite)) bestand.Flush(flushToDisk: true);
            File.Move(tijdelijk, databasePad, overwrite: true);
        }
        finally
        {
            if (File.Exists(tijdelijk)) File.Delete(tijdelijk);
        }
    }
}
