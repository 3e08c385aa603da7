using Dapper;

namespace BudgetApi.Opslag;

/// <summary>A budget as loaded: its code (JenV, AenM), name, stand, unit and years.</summary>
public sealed record Begroting
{
    public required string Code { get; init; }
    public required string Naam { get; init; }
    public required string Stand { get; init; }
    public required string Eenheid { get; init; }
    public int VanJaar { get; init; }
    public int TotJaar { get; init; }
    public int BronRegel { get; init; }
}

/// <summary>
/// What exists in the loaded data (begrotingen and their years, articles, organisations), read once after the load.
/// Validators ask it whether a parameter names something real; the data never changes while the service runs.
/// </summary>
public sealed class Catalogus
{
    private readonly Lazy<Inhoud> _inhoud;

    public Catalogus(BudgetDb db) => _inhoud = new Lazy<Inhoud>(() => Lees(db));

    private sealed record Inhoud(IReadOnlyList<Begroting> Begrotingen, HashSet<(string, int)> Artikelen, HashSet<string> Organisaties);

    public IReadOnlyList<Begroting> Begrotingen => _inhoud.Value.Begrotingen;

    /// <summary>The begroting with this code, matched without regard to case (JenV, jenv); null when unknown.</summary>
    public Begroting? ZoekBegroting(string? code) =>
        Begrotingen.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));

    public bool HeeftArtikel(string begroting, int artikel) => _inhoud.Value.Artikelen.Contains((begroting, artikel));

    public int EersteJaar => Begrotingen.Min(b => b.VanJaar);

    public int LaatsteJaar => Begrotingen.Max(b => b.TotJaar);

    private static Inhoud Lees(BudgetDb db)
    {
        using var verbinding = db.Open();
        var begrotingen = verbinding.Query<Begroting>(
            "SELECT code, naam, stand, eenheid, van_jaar AS VanJaar, tot_jaar AS TotJaar, bron_regel AS BronRegel FROM begroting ORDER BY rowid").ToList();
        var artikelen = verbinding.Query<(string, int)>("SELECT DISTINCT begroting, artikel FROM regel").ToHashSet();
        var organisaties = verbinding.Query<string>("SELECT code FROM organisatie").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new Inhoud(begrotingen, artikelen, organisaties);
    }
}
