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

    private static readonly IReadOnlyList<string> Geldeenheden = [EenheidBegroting, "€", "€ miljoen", "€ miljard"];

    /// <summary>
    /// What an organisation figure measures, with the units it may have. Formatie (approved positions) and bezetting (staff
    /// employed) are never mixed; a count of people is not an fte figure; a share is a percentage. data/README.md defines each.
    /// </summary>
    private static readonly (string Meting, IReadOnlyList<string> Eenheden)[] MetingenMetEenheden =
    [
        ("formatie", ["fte"]),
        ("bezetting", ["fte"]),
        ("personeelsuitstroom", ["fte"]),
        ("medewerkers", ["personen"]),
        ("budget", Geldeenheden),
        ("budgettair-kader", Geldeenheden),
        ("beschikbaar-kader", Geldeenheden),
        ("uitgaven", Geldeenheden),
        ("ontvangsten", Geldeenheden),
        ("opbrengst", Geldeenheden),
        ("bijdrage", Geldeenheden),
        ("instrument", Geldeenheden),
        ("mutatie", Geldeenheden),
        ("aandeel", ["%"]),
        ("bezettingsgraad", ["%"]),
        ("groei", ["%"]),
        ("doelgroep", ["personen", "aantal"]),
        ("instroom", ["personen"]),
        ("capaciteit", ["plaatsen"]),
        ("capaciteitsbehoefte", ["plaatsen"]),
        ("productie", ["aantal"]),
        ("locaties", ["aantal"]),
        ("onderdelen", ["aantal"]),
        ("organisaties", ["aantal"]),
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> EenhedenPerMeting =
        MetingenMetEenheden.ToDictionary(m => m.Meting, m => m.Eenheden, StringComparer.Ordinal);

    /// <summary>The metingen in the order data/README.md lists them.</summary>
    public static readonly IReadOnlyList<string> Metingen = [.. MetingenMetEenheden.Select(m => m.Meting)];

    /// <summary>
    /// Money metingen that are close in meaning: each is an amount the organisation may spend in a year, seen from another side
    /// (its own budget, the frame it is given, the contribution paid to it). Two of them for one organisation and year that differ
    /// are a doubt, never a proven contradiction.
    /// </summary>
    public static readonly IReadOnlyList<string> VerwanteGeldmetingen = ["budget", "budgettair-kader", "beschikbaar-kader", "bijdrage", "uitgaven"];

    /// <summary>
    /// What a figure includes or excludes, normalised so that two figures for the same thing can be found and two different
    /// things never match. Empty is the organisation (or the measured thing) as a whole. 'alleen X' is a part, 'excl. X' the
    /// whole without that part, 'incl. X' the whole with it; 'na groei', 'structureel' and 'meerjarig totaal' say which state or
    /// period the figure covers when it is not one year. data/README.md lists where each is used.
    /// </summary>
    public static readonly IReadOnlyList<string> Reikwijdten =
    [
        "incl. externe inhuur", "excl. externe inhuur", "alleen externe inhuur",
        "incl. vrijwilligers",
        "excl. geheime uitgaven",
        "excl. HGIS", "alleen HGIS",
        "excl. tijdelijke taken",
        "alleen vaste medewerkers", "alleen tijdelijke medewerkers",
        "alleen gedetacheerden",
        "alleen liaison officers",
        "alleen rechters en raadsheren", "excl. rechters en raadsheren",
        "alleen bestuur",
        "alleen financiering door JenV", "alleen financiering door derden", "alleen reclasseringsorganisaties",
        "alleen outputfinanciering", "alleen lumpsumfinanciering",
        "alleen loongerelateerd", "alleen prijsgerelateerd",
        "alleen griffierechten",
        "alleen regulier gevangeniswezen (mannen)", "alleen gevangeniswezen", "alleen vreemdelingenbewaring",
        "alleen forensische zorg", "alleen tbs", "alleen justitiële jeugdinrichtingen",
        "alleen EBI", "alleen AIT",
        "alleen vestigingen",
        "alleen statushouders", "alleen alleenreizende jongeren",
        "alleen eigen onderdak",
        "alleen rapportages", "alleen wetenschappelijke artikelen", "alleen extern uitgevoerd",
        "na groei", "structureel", "meerjarig totaal",
    ];

    /// <summary>Units as the source prints them. Budget tables are x € 1.000; organisation figures keep their own unit.</summary>
    public static readonly IReadOnlyList<string> Eenheden = ["fte", "personen", "plaatsen", "aantal", "%", EenheidBegroting, "€", "€ miljoen", "€ miljard"];

    /// <summary>The unit of the budget tables: thousands of euros.</summary>
    public const string EenheidBegroting = "x € 1.000";

    public static bool IsGeldEenheid(string eenheid) => eenheid is EenheidBegroting or "€" or "€ miljoen" or "€ miljard";

    /// <summary>Counts whose printed word 'miljoen' multiplies the figure (money units carry their own factor).</summary>
    public static bool IsTelEenheid(string eenheid) => eenheid is "personen" or "plaatsen" or "aantal";

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
