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
