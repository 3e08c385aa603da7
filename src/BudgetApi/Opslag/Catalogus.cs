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
/// The begrotingen in the loaded data and their years, read once after the load.
/// Validators ask it whether a parameter names something real; the data never changes while the service runs.
/// </summary>
public sealed class Catalogus
{
    private readonly Lazy<IReadOnlyList<Begroting>> _begrotingen;

    public Catalogus(BudgetDb db) => _begrotingen = new(() => Lees(db));

    public IReadOnlyList<Begroting> Begrotingen => _begrotingen.Value;

    /// <summary>The begroting with this code, matched without regard to case (JenV, jenv); null when unknown.</summary>
    public Begroting? ZoekBegroting(string? code) =>
        Begrotingen.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));

    public int EersteJaar => Begrotingen.Min(b => b.VanJaar);

    public int LaatsteJaar => Begrotingen.Max(b => b.TotJaar);

    private const string BegrotingenSql =
        "SELECT code, naam, stand, eenheid, van_jaar AS VanJaar, tot_jaar AS TotJaar, bron_regel AS BronRegel FROM begroting ORDER BY rowid";

    private static IReadOnlyList<Begroting> Lees(BudgetDb db)
    {
        using var verbinding = db.Open();
        return verbinding.Query<Begroting>(BegrotingenSql).ToList();
    }
}
