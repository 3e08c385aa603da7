using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>What one amount cell holds: a figure, a blank (null, never 0), or why it is not an amount in the file's notation.</summary>
public readonly record struct Bedragcel(long? Waarde, string? Fout)
{
    public bool Gelukt => Fout is null;

    /// <summary>
    /// Open data only: why the cell was read other than as written: rounded to whole thousands (<see cref="Afgerond"/>), or
    /// text where an amount stands (no amount). The reader keeps the line and makes this a finding naming the cell.
    /// </summary>
    public string? Opmerking { get; init; }

    /// <summary>True when <see cref="Opmerking"/> is a rounding (355572.7449, -7.3E-12), false when the cell is no amount.</summary>
    public bool Afgerond { get; init; }
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
        int komma = 0, punt = 0, kommaDecimaal = 0;
        foreach (var cel in cellen)
        {
            var t = Schoon(cel);
            // Without a comma or a point a cell is none of the three (each pattern below needs one): most cells of a load.
            if (!t.Contains(',') && !t.Contains('.')) continue;
            // A grouped amount with decimals ("5,132,936.7449", "5.132.936,74") groups as its whole part does.
            var laatstePunt = t.LastIndexOf('.');
            var laatsteKomma = t.LastIndexOf(',');
            if (KommaGroepen().IsMatch(t) || (laatstePunt > laatsteKomma && laatsteKomma > 0 && KommaGroepen().IsMatch(t[..laatstePunt]))) komma++;
            else if (PuntGroepen().IsMatch(t) || (laatsteKomma > laatstePunt && laatstePunt > 0 && PuntGroepen().IsMatch(t[..laatsteKomma]))) punt++;
            else if (IsKommaDecimaal(t)) kommaDecimaal++;
        }
        // A comma followed by other than groups of three digits (1234,5) can only be a decimal comma: then the comma is
        // the file's decimal sign, and a point, if any, groups thousands (1.234,5).
        if (kommaDecimaal > 0) return new Getalnotatie(punt > 0 ? '.' : null, kentStreepjeEnPm, true) { DecimaalTeken = ',' };
        char? teken = komma == 0 && punt == 0 ? null : komma >= punt ? ',' : '.';
        return new Getalnotatie(teken, kentStreepjeEnPm, true) { DecimaalTeken = teken == '.' ? ',' : '.' };
    }

    /// <summary>"1234,5", "-0,25", "1.234,56": digits, one comma, then not exactly three digits.</summary>
    private static bool IsKommaDecimaal(string t)
    {
        var komma = t.IndexOf(',');
        if (komma <= 0 || komma != t.LastIndexOf(',')) return false;
        var na = t.Length - komma - 1;
        if (na == 0 || na == 3) return false;
        for (var i = 0; i < t.Length; i++)
            if (i != komma && !(t[i] is >= '0' and <= '9' || t[i] == '.' || (i == 0 && t[i] == '-'))) return false;
        return true;
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
        if (IsEenvoudigGeheel(t)) return new Bedragcel(long.Parse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), null);
        if (KentStreepjeEnPm)
        {
            // The accounting format prints nil as a dash; "pm" (pro memorie) is an item without an amount yet.
            if (t is "-" or "–") return new Bedragcel(0, null);
            if (IsProMemorie(t)) return new Bedragcel(null, null);
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

    /// <summary>
    /// An amount cell of a published file, as issue 14 §3 reads it: blank is null; a whole amount in the file's notation is
    /// the amount; a decimal or a spreadsheet's float noise (355572.7449, -7.3E-12, 1234,5 with a decimal comma) is rounded
    /// to whole thousands (half away from zero, in decimal arithmetic, never floating point) with an
    /// <see cref="Bedragcel.Opmerking"/>; anything else (text, an error value, a percentage) is no amount, with an
    /// <see cref="Bedragcel.Opmerking"/>. Nothing here refuses the file. A plain scan: linear in the cell.
    /// </summary>
    public Bedragcel LeesOpenData(string cel)
    {
        // "pm" (pro memorie: an item without an amount yet) in every layout, the budgettaire tabellen' accounting format included:
        // no amount, and a finding naming the cell, so an analyst sees where a figure is missing rather than a silent blank.
        if (IsProMemorie(Schoon(cel)))
            return new Bedragcel(null, null) { Opmerking = $"'{Kort(cel)}' is pro memorie (pm): een post zonder bedrag; de regel wordt gelezen zonder dit bedrag" };
        var gelezen = Lees(cel);
        if (gelezen.Gelukt) return gelezen;
        var t = Schoon(cel);
        if (Decimaal(t, Duizendtal, DecimaalTeken) is { } getal)
        {
            var afgerond = Math.Round(getal, MidpointRounding.AwayFromZero);
            if (afgerond >= long.MinValue && afgerond <= long.MaxValue)
            {
                var waarde = (long)afgerond;
                return new Bedragcel(waarde, null)
                {
                    Afgerond = true,
                    Opmerking = $"'{Kort(cel)}' is geen geheel bedrag; afgerond op hele duizenden: {waarde.ToString(CultureInfo.InvariantCulture)}",
                };
            }
        }
        return new Bedragcel(null, null) { Opmerking = $"{gelezen.Fout}; de regel wordt gelezen zonder dit bedrag" };
    }

    /// <summary>"pm", "p.m.", "PM", "p.m" (trimmed): pro memorie.</summary>
    private static bool IsProMemorie(string t) =>
        t.Equals("pm", StringComparison.OrdinalIgnoreCase) || t.Equals("p.m.", StringComparison.OrdinalIgnoreCase) || t.Equals("p.m", StringComparison.OrdinalIgnoreCase);

    /// <summary>The decimal separator: the one that is not the thousands separator; a comma when the file says so.</summary>
    public char DecimaalTeken { get; private init; } = '.';

    /// <summary>
    /// A number with an optional sign, digits (grouped by <paramref name="groep"/> in threes, or not), an optional fraction after
    /// <paramref name="dec"/> and an optional exponent (E-12). Null when the text is not such a number.
    /// </summary>
    private static decimal? Decimaal(string t, char? groep, char dec)
    {
        var sb = new StringBuilder(t.Length);
        var i = 0;
        if (i < t.Length && (t[i] == '-' || t[i] == '−' || t[i] == '+')) { if (t[i] != '+') sb.Append('-'); i++; }
        var cijfers = 0;
        var inGroep = -1;
        while (i < t.Length)
        {
            var c = t[i];
            if (c is >= '0' and <= '9') { sb.Append(c); cijfers++; if (inGroep >= 0) inGroep++; i++; continue; }
            if (groep is { } g && c == g && cijfers > 0 && (inGroep < 0 || inGroep == 3)) { inGroep = 0; i++; continue; }
            break;
        }
        if (cijfers == 0 || (inGroep >= 0 && inGroep != 3)) return null;
        if (i < t.Length && t[i] == dec)
        {
            sb.Append('.');
            i++;
            var fractie = 0;
            while (i < t.Length && t[i] is >= '0' and <= '9') { sb.Append(t[i]); i++; fractie++; }
            if (fractie == 0) return null;
        }
        if (i < t.Length && (t[i] == 'E' || t[i] == 'e'))
        {
            sb.Append('E');
            i++;
            if (i < t.Length && (t[i] == '-' || t[i] == '+')) { sb.Append(t[i]); i++; }
            var exp = 0;
            while (i < t.Length && t[i] is >= '0' and <= '9') { sb.Append(t[i]); i++; exp++; }
            if (exp is 0 or > 3) return null;
        }
        if (i != t.Length) return null;
        return decimal.TryParse(sb.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static string Kort(string cel) => cel.Length > 40 ? cel[..40] + "…" : cel;

    private static Bedragcel Fout(string cel, string waarom) => new(null, $"'{Kort(cel)}' {waarom}");

    /// <summary>Trims spaces, tabs and no-break spaces: stray spaces around a figure are not part of it.</summary>
    public static string Schoon(string cel) => cel.Length == 0 || (!IsWit(cel[0]) && !IsWit(cel[^1])) ? cel : cel.Trim(Wit);

    // Schoon runs several times on every amount cell of a load: most cells have nothing to trim, and a params array per call was
    // a large part of what the readers allocated (measured at 100 thousand lines).
    private static readonly char[] Wit = [' ', '\t', '\u00A0', '\u202F'];

    private static bool IsWit(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F';

    /// <summary>
    /// An optional minus and 1 to 18 ASCII digits: an amount every notation reads as itself (no separator, no sign of anything
    /// else), so <see cref="Lees"/> gives it without its patterns; 18 digits always fit a long.
    /// </summary>
    private static bool IsEenvoudigGeheel(string t)
    {
        var begin = t.Length > 0 && t[0] == '-' ? 1 : 0;
        var cijfers = t.Length - begin;
        if (cijfers is 0 or > 18) return false;
        for (var i = begin; i < t.Length; i++)
        {
            if (t[i] is < '0' or > '9') return false;
        }
        return true;
    }

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+$", RegexOptions.NonBacktracking)]
    private static partial Regex KommaGroepen();

    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})+$", RegexOptions.NonBacktracking)]
    private static partial Regex PuntGroepen();

    [GeneratedRegex(@"^-?\d+$", RegexOptions.NonBacktracking)]
    private static partial Regex Geheel();

    /// <summary>What spreadsheets write in a cell whose formula failed: #NAME?, #REF!, #VALUE!, #DIV/0!, #N/A, Err:509.</summary>
    [GeneratedRegex(@"^(#[A-Z0-9/]+[!?]?|Err:\d+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    public static partial Regex Foutwaarde();
}
