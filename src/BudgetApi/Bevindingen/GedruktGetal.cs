using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetApi.Bevindingen;

/// <summary>One way to read a printed number, with why it is a way to read it.</summary>
public sealed record Lezing(decimal Waarde, string Toelichting);

/// <summary>
/// A number as the document prints it, judged by Dutch notation: a point separates thousands and is followed by exactly three
/// digits (8.843.848), a comma is the decimal sign (355,25), and a number of four digits may stand without a point (1364).
/// A printed number that breaks these rules ("10.8000", "2.4") cannot be read with certainty: its readings are listed, and
/// the data say which one the document supports (data/README.md). The loader and the findings use this one rule.
/// </summary>
public sealed partial record GedruktGetal(string Tekst)
{
    /// <summary>The first number in a printed figure ("ca. € 9,2 miljard" → "9,2"), or null when it has none.</summary>
    public static GedruktGetal? Eerste(string zoalsGedrukt)
    {
        var treffer = Getal().Match(zoalsGedrukt);
        return treffer.Success ? new GedruktGetal(treffer.Value) : null;
    }

    /// <summary>True when the notation is possible in Dutch number formatting.</summary>
    public bool IsGeldig => ZonderScheiding().IsMatch(Tekst) || MetDuizendtallen().IsMatch(Tekst);

    /// <summary>The value in Dutch notation; null when the notation is impossible (then see <see cref="Lezingen"/>).</summary>
    public decimal? Waarde => IsGeldig ? Decimaal(Tekst.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')) : null;

    /// <summary>
    /// What a reader who takes every point for a thousands separator reads: the value for a valid number, the digits run
    /// together for an impossible one ("10.8000" → 108000: what the service served before it judged the notation).
    /// </summary>
    public decimal AlsGedruktGelezen => Waarde ?? Lezingen[0].Waarde;

    /// <summary>
    /// Every reading of an impossible notation, distinct by value, in a fixed order: the separators ignored; the last
    /// separator as a decimal sign (as in English); every group after a point made three digits (a digit too many dropped,
    /// a missing one taken as 0). A valid number has one reading, its value.
    /// </summary>
    public IReadOnlyList<Lezing> Lezingen
    {
        get
        {
            if (Waarde is { } waarde) return [new Lezing(waarde, "de Nederlandse notatie")];
            var lezingen = new List<Lezing>
            {
                new(Decimaal(Cijfers(Tekst)), "alle scheidingstekens genegeerd, de cijfers achter elkaar"),
            };
            var laatste = Tekst.LastIndexOfAny(['.', ',']);
            lezingen.Add(new Lezing(Decimaal(Cijfers(Tekst[..laatste]) + "." + Tekst[(laatste + 1)..]),
                $"de laatste '{Tekst[laatste]}' als decimaalteken, zoals in het Engels"));
            if (!Tekst.Contains(',', StringComparison.Ordinal))
            {
                var groepen = Tekst.Split('.');
                var hersteld = groepen[0] + string.Concat(groepen.Skip(1).Select(g => g.Length >= 3 ? g[..3] : g.PadRight(3, '0')));
                lezingen.Add(new Lezing(Decimaal(hersteld), "elke groep na een punt op drie cijfers gebracht (een cijfer te veel weggelaten of een ontbrekend als 0)"));
            }
            return lezingen.DistinctBy(l => l.Waarde).ToList();
        }
    }

    /// <summary>
    /// The factor a printed word adds to a count: "2.4 miljoen bedrijven" is 2,4 × 1.000.000 organisations. Money units carry
    /// their own factor (€ miljoen), so only counts are multiplied.
    /// </summary>
    public static decimal Factor(string zoalsGedrukt, bool isTelling)
    {
        if (!isTelling) return 1m;
        var na = Getal().Match(zoalsGedrukt) is { Success: true } t ? zoalsGedrukt[(t.Index + t.Length)..].TrimStart() : "";
        return na.StartsWith("miljoen", StringComparison.OrdinalIgnoreCase) ? 1_000_000m
            : na.StartsWith("miljard", StringComparison.OrdinalIgnoreCase) ? 1_000_000_000m
            : 1m;
    }

    /// <summary>A number as Dutch notation prints it: 10800 → "10.800", 2.4 → "2,4", 1038.8 → "1.038,8".</summary>
    public static string Notatie(decimal waarde)
    {
        var normaal = waarde / 1.000000000000000000000000000000000m;
        var tekst = normaal.ToString("#,0.############################", CultureInfo.InvariantCulture);
        return tekst.Replace(',', '\u0001').Replace('.', ',').Replace('\u0001', '.');
    }

    private static string Cijfers(string tekst) => new(tekst.Where(char.IsAsciiDigit).ToArray());

    private static decimal Decimaal(string tekst) => decimal.Parse(tekst, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d[\d.,]*\d|\d")]
    private static partial Regex Getal();

    [GeneratedRegex(@"^\d+(,\d+)?\z")]
    private static partial Regex ZonderScheiding();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d+)?\z")]
    private static partial Regex MetDuizendtallen();
}
