namespace BudgetApi.Laden;

/// <summary>The closed code lists of the data: one place that knows them, for the loader and the API alike.</summary>
public static class Codes
{
    public static readonly IReadOnlyList<string> Soorten = ["uitgaven", "ontvangsten"];

    public static readonly IReadOnlyList<string> Categorieen = ["beleidsartikel", "niet-beleidsartikel"];

    /// <summary>The printed totals of a table, as printed.</summary>
    public static readonly IReadOnlyList<string> GedrukteTotalen = ["TOTAAL", "Totaal Beleidsartikelen"];

    public static readonly IReadOnlyList<string> OrganisatieSoorten =
        ["ministerie", "cluster", "directoraat-generaal", "directie", "afdeling", "programma", "agentschap", "dienst", "zbo", "rwt", "raad", "college", "inspectie", "organisatie"];

    /// <summary>What an organisation figure measures. Formatie (approved positions) and bezetting (staff employed) are never mixed.</summary>
    public static readonly IReadOnlyList<string> Metingen =
        ["formatie", "bezetting", "medewerkers", "budget", "budgettair-kader", "beschikbaar-kader", "uitgaven", "ontvangsten", "opbrengst", "bijdrage", "instrument"];

    /// <summary>Units as the source prints them. Budget tables are x € 1.000; organisation figures keep their own unit.</summary>
    public static readonly IReadOnlyList<string> Eenheden = ["fte", "personen", EenheidBegroting, "€", "€ miljoen", "€ miljard"];

    /// <summary>The unit of the budget tables: thousands of euros.</summary>
    public const string EenheidBegroting = "x € 1.000";

    public static bool IsGeldEenheid(string eenheid) => eenheid is EenheidBegroting or "€" or "€ miljoen" or "€ miljard";

    /// <summary>How many euros one unit is; used only to compare figures of different units, as exact decimals.</summary>
    public static decimal EurosPerEenheid(string eenheid) => eenheid switch
    {
        "€" => 1m,
        EenheidBegroting => 1_000m,
        "€ miljoen" => 1_000_000m,
        "€ miljard" => 1_000_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(eenheid), eenheid, "geen geldeenheid"),
    };
}
