namespace BudgetApi.Domein;

/// <summary>
/// One stand: one version of one begroting (hoofdstuk) for one begrotingsjaar, in one fase of the cycle.
/// <see cref="Hoofdstuk"/> is the Rijksbegroting's code (VI, XX, IXB, A, …), never the short code users type (JenV).
/// </summary>
public sealed record Standsleutel(string Hoofdstuk, int Begrotingsjaar, string Fase)
{
    /// <summary>The stand's id in URLs and in the contract: VI-2016-ontwerpbegroting.</summary>
    public string Id => $"{Hoofdstuk}-{Begrotingsjaar}-{Fase}";

    public override string ToString() => Id;
}

/// <summary>Where a figure stands: the file (as named in the data folder or the import) and its 1-based line, and column where it matters.</summary>
public sealed record Vindplaats(string Bestand, int Regel, int? Kolom = null)
{
    public override string ToString() => Kolom is null ? $"{Bestand}:{Regel}" : $"{Bestand}:{Regel}:{Kolom}";
}

/// <summary>One step of a line's path below its artikel: the level and the description as printed (trimmed).</summary>
public sealed record Padstap(string Niveau, string Omschrijving);

/// <summary>
/// One printed budget line of a stand, from any source: an artikel line (empty <see cref="Pad"/>) or a part of one at any depth.
/// Its identity within the stand is (<see cref="Soort"/>, <see cref="Artikel"/>, <see cref="Pad"/>): two sources that give the
/// same identity give the same line, and must agree. Its parent is the line whose path is the longest proper prefix of this one
/// (the artikel line when there is none).
/// </summary>
public sealed record Standregel
{
    public required Standsleutel Stand { get; init; }

    /// <summary>verplichtingen, uitgaven or ontvangsten (<see cref="Begrotingscodes.Soorten"/>).</summary>
    public required string Soort { get; init; }

    public required int Artikel { get; init; }

    /// <summary>The steps below the artikel, top down; empty for the artikel line itself.</summary>
    public required IReadOnlyList<Padstap> Pad { get; init; }

    /// <summary>The line's own description as printed: the artikel's name for an artikel line, else the last step's.</summary>
    public required string Omschrijving { get; init; }

    /// <summary>A code printed beside the description (the artikelonderdeel's "31.2"), or null.</summary>
    public string? Code { get; init; }

    /// <summary>beleidsartikel or niet-beleidsartikel where the source says so; null where it does not (begrotingsstaten).</summary>
    public string? Categorie { get; init; }

    /// <summary>Calendar year → amount in thousands of euros; null where the source prints a blank (never 0).</summary>
    public required IReadOnlyDictionary<int, long?> Bedragen { get; init; }

    /// <summary>Printed as a total row (the open data's "totaal regel" J): its parts are expected to add up to it.</summary>
    public bool IsTotaalregel { get; init; }

    /// <summary>The title of the printed table, where the source has one ("A. Uitgaven JenV").</summary>
    public string? BronTabel { get; init; }

    public required Vindplaats Herkomst { get; init; }

    /// <summary>Per year, where that year's amount stands when it is not on <see cref="Herkomst"/>'s line (begrotingsstaten: one line per stand column).</summary>
    public IReadOnlyDictionary<int, Vindplaats>? HerkomstPerJaar { get; init; }

    public string Niveau => Pad.Count == 0 ? Begrotingscodes.NiveauArtikel : Pad[^1].Niveau;
}

/// <summary>
/// A printed total of a stand that is not a line of an artikel: a hoofdstuk's total row, the document's TOTAAL and
/// "Totaal Beleidsartikelen". Kept as printed and compared with the sum of the artikel lines, never summed into anything.
/// </summary>
public sealed record GedruktStandtotaal
{
    public required Standsleutel Stand { get; init; }

    public required string Soort { get; init; }

    /// <summary>The total's name as printed ("TOTAAL", "Totaal Beleidsartikelen", or the hoofdstuk row's description).</summary>
    public required string Totaal { get; init; }

    /// <summary>True when it totals only the beleidsartikelen; false when it totals every artikel of the stand and soort.</summary>
    public bool AlleenBeleidsartikelen { get; init; }

    public required IReadOnlyDictionary<int, long?> Bedragen { get; init; }

    public string? BronTabel { get; init; }

    public required Vindplaats Herkomst { get; init; }
}

/// <summary>A stand as a source file presents it: the name the begroting has there ("Veiligheid en Justitie" in 2016).</summary>
public sealed record Standkop(Standsleutel Stand, string? NaamZoalsGepubliceerd);

/// <summary>
/// What a reader made of one source file. <see cref="Problemen"/> not empty means the file cannot be read as its format:
/// it is refused whole, and nothing of it is stored. <see cref="Bevindingen"/> are doubts about a file that does read:
/// it is loaded, and every doubt is listed with its lines.
/// </summary>
public sealed record Leesresultaat(
    string Formaat,
    IReadOnlyList<Standkop> Standen,
    IReadOnlyList<Standregel> Regels,
    IReadOnlyList<GedruktStandtotaal> Totalen,
    IReadOnlyList<Bevinding> Bevindingen,
    IReadOnlyList<Leesprobleem> Problemen)
{
    public bool Gelukt => Problemen.Count == 0;

    /// <summary>How the file was read: its layout, encoding and columns (the import answer shows it). Null for a reader that does not say.</summary>
    public Bestandsindeling? Indeling { get; init; }
}

/// <summary>How one stand file was read (issue 14 §7): the layout recognised, the encoding, each column and the meaning it was given, and the columns ignored.</summary>
/// <param name="Indeling">The layout recognised.</param>
/// <param name="Codering">The encoding the text was in.</param>
/// <param name="Kolommen">Each column read, and its meaning.</param>
/// <param name="Genegeerd">The columns not read.</param>
public sealed record Bestandsindeling(string Indeling, string Codering, IReadOnlyList<Kolombeschrijving> Kolommen, IReadOnlyList<Kolombeschrijving> Genegeerd);

/// <summary>Hoe een bronbestand gelezen is, zoals het bij het bestand is opgeslagen en bij de bronnen van een stand getoond wordt.</summary>
/// <param name="Indeling">De indeling die in het bestand is herkend.</param>
/// <param name="Codering">De tekstcodering waarin het bestand is gelezen.</param>
/// <param name="Kolommen">Elke gelezen kolom en de betekenis die zij kreeg.</param>
/// <param name="Genegeerd">De kolommen die niet zijn gelezen.</param>
/// <param name="Bevindingen">Het aantal bevindingen dat het lezen van het bestand opleverde.</param>
public sealed record Bronlezing(string Indeling, string Codering, IReadOnlyList<Kolombeschrijving> Kolommen, IReadOnlyList<Kolombeschrijving> Genegeerd, int Bevindingen)
{
    public static Bronlezing? Van(Leesresultaat gelezen) => gelezen.Indeling is { } i
        ? new Bronlezing(i.Indeling, i.Codering, i.Kolommen, i.Genegeerd, gelezen.Bevindingen.Count)
        : null;
}

/// <summary>Eén kolom van een standbestand: zijn nummer (vanaf 1), zijn kop zoals gedrukt, en als wat hij herkend is (en hoe).</summary>
/// <param name="Kolom">De kolom (vanaf 1).</param>
/// <param name="Kop">De kop van de kolom zoals gedrukt.</param>
/// <param name="Betekenis">Wat de kolom betekent (begrotingsjaar, hoofdstuk, stand jaarverslag, bedrag t+1, …), met '(naar de inhoud)' als de inhoud besliste.</param>
public sealed record Kolombeschrijving(int Kolom, string Kop, string Betekenis);

/// <summary>Why a file is refused: file, 1-based line and column (0 when it concerns the whole file or line), and what is wrong, in Dutch.</summary>
public sealed record Leesprobleem(string Bestand, int Regel, int Kolom, string Melding)
{
    public override string ToString() => $"{Bestand}:{Regel}:{Kolom}: {Melding}";
}

/// <summary>What an import names, checked against the file: a row of another fase (or begroting, or begrotingsjaar) is a refusal.</summary>
public sealed record Standverwachting(string? Hoofdstuk = null, int? Begrotingsjaar = null, string? Fase = null);

/// <summary>One reader per source format. A reader never writes: it turns text into the model, or says exactly what it could not read.</summary>
public interface IStandlezer
{
    /// <summary>The format's code: begrotingsstaten, budgettaire-tabellen, standen-csv.</summary>
    string Formaat { get; }

    /// <summary>True when this header row (the first line's fields, untrimmed) is this format's, in any of its known wordings.</summary>
    bool Herkent(IReadOnlyList<string> kopregel);

    /// <summary>Reads a whole file. <paramref name="bestand"/> names it in every Vindplaats and Leesprobleem.</summary>
    Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null);
}
