using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>What one amount cell holds: a figure, a blank (null, never 0), or why it is not an amount in the file's notation.</summary>
public readonly record struct Bedragcel(long? Waarde, string? Fout)
{
    public bool Gelukt => Fout is null;
}

/// <summary>
/// The one place that reads an amount cell (integer thousands of euros) in the notations the open data uses.
/// The thousands separator is decided once per file from the cells that can only mean one thing ("12,372,721"),
/// never per cell: in a file that groups with commas, "1.234" is refused, not read as 1234 or as 1,234.
/// </summary>
public sealed partial class Getalnotatie
{
    /// <summary>The file's thousands separator (',' or '.'), or null when no cell groups its digits.</summary>
    public char? Duizendtal { get; }

    /// <summary>The accounting format's dash (" -   ") for nil, and "pm" (pro memorie: no amount set) as a blank.</summary>
    public bool KentStreepjeEnPm { get; }

    /// <summary>Whether any separator is allowed at all; the project's own format writes plain integers only.</summary>
    public bool StaatScheidingstekensToe { get; }

    private Getalnotatie(char? duizendtal, bool kentStreepjeEnPm, bool staatScheidingstekensToe)
    {
        Duizendtal = duizendtal;
        KentStreepjeEnPm = kentStreepjeEnPm;
        StaatScheidingstekensToe = staatScheidingstekensToe;
    }

    /// <summary>Plain integers only, a leading minus, blank = null: the project's own stand format.</summary>
    public static Getalnotatie Kaal { get; } = new(null, false, false);

    /// <summary>
    /// Decides the notation of an open-data file from all its amount cells: the separator that groups digits in
    /// threes ("1,234,567" or "1.234.567"). When both occur, the one used by more cells is the file's, and the
    /// other cells are refused as not being amounts in this file's notation.
    /// </summary>
    public static Getalnotatie VoorOpenData(IEnumerable<string> cellen, bool kentStreepjeEnPm)
    {
        int komma = 0, punt = 0;
        foreach (var cel in cellen)
        {
            var t = Schoon(cel);
            if (KommaGroepen().IsMatch(t)) komma++;
            else if (PuntGroepen().IsMatch(t)) punt++;
        }
        char? teken = komma == 0 && punt == 0 ? null : komma >= punt ? ',' : '.';
        return new Getalnotatie(teken, kentStreepjeEnPm, true);
    }

    /// <summary>How the notation reads in a message: "duizendtallen met ','".</summary>
    public string Omschrijving => !StaatScheidingstekensToe
        ? "een geheel getal zonder scheidingstekens (12372721)"
        : Duizendtal is null
            ? "een geheel getal (12372721)"
            : $"een geheel getal, duizendtallen gescheiden door '{Duizendtal}' (12{Duizendtal}372{Duizendtal}721)";

    public Bedragcel Lees(string cel)
    {
        var t = Schoon(cel);
        if (t.Length == 0) return new Bedragcel(null, null);
        if (KentStreepjeEnPm)
        {
            // The accounting format prints nil as a dash; "pm" (pro memorie) is an item without an amount yet.
            if (t is "-" or "–") return new Bedragcel(0, null);
            if (t.Equals("pm", StringComparison.OrdinalIgnoreCase) || t.Equals("p.m.", StringComparison.OrdinalIgnoreCase))
                return new Bedragcel(null, null);
        }
        if (Foutwaarde().IsMatch(t)) return Fout(cel, "is een foutwaarde van het rekenblad, geen bedrag");
        if (t.EndsWith('%')) return Fout(cel, "is een percentage, geen bedrag");
        if (t.StartsWith('(') && t.EndsWith(')')) return Fout(cel, "staat tussen haakjes; dit formaat schrijft een negatief bedrag met een minteken");

        var cijfers = t;
        if (Duizendtal is { } sep && StaatScheidingstekensToe)
        {
            var patroon = sep == ',' ? KommaGroepen() : PuntGroepen();
            if (patroon.IsMatch(t)) cijfers = t.Replace(sep.ToString(), "", StringComparison.Ordinal);
        }
        if (!Geheel().IsMatch(cijfers))
        {
            var waarom = t.Contains(',') || t.Contains('.')
                ? $"is geen bedrag in de notatie van dit bestand ({Omschrijving}); bedragen zijn gehele duizenden euro's, zonder decimalen"
                : $"is geen bedrag ({Omschrijving})";
            return Fout(cel, waarom);
        }
        return long.TryParse(cijfers, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var waarde)
            ? new Bedragcel(waarde, null)
            : Fout(cel, "is te groot voor een bedrag");
    }

    private static Bedragcel Fout(string cel, string waarom) => new(null, $"'{cel}' {waarom}");

    /// <summary>Trims spaces, tabs and no-break spaces: stray spaces around a figure are not part of it.</summary>
    public static string Schoon(string cel) => cel.Trim(' ', '\t', '\u00A0', '\u202F');

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$")]
    private static partial Regex KommaGroepen();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$")]
    private static partial Regex PuntGroepen();

    [GeneratedRegex(@"^-?\d+$")]
    private static partial Regex Geheel();

    /// <summary>What spreadsheets write in a cell whose formula failed: #NAME?, #REF!, #VALUE!, #DIV/0!, #N/A, Err:509.</summary>
    [GeneratedRegex(@"^(#[A-Z0-9/]+[!?]?|Err:\d+)$", RegexOptions.IgnoreCase)]
    public static partial Regex Foutwaarde();
}
