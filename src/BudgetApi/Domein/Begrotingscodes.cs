namespace BudgetApi.Domein;

/// <summary>
/// The closed code lists of the budget cycle, one place for readers, loader, validators and the contract.
/// HTTP-free: the domain's own words.
/// </summary>
public static class Begrotingscodes
{
    // The standen of one begroting for one begrotingsjaar, in the order of the cycle ("4. Begrotingsprocedure").
    public const string Ontwerpbegroting = "ontwerpbegroting";
    public const string VastgesteldeBegroting = "vastgestelde-begroting";
    public const string EersteSuppletoire = "1e-suppletoire";
    /// <summary>The suppletoire begroting of September (SBS, with the Miljoenennota), between the 1e and the 2e suppletoire.</summary>
    public const string SeptemberSuppletoire = "september-suppletoire";
    public const string TweedeSuppletoire = "2e-suppletoire";
    public const string Jaarverslag = "jaarverslag";
    public const string Slotwet = "slotwet";

    /// <summary>How many numbered incidentele suppletoire begrotingen of one begrotingsjaar the cycle has room for (2020 had six).</summary>
    public const int AantalIncidenteleSuppletoire = 12;

    /// <summary>
    /// The n-th incidentele suppletoire begroting (ISB, "1e ISB", "2e incidentele suppletoire begroting"): a stand of its own.
    /// Written with its number after a hyphen (incidentele-suppletoire-1), so the code list stays an enum of plain names that a
    /// generated client can turn into identifiers.
    /// </summary>
    public static string IncidenteleSuppletoire(int nummer) => $"incidentele-suppletoire-{nummer}";

    /// <summary>The number of an incidentele suppletoire begroting's fase (incidentele-suppletoire-2 → 2), or null for another fase.</summary>
    public static int? NummerIncidenteleSuppletoire(string fase) =>
        fase.StartsWith("incidentele-suppletoire-", StringComparison.Ordinal)
        && int.TryParse(fase.AsSpan("incidentele-suppletoire-".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && n is >= 1 and <= AantalIncidenteleSuppletoire ? n : null;

    /// <summary>
    /// The fasen in the order of the cycle: the last one that exists is a begroting's latest stand. The incidentele suppletoire
    /// begrotingen, numbered through the year, stand between the vastgestelde begroting and the 1e suppletoire (Voorjaarsnota):
    /// the files do not date them, and an ISB is a change to the vastgestelde begroting that cannot wait for the next regular
    /// suppletoire. docs/standbestanden.md says where this order is only an approximation.
    /// </summary>
    public static readonly IReadOnlyList<string> Fasen =
        [Ontwerpbegroting, VastgesteldeBegroting, .. Enumerable.Range(1, AantalIncidenteleSuppletoire).Select(IncidenteleSuppletoire),
         EersteSuppletoire, SeptemberSuppletoire, TweedeSuppletoire, Jaarverslag, Slotwet];

    /// <summary>How a fase reads in a sentence or a label ("ontwerpbegroting 2026", "1e suppletoire 2015").</summary>
    public static string FaseLabel(string fase) => fase switch
    {
        VastgesteldeBegroting => "vastgestelde begroting",
        EersteSuppletoire => "1e suppletoire",
        TweedeSuppletoire => "2e suppletoire",
        SeptemberSuppletoire => "septembersuppletoire",
        _ => NummerIncidenteleSuppletoire(fase) is { } n ? $"{n}e incidentele suppletoire" : fase,
    };

    /// <summary>The position of a fase in the cycle (0 = ontwerpbegroting); -1 for an unknown code.</summary>
    public static int Volgorde(string fase)
    {
        for (var i = 0; i < Fasen.Count; i++) if (Fasen[i] == fase) return i;
        return -1;
    }

    // What a line counts. Uitgaven and ontvangsten are never added together; verplichtingen are commitments.
    public const string Verplichtingen = "verplichtingen";
    public const string Uitgaven = "uitgaven";
    public const string Ontvangsten = "ontvangsten";

    public static readonly IReadOnlyList<string> Soorten = [Verplichtingen, Uitgaven, Ontvangsten];

    // The level of a line. An artikel line is what totals add up; every other level is a part of the line above it.
    public const string NiveauArtikel = "artikel";
    /// <summary>A named part of an artikel as the document prints it ("waarvan …"); the parts need not cover the artikel.</summary>
    public const string NiveauWaarvan = "waarvan";
    /// <summary>Budgettaire tabellen: the "Apparaatsuitgaven" / "Programma-uitgaven" split of an artikel, where printed.</summary>
    public const string NiveauProgrammaApparaat = "programma-apparaat";
    public const string NiveauArtikelonderdeel = "artikelonderdeel";
    public const string NiveauFinancieelInstrument = "financieel-instrument";
    public const string NiveauUitsplitsing = "uitsplitsing";
    public const string NiveauNadereOmschrijving = "nadere-omschrijving";

    /// <summary>The levels from the top down. A line's parent is the nearest line above it on the same path.</summary>
    public static readonly IReadOnlyList<string> Niveaus =
        [NiveauArtikel, NiveauWaarvan, NiveauProgrammaApparaat, NiveauArtikelonderdeel, NiveauFinancieelInstrument, NiveauUitsplitsing, NiveauNadereOmschrijving];

    public const string Beleidsartikel = "beleidsartikel";
    public const string NietBeleidsartikel = "niet-beleidsartikel";

    public static readonly IReadOnlyList<string> Categorieen = [Beleidsartikel, NietBeleidsartikel];

    /// <summary>The unit of every budget table and open-data file: thousands of euros.</summary>
    public const string EenheidBegroting = "x € 1.000";
}
