using System.Globalization;
using System.Text;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>
/// Stand files in the project's own format (docs/standbestanden.md, 3), made the way an analyst makes one: JenV's ontwerpbegroting
/// 2026 exported from /v1/bedragen as CSV, turned into the 1e suppletoire 2026 with the uitgaven of artikel 31 raised in 2026. Optionally with many
/// extra valid waarvan lines under artikel 31, so that building the database with it takes seconds.
/// </summary>
public static class Proefstanden
{
    /// <summary>The stand the file makes.</summary>
    public const string Stand = "VI-2026-1e-suppletoire";

    /// <summary>JenV's total uitgaven 2026 in the ontwerpbegroting (the document, table 3.1).</summary>
    public const long TotaalOntwerp = 18_596_347;

    public const string ExportUrl = "/v1/bedragen?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&paginaGrootte=1000&formaat=csv";

    /// <summary>The 1e suppletoire from the exported ontwerpbegroting; every extra line is a waarvan of artikel 31 of 1 (x € 1.000) a year.</summary>
    public static string EersteSuppletoire(string export, long verhoging = 25_000, int extraRegels = 0) =>
        AlsFase(export, "1e-suppletoire", new Dictionary<int, long> { [2026] = verhoging }, extraRegels);

    /// <summary>The exported ontwerpbegroting as <paramref name="naarFase"/>, with artikel 31's uitgaven raised in the given years.</summary>
    public static string AlsFase(string export, string naarFase, IReadOnlyDictionary<int, long> verhogingen, int extraRegels = 0)
    {
        var regels = export.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        var kop = regels[0].Split(',').ToList();
        int Kolom(string naam) => kop.IndexOf(naam) is >= 0 and var i ? i : throw new InvalidOperationException($"kolom {naam} ontbreekt in de export");
        var (fase, soort, artikel, regelsoort, jaar, bedrag) = (Kolom("fase"), Kolom("soort"), Kolom("artikel"), Kolom("regelsoort"), Kolom("jaar"), Kolom("bedrag"));
        var uit = new StringBuilder().Append(regels[0]).Append("\r\n");
        var artikel31 = new List<string[]>();
        foreach (var regel in regels.Skip(1))
        {
            var velden = Csv(regel);
            velden[fase] = naarFase;
            if (velden[soort] == "uitgaven" && velden[artikel] == "31" && velden[regelsoort] == "artikel")
            {
                artikel31.Add([.. velden]);
                if (verhogingen.TryGetValue(int.Parse(velden[jaar], CultureInfo.InvariantCulture), out var verhoging))
                {
                    velden[bedrag] = (long.Parse(velden[bedrag], CultureInfo.InvariantCulture) + verhoging).ToString(CultureInfo.InvariantCulture);
                }
            }
            Regel(uit, velden);
        }
        for (var i = 0; i < extraRegels; i++)
        {
            foreach (var jaarregel in artikel31)
            {
                var velden = jaarregel.ToArray();
                velden[regelsoort] = "waarvan";
                velden[Kolom("omschrijving")] = $"Proefregel {i}";
                velden[bedrag] = "1";
                Regel(uit, velden);
            }
        }
        return uit.ToString();
    }

    /// <summary>The same file with two rows that cannot be read: the soort 'uitgave' on line 4, the fase 'najaarsnota' on line 6.</summary>
    public static string Kapot(string bestand)
    {
        var regels = bestand.Split("\r\n").ToList();
        regels[3] = regels[3].Replace("uitgaven", "uitgave", StringComparison.Ordinal);
        regels[5] = regels[5].Replace(",1e-suppletoire,", ",najaarsnota,", StringComparison.Ordinal);
        return string.Join("\r\n", regels);
    }

    private static void Regel(StringBuilder uit, IEnumerable<string> velden) =>
        uit.Append(string.Join(',', velden.Select(v => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v))).Append("\r\n");

    private static List<string> Csv(string regel)
    {
        using var lezer = new CsvHelper.CsvParser(new StringReader(regel), CultureInfo.InvariantCulture);
        lezer.Read();
        return lezer.Record!.ToList();
    }
}
