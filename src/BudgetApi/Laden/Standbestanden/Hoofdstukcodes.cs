namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// What a hoofdstuk code is, wherever it enters (issue 18): a Roman numeral (I … XX, LVIII) with at most one letter A or B
/// after it (IIA, IXB), or one capital letter for a fund (A, B, C, F, H, J). Upper case ASCII only: 'vi', a Cyrillic 'VІ',
/// '=cmd|x', '../../x', '&lt;b&gt;' are not codes and never become a begroting. Plain parsing, linear.
/// </summary>
public static class Hoofdstukcodes
{
    /// <summary>The longest code accepted; the longest real one (XVIII, LVIII, XXVIIIB) is far shorter.</summary>
    public const int MaximaleLengte = 12;

    /// <summary>Why a cell is not a hoofdstuk code, for the refusal with its line and column.</summary>
    public static string Melding(string code) =>
        $"'{(code.Length > 40 ? code[..40] + "…" : code)}' is geen hoofdstukcode: een Romeins cijfer met hoogstens een A of B erachter (VI, IXB) of één hoofdletter voor een fonds (A, B, C, F, H, J)";

    /// <summary>
    /// The code as the registry writes it, for a cell of a column already known as the hoofdstuk (by its header): the
    /// IBOS files number hoofdstukken in Arabic digits as their IBOS number does (2023.6.31… is hoofdstuk 6), so 6 is VI,
    /// 09B and 9B are IXB. One or two digits (1 to 99) with at most an A or B after them; anything else is returned as it
    /// is, for <see cref="IsGeldig"/> to judge. Never used to recognise a column by its content: artikel numbers are digits too.
    /// </summary>
    public static string Canoniek(string cel)
    {
        var letter = cel.Length > 1 && cel[^1] is 'A' or 'B' ? cel[^1..] : "";
        var cijfers = cel[..^letter.Length];
        if (cijfers.Length is 0 or > 2 || !cijfers.All(char.IsAsciiDigit)) return cel;
        var n = int.Parse(cijfers, System.Globalization.CultureInfo.InvariantCulture);
        return n is >= 1 and <= 99 ? Schrijf(n) + letter : cel;
    }

    public static bool IsGeldig(string code)
    {
        if (code.Length is 0 or > MaximaleLengte) return false;
        if (code.Length == 1) return code[0] is >= 'A' and <= 'Z';
        var romeins = code[^1] is 'A' or 'B' && IsRomeins(code[..^1]) ? code[..^1] : code;
        return IsRomeins(romeins);
    }

    /// <summary>A Roman numeral in its canonical form (IX, not VIIII; XL, not XXXX), 1 to 3999.</summary>
    private static bool IsRomeins(string s)
    {
        if (s.Length == 0) return false;
        var totaal = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var w = Waarde(s[i]);
            if (w == 0) return false;
            var volgende = i + 1 < s.Length ? Waarde(s[i + 1]) : 0;
            totaal += w < volgende ? -w : w;
        }
        return totaal is > 0 and < 4000 && Schrijf(totaal) == s;
    }

    private static int Waarde(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000, _ => 0 };

    private static string Schrijf(int n)
    {
        (int, string)[] tabel = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new System.Text.StringBuilder();
        foreach (var (w, t) in tabel) while (n >= w) { sb.Append(t); n -= w; }
        return sb.ToString();
    }
}
