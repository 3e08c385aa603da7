using System.ComponentModel;
using BudgetApi.Http;
using BudgetApi.Opslag;
using Dapper;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén bedrag: één begrotingsregel (een artikelregel of een deel ervan) van één stand in één jaar. De lange vorm voor BI-tools, en het eigen standformaat van het project: de CSV ervan kan als stand worden geïmporteerd (docs/standbestanden.md).</summary>
/// <param name="Begroting">Code van de begroting (JenV, AenM, IXB …).</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting (VI, XX, IXB …).</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de stand.</param>
/// <param name="Fase">Fase van de stand: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer.</param>
/// <param name="Regelsoort">artikel (de artikelregel) of het niveau van het deel: waarvan (het document), programma-apparaat, artikelonderdeel, financieel-instrument, uitsplitsing, nadere-omschrijving (budgettaire tabellen).</param>
/// <param name="Pad">De omschrijvingen van de regels boven dit deel, onder het artikel, gescheiden door ' > '; leeg voor een artikelregel en een deel direct onder het artikel.</param>
/// <param name="Omschrijving">Omschrijving zoals gedrukt: van het artikel, of van het deel (zonder 'waarvan').</param>
/// <param name="Categorie">beleidsartikel of niet-beleidsartikel (van het artikel waar de regel onder staat); leeg waar de bron het niet zegt.</param>
/// <param name="Jaar">Het jaar van het bedrag.</param>
/// <param name="Bedrag">Bedrag x € 1.000, zoals gedrukt; leeg waar de bron geen bedrag geeft (nooit 0).</param>
/// <param name="BronTabel">Titel van de gedrukte tabel, of het bronbestand.</param>
/// <param name="BronBestand">Het bronbestand van de regel: het introductiedossier of een standbestand.</param>
/// <param name="BronRegel">Regel in het bronbestand.</param>
public sealed record BedragRegel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Soort, int Artikel, string Regelsoort, [property: Domein.Pad] string Pad, string Omschrijving,
    string? Categorie, int Jaar, long? Bedrag, string BronTabel, string BronBestand, int BronRegel);

public sealed record BedragenQuery : IGepagineerd
{
    [Description("Begroting (code of hoofdstuk), herhaalbaar (?begroting=JenV&begroting=AenM); zonder: elke begroting met een stand in het begrotingsjaar. Bijvoorbeeld: JenV")]
    public string[]? Begroting { get; init; }

    [Description("Begrotingsjaar van de standen. Standaard: het laatste begrotingsjaar dat de gevraagde begrotingen gemeen hebben (zonder begroting: het laatste in de data). Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Fase van de standen: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Standaard: per begroting de laatste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten; zonder: alle; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben. Bijvoorbeeld: uitgaven")]
    public string? Soort { get; init; }

    [Description("Artikelnummer (bestaand in de gekozen standen). Bijvoorbeeld: 31")]
    public int? Artikel { get; init; }

    [Description("Eén jaar binnen de jaren van de gekozen standen. Bijvoorbeeld: 2026")]
    public int? Jaar { get; init; }

    [Description("artikel (alleen artikelregels), of één niveau van de delen: waarvan, programma-apparaat, artikelonderdeel, financieel-instrument, uitsplitsing, nadere-omschrijving; zonder: alle. Bijvoorbeeld: waarvan")]
    public string? Regelsoort { get; init; }

    [Description("Sorteervelden, gescheiden door komma's, '-' ervoor voor aflopend: bedrag, jaar, artikel, begroting, omschrijving. " +
                 "Zonder: begroting, stand, soort, artikel, regel (artikelregel eerst, dan de delen zoals gedrukt), jaar. Bijvoorbeeld: jaar,-bedrag")]
    public string? Sortering { get; init; }

    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in de omschrijving van de regel en de regels erboven (pad).")]
    public string? Q { get; init; }

    [Description(Bladeren.PaginaUitleg)]
    [DefaultValue(1)]
    public int? Pagina { get; init; }

    [Description(Bladeren.PaginaGrootteUitleg)]
    [DefaultValue(Bladeren.StandaardPaginaGrootte)]
    public int? PaginaGrootte { get; init; }
}

public sealed class BedragenQueryValidator : AbstractValidator<BedragenQuery>
{
    public BedragenQueryValidator(Catalogus catalogus, BudgetDb db)
    {
        RuleForEach(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Regelsoort).BekendeWaarde("regelsoort", BedragenEndpoints.Regelsoorten);
        RuleFor(q => q.Q).Zoekvraag();
        // The stand, the year and the artikel are checked for the begrotingen that exist (an unknown code is its own 400).
        RuleFor(q => q).Custom((q, context) =>
        {
            var keuze = Standkeuzes.Meer(catalogus, Queryregels.Begrotingen(q.Begroting, catalogus), q.Begrotingsjaar, q.Fase);
            Standkeuzes.VoegFoutenToe(context, keuze);
            if (!keuze.IsGeldig) return;
            if (Standkeuzes.JaarFout(q.Jaar, "jaar", keuze.Standen) is { } fout) context.AddFailure("jaar", fout);
            if (Standkeuzes.SoortFout(catalogus, q.Soort, keuze.Standen) is { } soort) context.AddFailure("soort", soort);
            // With an unknown begroting the artikelen it would have are unknown too: only its own 400 then.
            if (q.Artikel is { } artikel && (q.Begroting is null || q.Begroting.All(b => catalogus.ZoekBegroting(b) is not null)))
            {
                var artikelen = BedragenEndpoints.Artikelen(db, keuze.Standen);
                if (!artikelen.Contains(artikel)) context.AddFailure("artikel", $"Er is geen artikel {artikel} in de gekozen stand(en) ({keuze.Label}); toegestaan: {string.Join(", ", artikelen)}.");
            }
        });
        RuleFor(q => q.Sortering)
            .Must(s => s is null || Sortering.Lees(s).Fout is null)
            .WithMessage((_, s) => Sortering.Lees(s!).Fout!);
        this.PaginaRegels();
    }
}

/// <summary>
/// The sort order a client may ask for, read against a whitelist. The ORDER BY is put together from the SQL fragments of
/// this whitelist only: the client's text chooses among them and never reaches the SQL.
/// </summary>
public static class Sortering
{
    sealed record Veld(string? Vooraf, string Expressie);

    // Lines without an amount (blank in the source) come last in either direction: a blank is not the smallest amount.
    static readonly Dictionary<string, Veld> Velden = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bedrag"] = new("rb.bedrag IS NULL", "rb.bedrag"),
        ["jaar"] = new(null, "rb.jaar"),
        ["artikel"] = new(null, "r.artikel"),
        ["begroting"] = new(null, "g.code"),
        ["omschrijving"] = new(null, "r.omschrijving COLLATE NOCASE"),
    };

    public static IReadOnlyList<string> Toegestaan { get; } = ["bedrag", "jaar", "artikel", "begroting", "omschrijving"];

    /// <summary>
    /// The sources' own order: begroting (the Rijksbegroting's order), stand (begrotingsjaar, fase in the cycle), soort (V, U, O),
    /// artikel, the artikel line then its parts as printed (the line in the source), jaar.
    /// </summary>
    public const string Standaard =
        "g.volgorde, s.begrotingsjaar, s.volgorde_fase, CASE r.soort WHEN 'verplichtingen' THEN 0 WHEN 'uitgaven' THEN 1 ELSE 2 END, r.artikel, r.ouder_id IS NOT NULL, r.bron_regel, r.id, rb.jaar";

    /// <summary>The ORDER BY fragments for a valid sortering (null: the default order), or what is wrong with it.</summary>
    public static (string? OrderBy, string? Fout) Lees(string? sortering)
    {
        if (sortering is null) return (Standaard, null);
        var delen = new List<string>();
        var gezien = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var ruw in sortering.Split(','))
        {
            var deel = ruw.Trim();
            var aflopend = deel.StartsWith('-');
            var naam = aflopend ? deel[1..] : deel;
            if (!Velden.TryGetValue(naam, out var veld))
            {
                return (null, $"Onbekend sorteerveld '{deel}' in sortering; toegestaan: {string.Join(", ", Toegestaan)}, " +
                              "elk eventueel met '-' ervoor voor aflopend, gescheiden door komma's (bijvoorbeeld jaar,-bedrag).");
            }
            if (!gezien.Add(naam)) return (null, $"Sorteerveld '{naam}' staat meer dan eens in sortering; noem elk veld hoogstens één keer.");
            delen.Add((veld.Vooraf is null ? "" : veld.Vooraf + ", ") + veld.Expressie + (aflopend ? " DESC" : " ASC"));
        }
        // The default order breaks ties, so every page is stable and no row appears on two pages.
        delen.Add(Standaard);
        return (string.Join(", ", delen), null);
    }
}

public static class BedragenEndpoints
{
    public static readonly IReadOnlyList<string> Regelsoorten = Domein.Begrotingscodes.Niveaus;

    public static RouteGroupBuilder MapBedragen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/bedragen").WithTags("Bedragen");
        group.MapGet("", GetBedragen)
            .WithName("GetBedragen")
            .WithSummary("Alle bedragen in lange vorm: één rij per begrotingsregel en jaar")
            .WithDescription("Elke artikelregel en elk deel ervan (waarvan-regels, regels van een budgettaire tabel) van de gekozen standen, één rij per jaar, " +
                             "x € 1.000. Een leeg bedrag blijft een rij met bedrag null. Filter op begroting, begrotingsjaar, fase, soort, artikel, jaar en regelsoort, zoek met q; " +
                             "sorteer met sortering; blader met pagina en paginaGrootte (links in metadata.paginering en in de Link-header). " +
                             "De CSV is het eigen standformaat: een stand als CSV kan als stand worden geïmporteerd (POST /standen).")
            .MetValidatie<BedragenQuery>();
        return group;
    }

    const string ArtikelenSql = "SELECT DISTINCT artikel FROM regel WHERE stand_id IN @Standen ORDER BY artikel";

    /// <summary>The artikelen of the chosen standen, ascending: what artikel may be.</summary>
    internal static IReadOnlyList<long> Artikelen(BudgetDb db, IEnumerable<Stand> standen)
    {
        using var verbinding = db.Open();
        return verbinding.Query<long>(ArtikelenSql, new { Standen = standen.Select(s => s.Id).ToArray() }).ToList();
    }

    const string Selectie = """
        FROM regelbedrag rb
        JOIN regel r ON r.id = rb.regel_id
        JOIN stand s ON s.id = r.stand_id
        JOIN begroting g ON g.hoofdstuk = s.hoofdstuk
        JOIN bronbestand bb ON bb.id = r.bron_id
        WHERE r.stand_id IN @Standen
          AND (@Soort IS NULL OR r.soort = @Soort)
          AND (@Artikel IS NULL OR r.artikel = @Artikel)
          AND (@Jaar IS NULL OR rb.jaar = @Jaar)
          AND (@Regelsoort IS NULL OR r.niveau = @Regelsoort)
          AND (@Zoek = 0 OR past_zoekvraag(r.pad, r.omschrijving))
        """;

    const string AantalSql = "SELECT COUNT(*) " + Selectie;

    // /*sortering*/ is replaced only by Sortering.Lees's fragments, which come from its whitelist.
    const string BedragenSql = """
        SELECT g.code AS Begroting, g.hoofdstuk AS Hoofdstuk, s.begrotingsjaar AS Begrotingsjaar, s.fase AS Fase, r.soort AS Soort, r.artikel AS Artikel,
               r.niveau AS Regelsoort, r.pad AS Pad, r.omschrijving AS Omschrijving, r.categorie AS Categorie, rb.jaar AS Jaar, rb.bedrag AS Bedrag,
               r.bron_tabel AS BronTabel, bb.naam AS BronBestand, r.bron_regel AS BronRegel
        """ + "\n" + Selectie + "\nORDER BY /*sortering*/\nLIMIT @Limiet OFFSET @Overslaan";

    static LijstResultaat<BedragRegel> GetBedragen([AsParameters] BedragenQuery query, BudgetDb db, Catalogus catalogus, HttpContext http)
    {
        var (pagina, grootte) = Bladeren.Gevraagd(query);
        var standen = Standkeuzes.Meer(catalogus, Queryregels.Begrotingen(query.Begroting, catalogus), query.Begrotingsjaar, query.Fase).Standen;
        var parameters = new DynamicParameters(new
        {
            Standen = standen.Select(s => s.Id).ToArray(),
            Soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten),
            query.Artikel,
            query.Jaar,
            Regelsoort = Queryregels.Canoniek(query.Regelsoort, Regelsoorten),
            Zoek = query.Q is not null,
            Limiet = grootte,
            Overslaan = (long)(pagina - 1) * grootte,
        });

        using var verbinding = db.Open();
        // q is matched by the one search rule (Domein.Zoekterm), in C#: SQLite's LIKE and NOCASE fold neither accents nor non-ASCII case.
        var zoek = Domein.Zoekterm.Lees(query.Q);
        verbinding.CreateFunction("past_zoekvraag", (string? pad, string? omschrijving) => zoek?.Past(pad, omschrijving) ?? true, isDeterministic: true);
        var totaal = (int)verbinding.ExecuteScalar<long>(AantalSql, parameters);
        var sql = BedragenSql.Replace("/*sortering*/", Sortering.Lees(query.Sortering).OrderBy!, StringComparison.Ordinal);
        var rijen = verbinding.Query<Rij>(sql, parameters)
            .Select(r => new BedragRegel(r.Begroting, r.Hoofdstuk, (int)r.Begrotingsjaar, r.Fase, r.Soort, (int)r.Artikel, r.Regelsoort, r.Pad, r.Omschrijving,
                r.Categorie, (int)r.Jaar, r.Bedrag, r.BronTabel, r.BronBestand, (int)r.BronRegel))
            .ToList();

        // The page is read from SQLite with LIMIT and OFFSET; the paging and its links are Bladeren's, as for every paged resource.
        var paginering = Bladeren.Pagineer(http, pagina, grootte, totaal);

        var metadata = StandVerwijzing.Metadata(standen, rijen.Count) with { Paginering = paginering };
        return new LijstResultaat<BedragRegel>(new Lijst<BedragRegel>(rijen, metadata), "bedragen");
    }

    sealed class Rij
    {
        public string Begroting { get; set; } = "";
        public string Hoofdstuk { get; set; } = "";
        public long Begrotingsjaar { get; set; }
        public string Fase { get; set; } = "";
        public string Soort { get; set; } = "";
        public long Artikel { get; set; }
        public string Regelsoort { get; set; } = "";
        public string Pad { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public string? Categorie { get; set; }
        public string BronBestand { get; set; } = "";
        public long Jaar { get; set; }
        public long? Bedrag { get; set; }
        public string BronTabel { get; set; } = "";
        public long BronRegel { get; set; }
    }
}
