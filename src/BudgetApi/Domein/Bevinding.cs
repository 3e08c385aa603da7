namespace BudgetApi.Domein;

/// <summary>
/// Something in the loaded data that cannot be trusted as it stands: a total that does not add up, two figures that
/// contradict each other, a number that cannot be a number, a broken pattern, an implausible figure, an orphan, a doubtful
/// row in an open-data file, a breach of the rules of the budget cycle. Never a refusal: the figures are what was published.
/// </summary>
public sealed record Bevinding
{
    /// <summary>Stable across restarts and reloads of the same data: built from the kind and what it is about, never from a counter.</summary>
    public required string Id { get; init; }

    /// <summary>The kind (<see cref="Bevindingsoorten"/>).</summary>
    public required string Soort { get; init; }

    /// <summary>fout (certainly wrong), tegenstrijdig (two figures that cannot both be right) or twijfel (a human must look).</summary>
    public required string Ernst { get; init; }

    /// <summary>In Dutch: what does not fit and why, and which rule the service applied (which figure counts).</summary>
    public required string Uitleg { get; init; }

    /// <summary>The hoofdstuk (VI, XX, …) the finding is about; null when it is about organisations only. The resource adds the begroting's short code.</summary>
    public string? Hoofdstuk { get; init; }

    public int? Begrotingsjaar { get; init; }

    public string? Fase { get; init; }

    /// <summary>Organisation code (data/organisaties.csv) where the finding is about an organisation.</summary>
    public string? Organisatie { get; init; }

    /// <summary>Every figure involved, each in full with where it stands.</summary>
    public required IReadOnlyList<Bevindingcijfer> Cijfers { get; init; }

    /// <summary>The value the arithmetic supports, where one follows, in <see cref="Eenheid"/>.</summary>
    public decimal? JuisteWaarde { get; init; }

    /// <summary>The arithmetic behind <see cref="JuisteWaarde"/>, written out ("8.480 + 3.477 + … = 18.944").</summary>
    public string? Berekening { get; init; }

    /// <summary>The unit of <see cref="JuisteWaarde"/>.</summary>
    public string? Eenheid { get; init; }
}

/// <summary>One figure of a finding, in full: its value, as printed, unit, when, what it is of, and where it stands.</summary>
public sealed record Bevindingcijfer
{
    /// <summary>The value as read (the value served), or null where the source prints none or it cannot be read.</summary>
    public decimal? Waarde { get; init; }

    /// <summary>Exactly as printed in the source ("10.8000", "12,372,721", "V ").</summary>
    public string? ZoalsGedrukt { get; init; }

    public required string Eenheid { get; init; }

    public int? Jaar { get; init; }

    public DateOnly? Peildatum { get; init; }

    /// <summary>Organisation code, where it is an organisation's figure.</summary>
    public string? Organisatie { get; init; }

    /// <summary>The budget line or printed row it is ("VI uitgaven artikel 31 > Bekostiging nationale politie"), or what it measures.</summary>
    public required string Omschrijving { get; init; }

    /// <summary>For an organisation's figure: what kind of figure it is (formatie, bezetting, bijdrage, …; data/README.md).</summary>
    public string? Meting { get; init; }

    /// <summary>For an organisation's figure: what it includes or excludes (incl. externe inhuur, …); null is the whole.</summary>
    public string? Reikwijdte { get; init; }

    /// <summary>Section of the document, or printed table, where the figure stands.</summary>
    public string? BronSectie { get; init; }

    /// <summary>The file: the document's name for data/*.csv figures, the file name for open data and imports.</summary>
    public required string BronBestand { get; init; }

    /// <summary>1-based line in the source document (document figures) or in the file (open data).</summary>
    public required int BronRegel { get; init; }
}

/// <summary>The kinds of findings, and their severities, in one place (docs/bevindingen.md explains each and its rule).</summary>
public static class Bevindingsoorten
{
    public const string Fout = "fout";
    public const string Tegenstrijdig = "tegenstrijdig";
    public const string Twijfel = "twijfel";

    public static readonly IReadOnlyList<string> Ernsten = [Fout, Tegenstrijdig, Twijfel];

    // The document's kinds (issue 7).
    public const string TotaalSluitNiet = "totaal-sluit-niet";
    public const string Tegenstrijdigheid = "tegenstrijdigheid";
    public const string OnmogelijkGetal = "onmogelijk-getal";
    public const string Patroonbreuk = "patroonbreuk";
    public const string Onwaarschijnlijk = "onwaarschijnlijk";
    public const string Wees = "wees";

    // Open-data files that read but hold doubtful content (the standen issue).
    public const string HerhaaldBlok = "herhaald-blok";
    public const string HerhaaldeKopregel = "herhaalde-kopregel";
    public const string AfwijkendArtikelnummer = "afwijkend-artikelnummer";
    public const string TegenstrijdigeTotaalmarkering = "tegenstrijdige-totaalmarkering";
    public const string CodePastNietBijNaam = "code-past-niet-bij-naam";
    public const string AndereEenheid = "andere-eenheid";
    public const string LegeRegel = "lege-regel";
    public const string BronnenVerschillen = "bronnen-verschillen";
    /// <summary>Rows of another begrotingsjaar than the file's (budgettaire tabellen: one file is one stand).</summary>
    public const string AnderBegrotingsjaar = "ander-begrotingsjaar";
    /// <summary>Cells outside the header's columns, or a row holding only a stray value.</summary>
    public const string LosseCel = "losse-cel";
    /// <summary>A description that is a spreadsheet error value (#NAME?, #REF!, Err:509) instead of its text.</summary>
    public const string Rekenbladfout = "rekenbladfout";
    /// <summary>Two parts of one line with the same description and other amounts: both count, the second is numbered.</summary>
    public const string HerhaaldeOmschrijving = "herhaalde-omschrijving";
    /// <summary>A code the format's list does not have (a Type Artikel 'Niet toegedeeld'): left empty, not guessed.</summary>
    public const string OnbekendeCode = "onbekende-code";
    /// <summary>A column of a stand file whose header and content fit no meaning: not read (one finding per column).</summary>
    public const string OnbekendeKolom = "onbekende-kolom";
    /// <summary>An amount cell with decimals or a spreadsheet's float noise (355572.7449, -7.3E-12): rounded to whole thousands.</summary>
    public const string AfgerondBedrag = "afgerond-bedrag";
    /// <summary>Text in an amount cell ('pm' outside the budgettaire tabellen, a stray character): the line is kept without that amount.</summary>
    public const string GeenBedrag = "geen-bedrag";

    // The rules of the budget cycle.
    public const string NajaarsnotaMeerjarig = "najaarsnota-meerjarig";

    /// <summary>Every kind, in the order findings are listed: the document's kinds first.</summary>
    public static readonly IReadOnlyList<string> Soorten =
    [
        TotaalSluitNiet, Tegenstrijdigheid, OnmogelijkGetal, Patroonbreuk, Onwaarschijnlijk, Wees,
        HerhaaldBlok, HerhaaldeKopregel, AfwijkendArtikelnummer, TegenstrijdigeTotaalmarkering, CodePastNietBijNaam, OnbekendeCode, AndereEenheid,
        AnderBegrotingsjaar, LegeRegel, LosseCel, Rekenbladfout, HerhaaldeOmschrijving, BronnenVerschillen, OnbekendeKolom, AfgerondBedrag, GeenBedrag,
        NajaarsnotaMeerjarig,
    ];

    /// <summary>
    /// The one table of Dutch labels for the codes of soort and ernst: explanations that name another kind use it, the API
    /// serves it beside each code (soortLabel, ernstLabel), and the dashboard shows what the API serves (a test compares its
    /// list of kinds with this table). A code never stands in Dutch text.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Fout] = "Fout",
        [Tegenstrijdig] = "Tegenstrijdig",
        [Twijfel] = "Twijfel",
        [TotaalSluitNiet] = "Totaal sluit niet",
        [Tegenstrijdigheid] = "Tegenstrijdigheid",
        [OnmogelijkGetal] = "Onmogelijk getal",
        [Patroonbreuk] = "Patroonbreuk",
        [Onwaarschijnlijk] = "Onwaarschijnlijk cijfer",
        [Wees] = "Wees (hoort nergens bij)",
        [HerhaaldBlok] = "Herhaald blok",
        [HerhaaldeKopregel] = "Herhaalde kopregel",
        [AfwijkendArtikelnummer] = "Afwijkend artikelnummer",
        [TegenstrijdigeTotaalmarkering] = "Tegenstrijdige totaalmarkering",
        [CodePastNietBijNaam] = "Code past niet bij naam",
        [OnbekendeCode] = "Onbekende code",
        [AndereEenheid] = "Andere eenheid",
        [AnderBegrotingsjaar] = "Ander begrotingsjaar",
        [LegeRegel] = "Lege regel",
        [LosseCel] = "Losse cel",
        [Rekenbladfout] = "Rekenbladfout",
        [HerhaaldeOmschrijving] = "Herhaalde omschrijving",
        [BronnenVerschillen] = "Bronnen verschillen",
        [OnbekendeKolom] = "Onbekende kolom",
        [AfgerondBedrag] = "Afgerond bedrag",
        [GeenBedrag] = "Geen bedrag",
        [NajaarsnotaMeerjarig] = "Najaarsnota meerjarig",
    };

    /// <summary>The Dutch label of a soort or ernst.</summary>
    public static string Label(string code) => Labels.TryGetValue(code, out var label) ? label : code;
}
