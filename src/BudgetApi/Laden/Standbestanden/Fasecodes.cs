using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The fase codes the published files use (OWB, O1, 1SUPP, I1, SBS, JV, …), from data/fasen.csv: an operator adds a code
/// there and reloads, without a build (issue 14 §4). Each code names one of the fasen the API serves
/// (<see cref="Begrotingscodes.Fasen"/>); a code is compared as <see cref="Standwoorden.Sleutel"/> compares words, without spaces.
/// </summary>
public static class Fasecodes
{
    /// <summary>The list as shipped, used until data/fasen.csv is read (a reader test, a tool) and when the file is absent.</summary>
    private static readonly IReadOnlyList<(string Code, string Fase)> Standaard =
    [
        ("OWB", Begrotingscodes.Ontwerpbegroting), ("OW", Begrotingscodes.Ontwerpbegroting), ("VB", Begrotingscodes.VastgesteldeBegroting),
        ("O1", Begrotingscodes.EersteSuppletoire), ("1SUP", Begrotingscodes.EersteSuppletoire), ("1SUPP", Begrotingscodes.EersteSuppletoire),
        ("I1", Begrotingscodes.EersteSuppletoire), ("1stesup", Begrotingscodes.EersteSuppletoire), ("SBS", Begrotingscodes.SeptemberSuppletoire), ("SBSupp", Begrotingscodes.SeptemberSuppletoire),
        ("O2", Begrotingscodes.TweedeSuppletoire), ("2SUP", Begrotingscodes.TweedeSuppletoire), ("2SUPP", Begrotingscodes.TweedeSuppletoire),
        ("I2", Begrotingscodes.TweedeSuppletoire), ("2desup", Begrotingscodes.TweedeSuppletoire), ("JV", Begrotingscodes.Jaarverslag),
        ("SW", Begrotingscodes.Slotwet),
    ];

    private static volatile Dictionary<string, string> _codes = Maak(Standaard);
    private static volatile IReadOnlyList<string> _zoalsGeschreven = Standaard.Select(c => c.Code).ToList();

    /// <summary>The codes in the list, as written there: for the message that refuses an unknown code.</summary>
    public static IReadOnlyList<string> Codes => _zoalsGeschreven;

    /// <summary>The fase of a code (any case, any spacing), or null when the list does not have it.</summary>
    public static string? Zoek(string code)
    {
        var sleutel = Standwoorden.Sleutel(code).Replace(" ", "", StringComparison.Ordinal);
        return _codes.GetValueOrDefault(sleutel);
    }

    /// <summary>
    /// Reads data/fasen.csv (code,fase). A fase the API does not know, or a code twice with two fasen, is a problem with line
    /// and column; then the list in use stays as it was.
    /// </summary>
    public static IReadOnlyList<Leesprobleem> Laad(string dataMap)
    {
        var pad = Path.Combine(dataMap, "fasen.csv");
        if (!File.Exists(pad)) return [];
        var (rijen, problemen) = Csvbestand.Lees("fasen.csv", new StringReader(File.ReadAllText(pad)));
        var fouten = new List<Leesprobleem>(problemen);
        var lijst = new List<(string, string)>();
        if (rijen.Count == 0 || Standwoorden.Sleutel(rijen[0][0]) != "code" || Standwoorden.Sleutel(rijen[0][1]) != "fase")
            fouten.Add(new Leesprobleem("fasen.csv", 1, 0, "de kopregel moet 'code,fase' zijn"));
        foreach (var r in rijen.Skip(1).Where(r => !r.IsLeeg))
        {
            var code = r[0].Trim();
            var fase = r[1].Trim();
            if (code.Length == 0) fouten.Add(new Leesprobleem("fasen.csv", r.Regel, 1, "de code ontbreekt"));
            else if (!Begrotingscodes.Fasen.Contains(fase))
                fouten.Add(new Leesprobleem("fasen.csv", r.Regel, 2, $"'{fase}' is geen fase; toegestaan: {string.Join(", ", Begrotingscodes.Fasen)}"));
            else lijst.Add((code, fase));
        }
        foreach (var dubbel in lijst.GroupBy(c => Standwoorden.Sleutel(c.Item1).Replace(" ", "", StringComparison.Ordinal)).Where(g => g.Select(x => x.Item2).Distinct().Count() > 1))
            fouten.Add(new Leesprobleem("fasen.csv", 0, 1, $"de code '{dubbel.First().Item1}' staat er met twee fasen"));
        if (fouten.Count == 0)
        {
            _codes = Maak(lijst);
            _zoalsGeschreven = lijst.Select(c => c.Item1).ToList();
        }
        return fouten;
    }

    private static Dictionary<string, string> Maak(IEnumerable<(string Code, string Fase)> lijst)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, fase) in lijst) codes.TryAdd(Standwoorden.Sleutel(code).Replace(" ", "", StringComparison.Ordinal), fase);
        return codes;
    }
}
