namespace BudgetApi.Domein;

/// <summary>
/// Formula injection (CSV injection, OWASP): a spreadsheet opening a CSV takes a cell that starts with '=', '+', '-', '@', a tab or
/// a carriage return for a formula, and an imported artikel name such as =HYPERLINK(…) would run on the reader's machine. Such a
/// text is written with an apostrophe in front, which spreadsheets read as "this is text" and do not show. A text that already starts
/// with apostrophes before such a character gets one more, so that <see cref="Terug"/> is exact: every text comes back as it was.
/// A path (steps joined by ' > ', <see cref="PadAttribute"/>) is escaped step by step, because each step is also a line's own
/// description elsewhere in the same export. A text that is a plain number ("-5", "+1.5", "-9.827.776") is left alone: a spreadsheet reads it as that number, and nothing runs.
/// </summary>
public static class Formule
{
    public const char Apostrof = '\'';

    /// <summary>The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").</summary>
    public static readonly IReadOnlyList<char> Tekens = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text as a spreadsheet may safely open it.</summary>
    public static string Ontwapen(string tekst) => IsGewapend(tekst) ? Apostrof + tekst : tekst;

    /// <summary>What joins the steps of a path (the own stand format's pad column).</summary>
    public const string Padscheiding = " > ";

    /// <summary>A path escaped step by step: each step as <see cref="Ontwapen"/> would write it alone.</summary>
    public static string OntwapenPad(string pad) => string.Join(Padscheiding, pad.Split(Padscheiding).Select(Ontwapen));

    /// <summary>The text as it was before <see cref="Ontwapen"/>: one apostrophe off where <see cref="Ontwapen"/> put one on.</summary>
    public static string Terug(string tekst) => tekst.Length > 1 && tekst[0] == Apostrof && IsGewapend(tekst[1..]) ? tekst[1..] : tekst;

    /// <summary>True when the text, after any apostrophes it starts with, starts with a formula character and is not a plain number.</summary>
    private static bool IsGewapend(string tekst)
    {
        var i = 0;
        while (i < tekst.Length && tekst[i] == Apostrof) i++;
        return i < tekst.Length && Tekens.Contains(tekst[i]) && !(i == 0 && IsGetal(tekst));
    }

    /// <summary>
    /// A sign and digits, with '.' or ',' only between two digits ("-5", "-1.5", "-9.827.776" as printed in Dutch): a spreadsheet reads
    /// it as a number or as text, and nothing in it can call a function or refer to a cell. Anything else after a sign is escaped.
    /// </summary>
    private static bool IsGetal(string tekst)
    {
        var i = tekst.Length > 0 && tekst[0] is '-' or '+' ? 1 : 0;
        if (i >= tekst.Length || !char.IsAsciiDigit(tekst[i]) || !char.IsAsciiDigit(tekst[^1])) return false;
        for (; i < tekst.Length; i++)
        {
            var c = tekst[i];
            if (char.IsAsciiDigit(c)) continue;
            if (c is '.' or ',' && char.IsAsciiDigit(tekst[i - 1]) && char.IsAsciiDigit(tekst[i + 1])) continue;
            return false;
        }
        return true;
    }
}

/// <summary>
/// Marks a text column that is a path: steps joined by <see cref="Formule.Padscheiding"/>, each step the description of a line above.
/// The CSV writer escapes each step on its own (<see cref="Formule.OntwapenPad"/>), so that a step reads back as the same text as the
/// line it names.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PadAttribute : Attribute;
