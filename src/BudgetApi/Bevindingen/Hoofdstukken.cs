namespace BudgetApi.Bevindingen;

/// <summary>
/// The Rijksbegroting's hoofdstuk of each begroting of data/begrotingen.csv (VI Justitie en Veiligheid, XX Asiel en Migratie).
/// A finding names the hoofdstuk; the resource adds the short code users type. The standen model carries the hoofdstuk in the
/// data itself; until then this is the one place that knows it.
/// </summary>
public static class Hoofdstukken
{
    private static readonly IReadOnlyDictionary<string, string> PerBegroting =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["JenV"] = "VI", ["AenM"] = "XX" };

    public static string? VanBegroting(string? begroting) => begroting is not null && PerBegroting.TryGetValue(begroting, out var h) ? h : null;

    public static string? Begroting(string? hoofdstuk) =>
        hoofdstuk is null ? null : PerBegroting.FirstOrDefault(p => p.Value == hoofdstuk).Key;
}
