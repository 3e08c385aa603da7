using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetApi.Laden;

/// <summary>
/// One move of an artikel from one begroting to another between two begrotingsjaren (data/was-wordt.csv): the artikel as it was, up
/// to and including its last begrotingsjaar, is the artikel it becomes from its first. The same policy, under another number.
/// </summary>
public sealed record Verhuizing(
    string WasHoofdstuk, int WasArtikel, string WasOmschrijving, int WasLaatsteBegrotingsjaar,
    string WordtHoofdstuk, int WordtArtikel, string WordtOmschrijving, int WordtEersteBegrotingsjaar,
    string Bron, int? BronRegel, int Regel);

/// <summary>
/// Reads the was → wordt table (docs/standen.md, "Artikelen that move between begrotingen"). The file is optional: without it no move is
/// known and every break is named as one. Every row is validated; a problem names file, line and column and stops the load.
/// </summary>
public static partial class Waswordttabel
{
    public const string Bestand = "was-wordt.csv";

    public static readonly IReadOnlyList<string> Kolommen =
    [
        "was_hoofdstuk", "was_artikel", "was_omschrijving", "was_laatste_begrotingsjaar",
        "wordt_hoofdstuk", "wordt_artikel", "wordt_omschrijving", "wordt_eerste_begrotingsjaar", "bron", "bron_regel",
    ];

    /// <summary>The format's code, as /v1/bronnen and the import answer name it: a table imported like a stand file.</summary>
    public const string Formaat = "was-wordt";

    /// <summary>The header is this table's: every column, in any order, nothing else (names compared trimmed, without case).</summary>
    public static bool Herkent(IReadOnlyList<string> kopregel) =>
        kopregel.Select(k => k.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal).SequenceEqual(Kolommen.Order(StringComparer.Ordinal));

    public static IReadOnlyList<Verhuizing> Lees(string dataMap, List<Laadprobleem> problemen)
    {
        if (!File.Exists(Path.Combine(dataMap, Bestand))) return [];
        var tabel = RuweTabel.Lees(dataMap, Bestand, problemen);
        return Lees(tabel, problemen);
    }

    /// <summary>A table imported or placed beside the stand files: the same rows and rules; a problem names the file, line and column.</summary>
    public static IReadOnlyList<Verhuizing> Lees(string bestand, string inhoud, List<Laadprobleem> problemen)
    {
        using var lezer = new StringReader(inhoud.TrimStart('\uFEFF'));
        return Lees(RuweTabel.Lees(bestand, lezer, problemen), problemen);
    }

    private static IReadOnlyList<Verhuizing> Lees(RuweTabel tabel, List<Laadprobleem> problemen)
    {
        if (!tabel.HeeftKolommen(Kolommen, problemen)) return [];
        var verhuizingen = new List<Verhuizing>();
        foreach (var rij in tabel.Rijen)
        {
            var voor = problemen.Count;
            string Hoofdstuk(string kolom)
            {
                if (!HoofdstukPatroon().IsMatch(rij[kolom])) problemen.Add(Probleem(rij, kolom, $"'{rij[kolom]}' is geen hoofdstuk (VI, XX, IXB, A, …)"));
                return rij[kolom];
            }
            int Getal(string kolom, int van, int tot)
            {
                if (int.TryParse(rij[kolom], NumberStyles.None, CultureInfo.InvariantCulture, out var getal) && getal >= van && getal <= tot) return getal;
                problemen.Add(Probleem(rij, kolom, $"'{rij[kolom]}' is geen geheel getal van {van} tot en met {tot}"));
                return 0;
            }
            string Tekst(string kolom)
            {
                if (rij[kolom].Length == 0) problemen.Add(Probleem(rij, kolom, "mag niet leeg zijn"));
                return rij[kolom];
            }
            var verhuizing = new Verhuizing(
                Hoofdstuk("was_hoofdstuk"), Getal("was_artikel", 1, 999), Tekst("was_omschrijving"), Getal("was_laatste_begrotingsjaar", 1900, 2999),
                Hoofdstuk("wordt_hoofdstuk"), Getal("wordt_artikel", 1, 999), Tekst("wordt_omschrijving"), Getal("wordt_eerste_begrotingsjaar", 1900, 2999),
                Tekst("bron"), rij["bron_regel"].Length == 0 ? null : Getal("bron_regel", 1, int.MaxValue), rij.Regel);
            if (problemen.Count > voor) continue;
            if (verhuizing.WordtEersteBegrotingsjaar != verhuizing.WasLaatsteBegrotingsjaar + 1)
            {
                problemen.Add(Probleem(rij, "wordt_eerste_begrotingsjaar",
                    $"{verhuizing.WordtEersteBegrotingsjaar} volgt niet op het laatste begrotingsjaar {verhuizing.WasLaatsteBegrotingsjaar}: een verhuizing sluit aan, zonder gat en zonder overlap"));
                continue;
            }
            if (verhuizingen.FirstOrDefault(v => v.WasHoofdstuk == verhuizing.WasHoofdstuk && v.WasArtikel == verhuizing.WasArtikel
                    && v.WasLaatsteBegrotingsjaar == verhuizing.WasLaatsteBegrotingsjaar) is { } eerder)
            {
                problemen.Add(Probleem(rij, "was_artikel", $"{verhuizing.WasHoofdstuk} artikel {verhuizing.WasArtikel} verhuist na {verhuizing.WasLaatsteBegrotingsjaar} al op regel {eerder.Regel}"));
                continue;
            }
            verhuizingen.Add(verhuizing);
        }
        return verhuizingen;
    }

    /// <summary>
    /// The tables in load order as one: a later table's move of the same artikel after the same begrotingsjaar replaces the earlier one
    /// (an import corrects the shipped table), every other move is kept.
    /// </summary>
    public static IReadOnlyList<Verhuizing> Samen(IEnumerable<IReadOnlyList<Verhuizing>> tabellen)
    {
        var samen = new List<Verhuizing>();
        foreach (var v in tabellen.SelectMany(t => t))
        {
            samen.RemoveAll(e => e.WasHoofdstuk == v.WasHoofdstuk && e.WasArtikel == v.WasArtikel && e.WasLaatsteBegrotingsjaar == v.WasLaatsteBegrotingsjaar);
            samen.Add(v);
        }
        return samen;
    }

    private static Laadprobleem Probleem(RuweRij rij, string kolom, string melding) => new(rij.Bestand, rij.Regel, rij.KolomNummer(kolom), $"kolom '{kolom}': {melding}");

    [GeneratedRegex("^([IVX]+[A-Z]?|[A-Z])$")]
    private static partial Regex HoofdstukPatroon();
}
