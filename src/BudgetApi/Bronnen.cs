namespace BudgetApi;

/// <summary>The source every figure comes from, named once for responses, CSV and the database.</summary>
public static class Bronnen
{
    public const string Document = "Introductiedossier ministerie van Justitie en Veiligheid 2026 (introductiedossier-jenv-2026.txt)";
}
