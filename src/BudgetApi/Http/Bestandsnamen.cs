using System.Globalization;
using System.Text;

namespace BudgetApi.Http;

/// <summary>
/// The name of a downloaded file (Content-Disposition): the resource, then what was selected, so that a folder of downloads
/// says what each file holds: <c>totalen-JenV-uitgaven-2026-2030-ontwerpbegroting-2026.xlsx</c>, not <c>totalen.xlsx</c> for
/// every choice. One rule for every collection:
/// <list type="bullet">
/// <item>the resource's own name (which may already carry a selection from the path, e.g. a source file's lines 531–535);</item>
/// <item>then the values of the query, in the order asked, except those that choose the form of the file (formaat, dialect,
/// sortering) and a value the name already holds; a page as "pagina-2";</item>
/// <item>then the stand the figures come from (metadata.stand), where there is one and the query did not name a fase.</item>
/// </list>
/// The name is ASCII (accents dropped, anything else a '-'), so every browser and file system keeps it as given.
/// </summary>
public static class Bestandsnamen
{
    /// <summary>Long enough for every selection the dashboard makes; a longer query is cut, never refused.</summary>
    public const int Langste = 150;

    // What chooses the form of the file, not which figures are in it.
    private static readonly HashSet<string> Vorm = new(StringComparer.OrdinalIgnoreCase) { "formaat", Csvdialecten.Parameter, "sortering", Tabelsortering.Parameter };

    // A page's number alone says nothing: "pagina-2", "paginaGrootte-1000".
    private static readonly HashSet<string> MetNaam = new(StringComparer.OrdinalIgnoreCase) { "pagina", "paginaGrootte" };

    public static string Voor(string naam, IQueryCollection query, Metadata metadata)
    {
        var basis = Veilig(naam);
        var delen = new List<string> { basis };
        static bool Heeft(string tekst, string deel) => $"-{tekst}-".Contains($"-{deel}-", StringComparison.OrdinalIgnoreCase);
        // A value is left out only where the resource's name already says it (vanJaar=2026 and begrotingsjaar=2026 are two choices).
        foreach (var (sleutel, waarden) in query)
        {
            if (Vorm.Contains(sleutel)) continue;
            foreach (var deel in waarden.Select(w => Veilig(MetNaam.Contains(sleutel) ? $"{sleutel}-{w}" : w ?? "")))
            {
                if (deel.Length > 0 && !Heeft(basis, deel)) delen.Add(deel);
            }
        }
        // One stand only: "ontwerpbegroting 2026". Several (a comparison across standen) would make the name a list.
        if (!query.ContainsKey("fase") && metadata.Stand is { Length: > 0 } stand && !stand.Contains(';', StringComparison.Ordinal)
            && Veilig(stand) is { Length: > 0 } standdeel && !Heeft(string.Join("-", delen), standdeel))
        {
            delen.Add(standdeel);
        }
        var uit = string.Join("-", delen);
        return uit.Length <= Langste ? uit : uit[..Langste].TrimEnd('-');
    }

    /// <summary>Letters, digits, '+', '_' and '.' as they are (accents dropped); every other run of characters one '-'.</summary>
    internal static string Veilig(string tekst)
    {
        var uit = new StringBuilder(tekst.Length);
        foreach (var c in tekst.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '_' or '.') uit.Append(c);
            else if (uit.Length > 0 && uit[^1] != '-') uit.Append('-');
        }
        // No leading dots (a hidden file) and no dangling separators.
        return uit.ToString().Trim('-', '.');
    }
}
