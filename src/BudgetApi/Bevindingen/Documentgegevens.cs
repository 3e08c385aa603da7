using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>A printed total of a budget table in one year (data/gedrukte-totalen.csv).</summary>
/// <remarks>Whole numbers are long, as SQLite gives them, so the rows map by constructor.</remarks>
public sealed record Gedrukttotaal(string Begroting, string Hoofdstuk, string Soort, string Totaal, long Jaar, long? Bedrag, string BronTabel, long BronRegel);

/// <summary>A line of the list "Uitgavenbegroting JenV" (data/uitgavenbegroting-jenv.csv), x € 1.000.</summary>
public sealed record Lijstregel(string Omschrijving, long Bedrag, long? Artikel, long BronRegel);

/// <summary>A row of the table "Bezetting FTE en budget" (data/bezetting.csv), as printed.</summary>
public sealed record Tabelrij(string ZoalsGedrukt, string? Organisatie, long? BezettingFte, long? BudgetMiljoen, string? KomtOvereenMet, long BronRegel);

/// <summary>
/// What the document's rules look at, read once from the loaded data: every organisation figure, every budget line per year,
/// the printed totals and lists, and the reconciliations as /aansluitingen computes them.
/// </summary>
public sealed class Documentgegevens
{
    public required IReadOnlyList<OrganisatiefeitRegel> Cijfers { get; init; }

    public required IReadOnlyList<Regelbedrag> Regels { get; init; }

    public required IReadOnlyList<AansluitingRegel> Aansluitingen { get; init; }

    public required IReadOnlyList<Gedrukttotaal> Totalen { get; init; }

    public required IReadOnlyList<Lijstregel> Uitgavenbegroting { get; init; }

    public required IReadOnlyList<Tabelrij> Bezettingstabel { get; init; }

    /// <summary>The year the document's budget is made for (the first year of its tables, 2026).</summary>
    public required int Begrotingsjaar { get; init; }

    /// <summary>The document's budget tables are the ontwerpbegroting ("stand ontwerpbegroting 2026").</summary>
    public string Fase => Begrotingscodes.Ontwerpbegroting;

    /// <summary>
    /// The years a figure without a year or date can be about. The document was written at the start of the begrotingsjaar:
    /// "now" in its text is the begrotingsjaar or the year just ended (the Bezetting FTE table is "stand 2025").
    /// </summary>
    public bool IsHuidig(int jaar) => jaar == Begrotingsjaar || jaar == Begrotingsjaar - 1;
}
