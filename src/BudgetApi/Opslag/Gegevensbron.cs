using BudgetApi.Domein;
using BudgetApi.Laden;

namespace BudgetApi.Opslag;

/// <summary>A reload that did not go through: when, why it was tried, and every problem. The old data keeps serving.</summary>
public sealed record MisluktHerladen(DateTimeOffset Tijd, string Aanleiding, IReadOnlyList<string> Problemen);

/// <summary>
/// The data the service serves, and the only way it changes: a load at start, a reload (the data folder changed, SIGHUP), an import.
/// Each builds a complete database for the new version beside the old one and swaps it in whole; a request in flight finishes on
/// the version it started with. Invalid data never replaces valid data. Changes are serialized: one at a time.
/// </summary>
public sealed class Gegevensbron(string dataMap, string databasePad, string importMap, IReadOnlyList<IStandlezer> lezers,
    ILogger<Gegevensbron> logger, TimeProvider tijd, Bedrijfsvoering.Metingen? metingen = null) : IDisposable
{
    private readonly SemaphoreSlim _eenTegelijk = new(1, 1);
    private volatile Gegevens? _huidig;

    public string DataMap { get; } = dataMap;

    public string ImportMap { get; } = importMap;

    /// <summary>The folder of the databases (Budget:DatabasePad): this instance's own, never shared.</summary>
    public string DatabaseMap => Path.GetDirectoryName(databasePad)!;

    public IReadOnlyList<IStandlezer> Lezers { get; } = lezers;

    /// <summary>The version served now; null before the first load completed.</summary>
    public Gegevens? Huidig => _huidig;

    /// <summary>The last reload that failed, until a later one succeeds (readiness names it).</summary>
    public MisluktHerladen? LaatsteMislukking { get; private set; }

    /// <summary>When the version served now was swapped in (at start, by a reload or an import).</summary>
    public DateTimeOffset? GeladenOp { get; private set; }

    /// <summary>A hold on the current version for one request; the version's file stays until every hold is released.</summary>
    public Gegevens NeemInGebruik()
    {
        while (true)
        {
            var gegevens = _huidig ?? throw new InvalidOperationException("Er zijn nog geen gegevens geladen.");
            gegevens.NeemInGebruik();
            if (ReferenceEquals(gegevens, _huidig)) return gegevens;
            gegevens.GeefVrij(); // swapped between reading and holding: hold the new one
        }
    }

    /// <summary>The database file of a version: budget.db → budget.&lt;versie&gt;.db beside it.</summary>
    public string DatabaseVoor(string versie) =>
        Path.Combine(Path.GetDirectoryName(databasePad)!, $"{Path.GetFileNameWithoutExtension(databasePad)}.{versie}{Path.GetExtension(databasePad)}");

    /// <summary>The load at start: reuses the database of the same version when it is there (complete by construction), else builds it.</summary>
    public Laadresultaat Laad()
    {
        _eenTegelijk.Wait();
        try
        {
            Standbestandsmappen.RuimOp(ImportMap);
            var resultaat = LaadVersie(Standbestandsmappen.Zoek(DataMap, ImportMap), import: null, out var gegevens);
            if (gegevens is not null)
            {
                Zet(gegevens);
                RuimOudeVersiesOp(gegevens);
            }
            return resultaat;
        }
        finally
        {
            _eenTegelijk.Release();
        }
    }

    /// <summary>
    /// A reload: when the files changed, the new data is validated and built whole, then swapped in. Invalid data leaves the old
    /// data serving, is logged, and stays named (<see cref="LaatsteMislukking"/>) until a reload succeeds.
    /// </summary>
    public async Task<Laadresultaat?> HerlaadAsync(string aanleiding, CancellationToken ct = default)
    {
        await _eenTegelijk.WaitAsync(ct);
        try
        {
            Laadresultaat resultaat;
            Gegevens? gegevens;
            try
            {
                var versie = Gegevensversie.Bereken(DataMap, ImportMap);
                var beschadigd = false;
                if (versie == _huidig?.Versie)
                {
                    if (BudgetDb.IsGaaf(_huidig.Db.DatabasePad))
                    {
                        // The files are again those of the version that serves: whatever made the last reload fail is gone, and so is
                        // readiness's warning (it stayed until some other change before: issue 18).
                        LaatsteMislukking = null;
                        return null;
                    }
                    // The same files, but the database built from them is damaged (a disk error, a copy over it): SIGHUP builds it again
                    // (issue 18) rather than keep serving what SQLite calls malformed.
                    logger.LogWarning("Herladen ({Aanleiding}): de database van versie {Versie} ({Pad}) is beschadigd; hij wordt opnieuw gebouwd.",
                        aanleiding, versie, _huidig.Db.DatabasePad);
                    beschadigd = true;
                }
                resultaat = LaadVersie(Standbestandsmappen.Zoek(DataMap, ImportMap), import: null, out gegevens, herbouw: beschadigd);
            }
            catch (Exception fout) when (fout is not OperationCanceledException)
            {
                // A reload that cannot complete (a full disk, a folder turned read-only, a file removed while it was read) fails like
                // invalid data: the old data keeps serving and the watcher keeps watching. Thrown on, it would stop the service.
                logger.LogError(fout, "Herladen ({Aanleiding}) kon niet worden voltooid.", aanleiding);
                // Readiness is public: the problem names the setting and the reason in words, never a path or the exception's text
                // (the log line above has both).
                var probleem = Bedrijfsvoering.Opstartfout.IsBouwfout(fout)
                    ? $"de database kon niet worden gebouwd (instelling {Bedrijfsvoering.Locaties.DatabasePadSleutel}): {Bedrijfsvoering.Opstartfout.Reden(fout, DatabaseMap).Replace(DatabaseMap, "de databasemap", StringComparison.Ordinal)}"
                    : "de gegevens konden niet worden gelezen; het log van de dienst noemt de oorzaak";
                Mislukt(aanleiding, Bedrijfsvoering.Metingen.Mislukt, [probleem]);
                return new Laadresultaat([new Laadprobleem("", 0, 0, probleem)], new Dictionary<string, int>());
            }
            if (gegevens is null)
            {
                Mislukt(aanleiding, Bedrijfsvoering.Metingen.Afgewezen, resultaat.Problemen.Select(p => p.ToString()).ToList());
                return resultaat;
            }
            Zet(gegevens);
            LaatsteMislukking = null;
            metingen?.HerladenAfgehandeld(Bedrijfsvoering.Metingen.Geslaagd);
            logger.LogInformation("Herladen ({Aanleiding}): versie {Versie} in gebruik, {Standen} standen.", aanleiding, gegevens.Versie, resultaat.Standen.Count);
            return resultaat;
        }
        finally
        {
            _eenTegelijk.Release();
        }
    }

    /// <summary>A failed reload: counted (invalid data is afgewezen, a fault of the disk mislukt), named for readiness, logged.</summary>
    private void Mislukt(string aanleiding, string uitkomst, IReadOnlyList<string> problemen)
    {
        metingen?.HerladenAfgehandeld(uitkomst);
        LaatsteMislukking = new MisluktHerladen(tijd.GetUtcNow(), aanleiding, problemen);
        foreach (var probleem in problemen) logger.LogError("Herladen ({Aanleiding}) mislukt: {Probleem}", aanleiding, probleem);
        logger.LogError("Herladen ({Aanleiding}) mislukt met {Aantal} probleem/problemen; versie {Versie} blijft in gebruik.", aanleiding, problemen.Count, _huidig?.Versie);
    }

    /// <summary>
    /// Runs <paramref name="wijziging"/> while no other change runs (an import: validate, check, store, swap). The current
    /// version is stable for its whole duration.
    /// </summary>
    public async Task<T> EenTegelijkAsync<T>(Func<T> wijziging, CancellationToken ct)
    {
        await _eenTegelijk.WaitAsync(ct);
        try
        {
            return wijziging();
        }
        finally
        {
            _eenTegelijk.Release();
        }
    }

    /// <summary>
    /// Validates and builds the data with <paramref name="bestanden"/> plus an import not yet stored (its file and sidecar as they will be
    /// stored). Call inside <see cref="EenTegelijkAsync{T}"/>.
    /// </summary>
    internal Laadresultaat Probeer(IReadOnlyList<Standbestand> bestanden, Standbestand extra, byte[] zijbestand, out Gegevens? gegevens) =>
        LaadVersie(bestanden, (extra, zijbestand), out gegevens);

    /// <summary>
    /// An import's version (call inside <see cref="EenTegelijkAsync{T}"/>): written into a copy of the served database when it can be
    /// (<see cref="Standinbouw"/>: only the standen the file holds are composed and written again), else built whole as
    /// <see cref="Probeer"/> does, with the reason logged. Either way the database answers as a full load of the same files would.
    /// </summary>
    internal Laadresultaat ProbeerImport(IReadOnlyList<Standbestand> bestanden, Standbestand extra, byte[] zijbestand, out Gegevens? gegevens)
    {
        var huidig = _huidig;
        var klok = System.Diagnostics.Stopwatch.StartNew();
        var (nu, versie) = Gegevensversie.BerekenMetImport(DataMap, ImportMap, [(extra.Naam, extra.Lees()), (extra.Naam + Standbestandsmappen.Importsuffix, zijbestand)]);
        var pad = DatabaseVoor(versie);
        string? reden;
        if (huidig is null) reden = "er is nog geen versie in gebruik";
        else if (versie == huidig.Versie || (File.Exists(pad) && BudgetDb.IsGaaf(pad))) reden = null;
        // The copy is the served version's database: only when the folders still hold exactly its files (a change the watcher has not
        // yet reloaded would otherwise be left out of the new version, where a full load takes it in).
        else if (nu != huidig.Versie) reden = "de mappen zijn gewijzigd sinds de versie in gebruik werd geladen";
        else
        {
            Laadresultaat? resultaat = null;
            try
            {
                var versies = klok.ElapsedMilliseconds;
                resultaat = Standinbouw.Bouw(DataMap, bestanden, extra, huidig.Db.DatabasePad, pad, Lezers, versie, out reden, out var tijden);
                if (resultaat is not null)
                {
                    logger.LogInformation("Import {Bestand}: in een kopie van de database geschreven in {Ms} ms (versies {Versies} ms, {Tijden}).",
                        extra.Naam, klok.ElapsedMilliseconds, versies, tijden);
                }
            }
            catch (Exception fout) when (!Bedrijfsvoering.Opstartfout.IsSchijffout(fout))
            {
                // Not a disk's fault (that is a 507): the full load is the answer that is always right, so it is taken, and the fault logged.
                logger.LogError(fout, "Import {Bestand}: de stand kon niet in een kopie van de database worden geschreven; de hele database wordt gebouwd.", extra.Naam);
                reden = "de stand kon niet in een kopie worden geschreven";
            }
            if (resultaat is not null)
            {
                LaatsteImportIncrementeel = true;
                gegevens = new Gegevens(versie, new BudgetDb(pad));
                return resultaat;
            }
        }
        if (reden is not null) logger.LogInformation("Import {Bestand}: de hele database wordt gebouwd, omdat {Reden}.", extra.Naam, reden);
        LaatsteImportIncrementeel = false;
        LaatsteVolledigeImport = reden;
        return LaadVersie(bestanden, (extra, zijbestand), out gegevens, versie: versie);
    }

    /// <summary>Whether the last import was written into a copy of the served database (true) or built whole (false); null before any.</summary>
    public bool? LaatsteImportIncrementeel { get; private set; }

    /// <summary>Why the last import that was built whole could not be written into a copy (null: the same version, nothing to build).</summary>
    public string? LaatsteVolledigeImport { get; private set; }

    /// <summary>A version built for an import that could not be stored: it never serves, and its database file goes.</summary>
    internal void Verwerp(Gegevens gegevens)
    {
        if (!ReferenceEquals(gegevens, _huidig)) gegevens.Vervang();
    }

    /// <summary>Makes <paramref name="gegevens"/> the served version (inside <see cref="EenTegelijkAsync{T}"/>).</summary>
    internal void Zet(Gegevens gegevens)
    {
        var vorige = _huidig;
        _huidig = gegevens;
        GeladenOp = tijd.GetUtcNow();
        // A version rebuilt in place (a damaged database of the same files) has the same file: the old one keeps it.
        if (vorige is not null && !ReferenceEquals(vorige, gegevens)) vorige.Vervang(bestandWeg: vorige.Db.DatabasePad != gegevens.Db.DatabasePad);
    }

    /// <summary>
    /// Builds (or reuses) the database of the version these files make. The import that is being made is named in the version as
    /// the file it will be, so the database built before storing it is the one that serves after a restart.
    /// </summary>
    private Laadresultaat LaadVersie(IReadOnlyList<Standbestand> bestanden, (Standbestand Bestand, byte[] Zijbestand)? import, out Gegevens? gegevens,
        bool herbouw = false, string? versie = null)
    {
        var extra = import?.Bestand;
        versie ??= Gegevensversie.Bereken(DataMap, ImportMap, import is { } i
            ? [(i.Bestand.Naam, i.Bestand.Lees()), (i.Bestand.Naam + Standbestandsmappen.Importsuffix, i.Zijbestand)]
            : null);
        var pad = DatabaseVoor(versie);
        if (versie == _huidig?.Versie && !herbouw)
        {
            gegevens = _huidig;
            return new Laadresultaat([], new Dictionary<string, int>());
        }
        // A database left by an earlier run is reused only when it is complete and intact; else it is built again and replaced.
        if (!herbouw && File.Exists(pad) && BudgetDb.IsGaaf(pad))
        {
            gegevens = new Gegevens(versie, new BudgetDb(pad));
            return new Laadresultaat([], new Dictionary<string, int>());
        }
        var alle = extra is null ? bestanden : [.. bestanden, extra];
        var resultaat = Lader.Laad(DataMap, alle, pad, Lezers, versie);
        // The pool holds connections by file name: those to a damaged file just replaced must not serve the rebuilt one.
        if (resultaat.Gelukt && herbouw) _huidig?.Db.Sluit();
        gegevens = resultaat.Gelukt ? new Gegevens(versie, new BudgetDb(pad)) : null;
        return resultaat;
    }

    public void Dispose() => _eenTegelijk.Dispose();

    /// <summary>Databases of other versions left by earlier runs; the database folder is this instance's own (docs/deployment.md).</summary>
    private void RuimOudeVersiesOp(Gegevens huidig)
    {
        var map = Path.GetDirectoryName(databasePad)!;
        if (!Directory.Exists(map)) return;
        var patroon = $"{Path.GetFileNameWithoutExtension(databasePad)}.*{Path.GetExtension(databasePad)}";
        // Other versions' databases, and what a build that was killed left of one (its .bouw file and a journal beside it).
        foreach (var oud in Directory.EnumerateFiles(map, patroon).Concat(Directory.EnumerateFiles(map, patroon + ".*.bouw*")).Where(p => p != huidig.Db.DatabasePad))
        {
            try { File.Delete(oud); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
