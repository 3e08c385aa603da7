using System.Globalization;
using System.Text;

namespace BudgetApi.Domein;

/// <summary>
/// What a user typed in a search box (q=), and the one rule by which a text matches it, for every resource that can be searched
/// (begrotingen, artikelen, bedragen, organisaties, bevindingen) and for the suggestions:
/// <list type="bullet">
/// <item>without regard to case or accents: "justitiele" finds "justitiële", "dji" finds "DJI";</item>
/// <item>by whole words and word beginnings: every word of the question must begin a word of the text ("Poli" finds "Nationale
/// Politie", "Halt" finds "Halt" but "alt" does not), in any order;</item>
/// <item>a word is a run of letters and digits; everything else (spaces, hyphens, ' > ', '’', '&amp;') separates words.</item>
/// </list>
/// HTTP-free, so the readers of every resource share it. A question without any word matches nothing (the validator refuses it first).
/// </summary>
public sealed class Zoekterm
{
    /// <summary>The longest question accepted: longer is refused with a 400 (nobody types more into a search box, and it bounds the work).</summary>
    public const int MaximaleLengte = 100;

    private Zoekterm(IReadOnlyList<string> woorden) => Woorden = woorden;

    /// <summary>The question's words, folded (lower case, no accents).</summary>
    public IReadOnlyList<string> Woorden { get; }

    /// <summary>The question as typed, read into its words; null for null.</summary>
    public static Zoekterm? Lees(string? vraag) => vraag is null ? null : new Zoekterm(Woordenvan(vraag).Distinct().ToList());

    /// <summary>Why a q parameter cannot be used (empty, no word in it, too long), or null when it can.</summary>
    public static string? Fout(string? vraag)
    {
        if (vraag is null) return null;
        if (vraag.Length > MaximaleLengte) return $"q is {vraag.Length} tekens lang; toegestaan: ten hoogste {MaximaleLengte} tekens.";
        if (Woordenvan(vraag).Count == 0) return "q bevat geen woord om op te zoeken; geef minstens één letter of cijfer (bijvoorbeeld q=Politie).";
        return null;
    }

    /// <summary>True when every word of the question begins a word of one of the texts (null texts are skipped).</summary>
    public bool Past(params string?[] teksten) => PastOp(teksten.Where(t => t is not null).SelectMany(t => Woordenvan(t!)).ToList());

    /// <summary>True when every word of the question begins one of <paramref name="woorden"/> (already folded by <see cref="Woordenvan"/>): for an index made once.</summary>
    public bool PastOp(IReadOnlyList<string> woorden)
    {
        if (Woorden.Count == 0) return false;
        foreach (var v in Woorden)
        {
            var gevonden = false;
            foreach (var w in woorden)
            {
                if (w.StartsWith(v, StringComparison.Ordinal)) { gevonden = true; break; }
            }
            if (!gevonden) return false;
        }
        return true;
    }

    /// <summary>
    /// How well the texts answer the question, for ordering suggestions: 0 when not at all; higher when more of the question's
    /// words are whole words of the text (DJI before DJI-achtig), and when the text is short (the name itself before a line that
    /// mentions it).
    /// </summary>
    public int Score(params string?[] teksten) => ScoreOp(teksten.Where(t => t is not null).SelectMany(t => Woordenvan(t!)).ToList());

    /// <summary><see cref="Score"/> over words already folded.</summary>
    public int ScoreOp(IReadOnlyList<string> woorden)
    {
        if (!PastOp(woorden)) return 0;
        var heel = Woorden.Count(v => woorden.Contains(v));
        return 1000 + heel * 100 - Math.Min(woorden.Count, 99);
    }

    /// <summary>The folded words of a text (<see cref="Vouw"/>), split on anything that is not a letter or digit.</summary>
    public static List<string> Woordenvan(string tekst)
    {
        var gevouwen = Vouw(tekst);
        var woorden = new List<string>();
        var begin = -1;
        for (var i = 0; i <= gevouwen.Length; i++)
        {
            var inWoord = i < gevouwen.Length && char.IsLetterOrDigit(gevouwen[i]);
            if (inWoord && begin < 0) begin = i;
            else if (!inWoord && begin >= 0)
            {
                woorden.Add(gevouwen[begin..i]);
                begin = -1;
            }
        }
        return woorden;
    }

    /// <summary>
    /// Lower case without diacritics (é → e, ë → e, ĳ → ij). The service runs with invariant globalization (no ICU), where
    /// string.Normalize leaves non-ASCII text as it is, so the Latin letters with a diacritic are folded by this table, and a
    /// combining mark (a text written decomposed, e + U+0308) is dropped.
    /// </summary>
    public static string Vouw(string tekst)
    {
        var uit = new StringBuilder(tekst.Length);
        foreach (var c in tekst)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var klein = char.ToLowerInvariant(c);
            if (klein < 128) uit.Append(klein);
            else if (Gevouwen.TryGetValue(klein, out var zonder)) uit.Append(zonder);
            else uit.Append(klein);
        }
        return uit.ToString();
    }

    private static readonly Dictionary<char, string> Gevouwen = Maak(
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"),
        ("ŕŗř", "r"), ("śŝşšș", "s"), ("ß", "ss"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"));

    private static Dictionary<char, string> Maak(params (string Letters, string Zonder)[] groepen)
    {
        var tabel = new Dictionary<char, string>();
        foreach (var (letters, zonder) in groepen)
        {
            foreach (var letter in letters) tabel[letter] = zonder;
        }
        return tabel;
    }
}
