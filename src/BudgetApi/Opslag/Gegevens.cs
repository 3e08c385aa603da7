using System.Collections.Concurrent;

namespace BudgetApi.Opslag;

/// <summary>
/// Everything a request reads, for one version of the data: the database, its catalogue, and what is computed from it once
/// (reconciliations, findings). A reload or import makes a new one and swaps it in whole; a request keeps the one it started
/// with to the end, so it never sees half of two versions. When a newer version has replaced it and its last request is done,
/// its database file is removed.
/// </summary>
public sealed class Gegevens(string versie, BudgetDb db) : IGegevensversie
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _berekend = new();
    private readonly Lazy<Catalogus> _catalogus = new(() => new Catalogus(db));
    private int _inGebruik;
    private int _vervangen;
    private int _opgeruimd;
    private bool _bestandWeg = true;

    public string Versie { get; } = versie;

    public BudgetDb Db { get; } = db;

    public Catalogus Catalogus => _catalogus.Value;

    /// <summary>Something computed from this version's data once, on first use (the data of a version never changes).</summary>
    public T Berekend<T>(Func<Gegevens, T> bereken) where T : class =>
        (T)_berekend.GetOrAdd(typeof(T), _ => new Lazy<object>(() => bereken(this))).Value;

    public void NeemInGebruik() => Interlocked.Increment(ref _inGebruik);

    public void GeefVrij()
    {
        if (Interlocked.Decrement(ref _inGebruik) == 0 && Volatile.Read(ref _vervangen) == 1) RuimOp();
    }

    /// <summary>
    /// A newer version serves from now on: this one's file goes as soon as no request reads it; with <paramref name="bestandWeg"/>
    /// false (its database was rebuilt in place) only its connections are closed.
    /// </summary>
    internal void Vervang(bool bestandWeg = true)
    {
        _bestandWeg = bestandWeg;
        Volatile.Write(ref _vervangen, 1);
        if (Volatile.Read(ref _inGebruik) == 0) RuimOp();
    }

    private void RuimOp()
    {
        if (Interlocked.Exchange(ref _opgeruimd, 1) == 1) return;
        Db.Sluit();
        if (!_bestandWeg) return;
        try { File.Delete(Db.DatabasePad); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A request's hold on the version it started with (scoped: released when the request ends).</summary>
public sealed class Gegevensgebruik : IDisposable
{
    public Gegevensgebruik(Gegevensbron bron) => Gegevens = bron.NeemInGebruik();

    public Gegevens Gegevens { get; }

    public void Dispose() => Gegevens.GeefVrij();
}
