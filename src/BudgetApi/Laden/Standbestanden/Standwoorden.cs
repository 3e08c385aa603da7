using System.Text;
using System.Text.RegularExpressions;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// How the open data words the codes of the budget cycle, read by meaning: case, spaces, punctuation and
/// accents do not matter ("1ste suppletoire begroting", "Eerste suppletoire", "1stesup" are one fase).
/// </summary>
public static partial class Standwoorden
{
    /// <summary>Lower case, accents removed, every run of non-letters and non-digits one space, trimmed.</summary>
    public static string Sleutel(string tekst)
    {
        // Hot path (every header cell and description): one pass, accents folded per character.
        var sb = new StringBuilder(tekst.Length);
        var spatie = false;
        foreach (var teken in tekst)
        {
            var c = teken;
            if (c > 127)
            {
                var basis = c.ToString().Normalize(NormalizationForm.FormD);
                c = basis.Length > 0 && basis[0] < 128 ? basis[0] : c;
            }
            c = char.ToLowerInvariant(c);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c > 127 && char.IsLetterOrDigit(c)))
            {
                if (spatie && sb.Length > 0) sb.Append(' ');
                spatie = false;
                sb.Append(c);
            }
            else spatie = true;
        }
        return sb.ToString();
    }

    /// <summary>The same text up to spacing, case, accents and punctuation ("Materiële uitgaven" = "Materiele Uitgaven").</summary>
    public static bool Gelijk(string a, string b) => Sleutel(a).Replace(" ", "", StringComparison.Ordinal) == Sleutel(b).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Trimmed, inner runs of whitespace one space: how a description is kept ("as printed, trimmed").</summary>
    public static string Omschrijving(string tekst) => Witruimte().Replace(tekst, " ").Trim();

    /// <summary>
    /// The fase a column header or a fase cell names, or null. Ontwerpbegroting, vastgestelde begroting,
    /// 1e/1ste/eerste suppletoire (Voorjaarsnota), 2e/2de/tweede suppletoire (Najaarsnota), jaarverslag or realisatie, slotwet;
    /// and the open data's codes OWB, VB, 1SUP/1stesup, 2SUP/2desup, JV, SW.
    /// </summary>
    public static string? Fase(string tekst)
    {
        var s = Sleutel(tekst);
        var kort = s.Replace(" ", "", StringComparison.Ordinal);
        if (kort.Length == 0) return null;
        if (kort is "owb" || s.Contains("ontwerp", StringComparison.Ordinal)) return Begrotingscodes.Ontwerpbegroting;
        if (kort is "vb" || s.Contains("vastgesteld", StringComparison.Ordinal)) return Begrotingscodes.VastgesteldeBegroting;
        if (EersteSuppletoire().IsMatch(kort) || s.Contains("voorjaarsnota", StringComparison.Ordinal)) return Begrotingscodes.EersteSuppletoire;
        if (TweedeSuppletoire().IsMatch(kort) || s.Contains("najaarsnota", StringComparison.Ordinal)) return Begrotingscodes.TweedeSuppletoire;
        if (kort is "jv" || s.Contains("jaarverslag", StringComparison.Ordinal) || s.Contains("realisatie", StringComparison.Ordinal)) return Begrotingscodes.Jaarverslag;
        if (kort is "sw" || s.Contains("slotwet", StringComparison.Ordinal)) return Begrotingscodes.Slotwet;
        return null;
    }

    /// <summary>V, U or O (after trimming stray spaces) as verplichtingen, uitgaven, ontvangsten; null for anything else.</summary>
    public static string? Soort(string vuo) => vuo.Trim() switch
    {
        "V" => Begrotingscodes.Verplichtingen,
        "U" => Begrotingscodes.Uitgaven,
        "O" => Begrotingscodes.Ontvangsten,
        _ => null,
    };

    /// <summary>
    /// The open data's "Type Artikel": beleidsartikel, or niet-beleidsartikel in any spelling; an apparaatsartikel is
    /// a niet-beleidsartikel (91 Apparaat kerndepartement, 92 Nominaal en onvoorzien). Null for anything else.
    /// </summary>
    public static string? Categorie(string type)
    {
        var s = Sleutel(type).Replace(" ", "", StringComparison.Ordinal);
        return s switch
        {
            "beleidsartikel" => Begrotingscodes.Beleidsartikel,
            "nietbeleidsartikel" or "apparaatsartikel" or "apparaatartikel" => Begrotingscodes.NietBeleidsartikel,
            _ => null,
        };
    }

    /// <summary>The relative year of a budgettaire-tabellen amount header ("Bedrag t-2", "t + 1", "bedrag t"), or null.</summary>
    public static int? RelatiefJaar(string kop)
    {
        var m = RelatiefJaarPatroon().Match(kop.ToLowerInvariant());
        if (!m.Success) return null;
        if (!m.Groups["teken"].Success) return 0;
        var n = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return m.Groups["teken"].Value == "+" ? n : -n;
    }

    /// <summary>An absolute year as an amount header ("Bedrag 2016", "2016"), or null.</summary>
    public static int? AbsoluutJaar(string kop)
    {
        var m = AbsoluutJaarPatroon().Match(kop.ToLowerInvariant());
        return m.Success ? int.Parse(m.Groups["j"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Witruimte();

    [GeneratedRegex(@"^(1|1e|1ste|eerste)(sup|suppl|suppletoire)")]
    private static partial Regex EersteSuppletoire();

    [GeneratedRegex(@"^(2|2e|2de|tweede)(sup|suppl|suppletoire)")]
    private static partial Regex TweedeSuppletoire();

    [GeneratedRegex(@"^\s*(bedrag\s*)?t\s*((?<teken>[+\-−])\s*(?<n>\d))?\s*$")]
    private static partial Regex RelatiefJaarPatroon();

    [GeneratedRegex(@"^\s*(bedrag\s*)?(?<j>(19|20)\d\d)\s*$")]
    private static partial Regex AbsoluutJaarPatroon();
}
