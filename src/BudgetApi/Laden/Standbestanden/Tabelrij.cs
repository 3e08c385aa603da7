namespace BudgetApi.Laden.Standbestanden;

/// <summary>One row of a budgettaire-tabellen file, its cells read but not yet placed in the structure.</summary>
internal sealed class Tabelrij
{
    public required Csvrij Bron { get; init; }
    public int Regel => Bron.Regel;

    public int? Jaar { get; init; }
    public required string Hoofdstuk { get; init; }
    public required string Naam { get; init; }
    public string? Fase { get; init; }
    public int? Artikel { get; set; }
    public required string Artikelnaam { get; init; }
    public required string TypeArtikel { get; init; }
    /// <summary>The "Programma of Apparaat" cell as printed (trimmed).</summary>
    public required string ProgrammaApparaat { get; init; }
    public string? Soort { get; init; }
    /// <summary>J = true, N = false, blank = null.</summary>
    public bool? Totaal { get; init; }

    public required string Code { get; init; }
    public required string Clustering { get; init; }
    public required string Instrument { get; init; }
    public required string Uitsplitsing { get; init; }
    public required string Nadere { get; init; }

    /// <summary>Calendar year → amount, every year of the file's amount columns (null where blank).</summary>
    public required IReadOnlyDictionary<int, long?> Bedragen { get; init; }
    /// <summary>Calendar year → the cell as printed.</summary>
    public required IReadOnlyDictionary<int, string> Cellen { get; init; }
    public bool HeeftCijfers => Cellen.Values.Any(c => Getalnotatie.Schoon(c).Length > 0);

    /// <summary>The B-table's "waarvan juridisch verplicht" row: a percentage where an amount would stand; not a line.</summary>
    public bool IsPercentagerij { get; init; }

    /// <summary>Cells in columns without a header, or beyond the header: (1-based column, value).</summary>
    public required IReadOnlyList<(int Kolom, string Waarde)> LosseCellen { get; init; }

    public IEnumerable<string> Omschrijvingen => [Code, Clustering, Instrument, Uitsplitsing, Nadere];

    public bool HeeftOmschrijving => Omschrijvingen.Any(o => o.Length > 0);

    /// <summary>"apparaat" or "programma" from the "Programma of Apparaat" cell, else null (Niet toegedeeld, blank).</summary>
    public string? ProgrammaOfApparaat
    {
        get
        {
            var s = Standwoorden.Sleutel(ProgrammaApparaat);
            return s.StartsWith("appa", StringComparison.Ordinal) ? "apparaat" : s.StartsWith("prog", StringComparison.Ordinal) ? "programma" : null;
        }
    }

    /// <summary>The figures as one comparable text; two rows with the same text carry the same money.</summary>
    public string Bedragtekst => string.Join('|', Bedragen.OrderBy(b => b.Key).Select(b => b.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
}
