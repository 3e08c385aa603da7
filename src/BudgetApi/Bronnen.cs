namespace BudgetApi;

/// <summary>The source every figure comes from, named once for responses, CSV and the database.</summary>
public static class Bronnen
{
    public const string Document = "Introductiedossier ministerie van Justitie en Veiligheid 2026 (introductiedossier-jenv-2026.txt)";

    /// <summary>The document's file name, where a figure says which file it stands in (Bevindingcijfer.BronBestand).</summary>
    public const string DocumentBestand = "introductiedossier-jenv-2026.txt";

    /// <summary>The printed title of the table in data/bezetting.csv.</summary>
    public const string TabelBezetting = "Bezetting FTE (stand 2025) en budget (stand ontwerpbegroting 2026)";

    /// <summary>The printed title of the list in data/uitgavenbegroting-jenv.csv.</summary>
    public const string LijstUitgavenbegrotingJenV = "Uitgavenbegroting JenV (stand ontwerpbegroting 2026)";
}
