using System.Text;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// How the open data words the codes of the budget cycle, read by meaning: case, spaces, punctuation and
/// accents do not matter ("1ste suppletoire begroting", "Eerste suppletoire", "1stesup" are one fase).
/// </summary>
public static class Standwoorden
{
    /// <summary>Lower case, accents removed, every run of non-letters and non-digits one space, trimmed.</summary>
    public static string Sleutel(string tekst)
    {
        // Hot path (every header cell and description): one pass, accents folded per character.
        var sb = new StringBuilder(tekst.Length);
        var spatie = false;
        foreach (var teken in tekst)
        {
            // Accents by table (Lettertekens): with invariant globalization string.Normalize folds nothing beyond ASCII.
            if (Lettertekens.IsTeken(teken)) continue;
            var c = char.ToLowerInvariant(Lettertekens.Basis(teken));
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

    /// <summary>Trimmed, inner runs of whitespace one space, NFC-normalised: how a description is kept ("as printed, trimmed").</summary>
    public static string Omschrijving(string tekst)
    {
        // One pass (no regex): every run of whitespace one space, then trimmed.
        var sb = new StringBuilder(tekst.Length);
        var wit = false;
        foreach (var c in tekst)
        {
            if (char.IsWhiteSpace(c)) { wit = true; continue; }
            if (wit && sb.Length > 0) sb.Append(' ');
            wit = false;
            sb.Append(c);
        }
        return Lettertekens.Nfc(sb.ToString());
    }

    /// <summary>
    /// The fase a column header or a fase cell names, or null. The codes (OWB, VB, O1, 1SUPP, I1, SBS, JV, …) come from the
    /// fase list in data/fasen.csv (<see cref="Fasecodes"/>); the words are the cycle's own: ontwerpbegroting, vastgestelde
    /// begroting, 1e/1ste/eerste suppletoire (Voorjaarsnota), 2e/2de/tweede suppletoire (Najaarsnota), jaarverslag or
    /// realisatie, slotwet.
    /// </summary>
    public static string? Fase(string tekst)
    {
        var s = Sleutel(tekst);
        var kort = s.Replace(" ", "", StringComparison.Ordinal);
        if (kort.Length == 0) return null;
        if (Fasecodes.Zoek(kort) is { } code) return code;
        if (IncidenteleSuppletoire(kort) is { } isb) return isb;
        if (s.Contains("ontwerp", StringComparison.Ordinal)) return Begrotingscodes.Ontwerpbegroting;
        if (s.Contains("vastgesteld", StringComparison.Ordinal)) return Begrotingscodes.VastgesteldeBegroting;
        if (Suppletoire(kort, "1", "1e", "1ste", "eerste") || s.Contains("voorjaarsnota", StringComparison.Ordinal)) return Begrotingscodes.EersteSuppletoire;
        if (s.Contains("september", StringComparison.Ordinal) && s.Contains("suppletoire", StringComparison.Ordinal)) return Begrotingscodes.SeptemberSuppletoire;
        if (Suppletoire(kort, "2", "2e", "2de", "tweede") || s.Contains("najaarsnota", StringComparison.Ordinal)) return Begrotingscodes.TweedeSuppletoire;
        if (s.Contains("jaarverslag", StringComparison.Ordinal) || s.Contains("realisatie", StringComparison.Ordinal)) return Begrotingscodes.Jaarverslag;
        if (s.Contains("slotwet", StringComparison.Ordinal)) return Begrotingscodes.Slotwet;
        return null;
    }

    private static readonly string[] Rangtelwoorden =
        ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde"];

    /// <summary>
    /// An incidentele suppletoire begroting and its number: "ISB" (the first), "ISB1", "ISB 2", "1e ISB", "2e incidentele suppletoire
    /// begroting", "Derde incidentele suppletoire", "Stand ISB3" (after "Stand" is taken off). Its own fase per number; a number the
    /// cycle has no room for is no fase (the file is refused, naming the code). Plain prefix parsing, no regex.
    /// </summary>
    private static string? IncidenteleSuppletoire(string kort)
    {
        var isb = kort.IndexOf("isb", StringComparison.Ordinal);
        var woord = kort.IndexOf("incidentele", StringComparison.Ordinal);
        if (woord >= 0 && !kort.AsSpan(woord).Contains("sup", StringComparison.Ordinal)) woord = -1;
        var begin = isb >= 0 && (woord < 0 || isb < woord) ? isb : woord;
        if (begin < 0) return null;
        var voor = kort[..begin];
        var na = begin == isb ? kort[(isb + 3)..] : "";
        int? nummer = null;
        if (voor.Length == 0 && na.Length == 0) nummer = 1;
        else if (voor.Length == 0) nummer = Getal(na);
        else if (na.Length == 0)
        {
            var rang = Array.IndexOf(Rangtelwoorden, voor);
            nummer = rang >= 0 ? rang + 1 : Getal(voor.EndsWith("ste", StringComparison.Ordinal) ? voor[..^3]
                : voor.EndsWith("de", StringComparison.Ordinal) ? voor[..^2] : voor.EndsWith('e') ? voor[..^1] : voor);
        }
        return nummer is >= 1 and <= Begrotingscodes.AantalIncidenteleSuppletoire ? Begrotingscodes.IncidenteleSuppletoire(nummer.Value) : null;
    }

    private static int? Getal(string tekst) =>
        tekst.Length is > 0 and <= 2 && tekst.All(char.IsAsciiDigit) ? int.Parse(tekst, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>"1stesuppletoire", "eerstesup": one of the ordinals, then "sup…" (plain prefix tests, no regex).</summary>
    private static bool Suppletoire(string kort, params string[] rangtelwoorden) =>
        rangtelwoorden.Any(r => kort.StartsWith(r, StringComparison.Ordinal) && kort.AsSpan(r.Length).StartsWith("sup", StringComparison.Ordinal));

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

    /// <summary>
    /// The relative year of a budgettaire-tabellen amount header ("Bedrag t-2", "t + 1", "bedrag t"), or null. Plain parsing
    /// in one pass: a header cell of any size costs time in proportion to its length (issue 18: the regex was quadratic).
    /// </summary>
    public static int? RelatiefJaar(string kop)
    {
        var t = ZonderBedrag(kop);
        if (t.Length == 0 || (t[0] != 't' && t[0] != 'T')) return null;
        var rest = t[1..].TrimStart();
        if (rest.Length == 0) return 0;
        var teken = rest[0];
        if (teken is not ('+' or '-' or '−')) return null;
        var n = rest[1..].Trim();
        if (n.Length != 1 || n[0] is < '0' or > '9') return null;
        return teken == '+' ? n[0] - '0' : -(n[0] - '0');
    }

    /// <summary>An absolute year as an amount header ("Bedrag 2016", "2016"), or null. Plain parsing, linear.</summary>
    public static int? AbsoluutJaar(string kop)
    {
        var t = ZonderBedrag(kop);
        if (t.Length != 4 || !char.IsAsciiDigit(t[0]) || !char.IsAsciiDigit(t[1]) || !char.IsAsciiDigit(t[2]) || !char.IsAsciiDigit(t[3])) return null;
        var jaar = int.Parse(t, provider: System.Globalization.CultureInfo.InvariantCulture);
        return jaar is >= 1900 and <= 2099 ? jaar : null;
    }

    /// <summary>The header trimmed, without a leading "bedrag" (any case) and the spaces after it.</summary>
    private static ReadOnlySpan<char> ZonderBedrag(string kop)
    {
        var t = kop.AsSpan().Trim();
        if (t.StartsWith("bedrag", StringComparison.OrdinalIgnoreCase)) t = t[6..].TrimStart();
        return t;
    }

}
