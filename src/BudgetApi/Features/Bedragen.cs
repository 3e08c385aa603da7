using System.ComponentModel;
using System.Globalization;
using BudgetApi.Http;
using BudgetApi.Opslag;
using Dapper;
using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;

namespace BudgetApi.Features;

/// <summary>One amount: one budget line (an article line or a waarvan line) in one year. The tidy long form for BI tools.</summary>
/// <param name="Begroting">Code van de begroting (JenV, AenM).</param>
/// <param name="Soort">uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer.</param>
/// <param name="Regelsoort">artikel (de artikelregel) of waarvan (een benoemd deel van het artikel).</param>
/// <param name="Omschrijving">Omschrijving zoals gedrukt: van het artikel, of van het deel (zonder 'waarvan').</param>
/// <param name="Categorie">beleidsartikel of niet-beleidsartikel (van het artikel waar de regel onder staat).</param>
/// <param name="Jaar">Begrotingsjaar.</param>
/// <param name="Bedrag">Bedrag x € 1.000, zoals gedrukt; leeg waar de tabel geen bedrag geeft (nooit 0).</param>
/// <param name="BronTabel">Titel van de gedrukte tabel.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record BedragRegel(
    string Begroting, string Soort, long Artikel, string Regelsoort, string Omschrijving, string Categorie, long Jaar, long? Bedrag,
    string BronTabel, long BronRegel);

public sealed record BedragenQuery
{
    [Description("Begroting, herhaalbaar (?begroting=JenV&begroting=AenM); zonder: alle. Bijvoorbeeld: JenV")]
    public string[]? Begroting { get; init; }

    [Description("uitgaven of ontvangsten; zonder: beide. Bijvoorbeeld: uitgaven")]
    public string? Soort { get; init; }

    [Description("Artikelnummer (bestaand in de gekozen begroting). Bijvoorbeeld: 31")]
    public int? Artikel { get; init; }

    [Description("Eén jaar binnen de data (2026 tot en met 2030). Bijvoorbeeld: 2026")]
    public int? Jaar { get; init; }

    [Description("artikel (alleen artikelregels) of waarvan (alleen waarvan-regels); zonder: beide. Bijvoorbeeld: waarvan")]
    public string? Regelsoort { get; init; }

    [Description("Sorteervelden, gescheiden door komma's, '-' ervoor voor aflopend: bedrag, jaar, artikel, begroting, omschrijving. " +
                 "Zonder: begroting, soort, artikel, regel (artikelregel eerst, dan de waarvan-regels zoals gedrukt), jaar. Bijvoorbeeld: jaar,-bedrag")]
    public string? Sortering { get; init; }

    [Description("Paginanummer, vanaf 1.")]
    [DefaultValue(1)]
    public int? Pagina { get; init; }

    [Description("Rijen per pagina, 1 tot en met 1000.")]
    [DefaultValue(100)]
    public int? PaginaGrootte { get; init; }
}

public sealed class BedragenQueryValidator : AbstractValidator<BedragenQuery>
{
    public BedragenQueryValidator(Catalogus catalogus, BudgetDb db)
    {
        var artikelen = new Lazy<IReadOnlyList<(string Begroting, long Artikel)>>(() => BedragenEndpoints.Artikelen(db));
        IEnumerable<long> ArtikelenVan(BedragenQuery q)
        {
            var begrotingen = q.Begroting is { Length: > 0 } ? q.Begroting : catalogus.Begrotingen.Select(b => b.Code).ToArray();
            return artikelen.Value.Where(a => begrotingen.Contains(a.Begroting, StringComparer.OrdinalIgnoreCase)).Select(a => a.Artikel).Distinct().Order();
        }

        RuleForEach(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Regelsoort).BekendeWaarde("regelsoort", BedragenEndpoints.Regelsoorten);
        RuleFor(q => q.Jaar).JaarInDeData("jaar", catalogus);
        RuleFor(q => q.Artikel)
            .Must((q, a) => a is null || ArtikelenVan(q).Contains(a.Value))
            .WithMessage((q, a) => $"Er is geen artikel {a} in de gekozen begroting(en); toegestaan: {string.Join(", ", ArtikelenVan(q))}.")
            .When(q => q.Begroting is null || q.Begroting.All(b => catalogus.ZoekBegroting(b) is not null));
        RuleFor(q => q.Sortering)
            .Must(s => s is null || Sortering.Lees(s).Fout is null)
            .WithMessage((_, s) => Sortering.Lees(s!).Fout!);
        RuleFor(q => q.Pagina)
            .Must(p => p is null or >= 1)
            .WithMessage((_, p) => $"Pagina {p} bestaat niet; toegestaan: 1 of hoger.");
        RuleFor(q => q.PaginaGrootte)
            .Must(g => g is null or >= 1 and <= BedragenEndpoints.GrootstePagina)
            .WithMessage((_, g) => $"Paginagrootte {g} kan niet; toegestaan: 1 tot en met {BedragenEndpoints.GrootstePagina}.");
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
        ["begroting"] = new(null, "r.begroting"),
        ["omschrijving"] = new(null, "r.omschrijving COLLATE NOCASE"),
    };

    public static IReadOnlyList<string> Toegestaan { get; } = ["bedrag", "jaar", "artikel", "begroting", "omschrijving"];

    /// <summary>The document's own order: begroting, soort (uitgaven first), artikel, the article line then its waarvan lines as printed, jaar.</summary>
    public const string Standaard =
        "b.bron_regel, CASE r.soort WHEN 'uitgaven' THEN 0 ELSE 1 END, r.artikel, r.waarvan IS NOT NULL, r.bron_regel, rb.jaar";

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
    public const int GrootstePagina = 1000;
    public const int StandaardPaginaGrootte = 100;

    public static readonly IReadOnlyList<string> Regelsoorten = ["artikel", "waarvan"];

    public static RouteGroupBuilder MapBedragen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/bedragen").WithTags("Bedragen");
        group.MapGet("", GetBedragen)
            .WithName("GetBedragen")
            .WithSummary("Alle bedragen in lange vorm: één rij per begrotingsregel en jaar")
            .WithDescription("Elke artikelregel en elke waarvan-regel van de tabellen van 'De begroting in het kort', één rij per jaar, x € 1.000. " +
                             "Een leeg bedrag blijft een rij met bedrag null. Filter op begroting, soort, artikel, jaar en regelsoort; sorteer met sortering; " +
                             "blader met pagina en paginaGrootte (links in metadata.paginering en in de Link-header).")
            .MetValidatie<BedragenQuery>();
        return group;
    }

    const string ArtikelenSql = "SELECT DISTINCT begroting AS Begroting, artikel AS Artikel FROM regel ORDER BY begroting, artikel";

    internal static IReadOnlyList<(string Begroting, long Artikel)> Artikelen(BudgetDb db)
    {
        using var verbinding = db.Open();
        return verbinding.Query<(string, long)>(ArtikelenSql).ToList();
    }

    const string Selectie = """
        FROM regelbedrag rb
        JOIN regel r ON r.id = rb.regel_id
        JOIN begroting b ON b.code = r.begroting
        WHERE r.begroting IN @Begrotingen
          AND (@Soort IS NULL OR r.soort = @Soort)
          AND (@Artikel IS NULL OR r.artikel = @Artikel)
          AND (@Jaar IS NULL OR rb.jaar = @Jaar)
          AND (@Regelsoort IS NULL OR (CASE WHEN r.waarvan IS NULL THEN 'artikel' ELSE 'waarvan' END) = @Regelsoort)
        """;

    const string AantalSql = "SELECT COUNT(*) " + Selectie;

    // /*sortering*/ is replaced only by Sortering.Lees's fragments, which come from its whitelist.
    const string BedragenSql = """
        SELECT r.begroting AS Begroting, r.soort AS Soort, r.artikel AS Artikel,
               CASE WHEN r.waarvan IS NULL THEN 'artikel' ELSE 'waarvan' END AS Regelsoort,
               r.omschrijving AS Omschrijving, r.categorie AS Categorie, rb.jaar AS Jaar, rb.bedrag AS Bedrag,
               r.bron_tabel AS BronTabel, r.bron_regel AS BronRegel
        """ + "\n" + Selectie + "\nORDER BY /*sortering*/\nLIMIT @Limiet OFFSET @Overslaan";

    static LijstResultaat<BedragRegel> GetBedragen([AsParameters] BedragenQuery query, BudgetDb db, Catalogus catalogus, HttpContext http)
    {
        var pagina = query.Pagina ?? 1;
        var grootte = query.PaginaGrootte ?? StandaardPaginaGrootte;
        var begrotingen = query.Begroting is { Length: > 0 }
            ? query.Begroting.Select(b => catalogus.ZoekBegroting(b)!.Code).Distinct().ToList()
            : catalogus.Begrotingen.Select(b => b.Code).ToList();
        var parameters = new DynamicParameters(new
        {
            Begrotingen = begrotingen,
            Soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten),
            query.Artikel,
            query.Jaar,
            Regelsoort = Queryregels.Canoniek(query.Regelsoort, Regelsoorten),
            Limiet = grootte,
            Overslaan = (long)(pagina - 1) * grootte,
        });

        using var verbinding = db.Open();
        var totaal = (int)verbinding.ExecuteScalar<long>(AantalSql, parameters);
        var sql = BedragenSql.Replace("/*sortering*/", Sortering.Lees(query.Sortering).OrderBy!, StringComparison.Ordinal);
        var rijen = verbinding.Query<Rij>(sql, parameters)
            .Select(r => new BedragRegel(r.Begroting, r.Soort, r.Artikel, r.Regelsoort, r.Omschrijving, r.Categorie, r.Jaar, r.Bedrag, r.BronTabel, r.BronRegel))
            .ToList();

        var paginering = Pagineer(http.Request, pagina, grootte, totaal);
        var koppelingen = new List<string>();
        if (paginering.Volgende is not null) koppelingen.Add($"<{paginering.Volgende}>; rel=\"next\"");
        if (paginering.Vorige is not null) koppelingen.Add($"<{paginering.Vorige}>; rel=\"prev\"");
        if (koppelingen.Count > 0) http.Response.Headers.Link = string.Join(", ", koppelingen);

        var metadata = new Metadata
        {
            Stand = catalogus.Begrotingen[0].Stand,
            Valuta = "EUR",
            Factor = 1000,
            Aantal = rijen.Count,
            Paginering = paginering,
        };
        return new LijstResultaat<BedragRegel>(new Lijst<BedragRegel>(rijen, metadata), "bedragen");
    }

    /// <summary>
    /// Links keep every other query parameter (filters, sortering, paginaGrootte, formaat) and change only pagina.
    /// A page past the end is answered empty; its 'vorige' points to the last page that has rows.
    /// </summary>
    internal static Paginering Pagineer(HttpRequest request, int pagina, int grootte, int totaal)
    {
        var aantalPaginas = (totaal + grootte - 1) / grootte;
        var vorige = Math.Min(pagina - 1, aantalPaginas);
        return new Paginering(pagina, grootte, totaal, aantalPaginas,
            Link(request, pagina),
            pagina < aantalPaginas ? Link(request, pagina + 1) : null,
            vorige >= 1 ? Link(request, vorige) : null);
    }

    static string Link(HttpRequest request, int pagina)
    {
        var query = new QueryBuilder();
        foreach (var (sleutel, waarden) in request.Query)
        {
            if (sleutel.Equals("pagina", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var waarde in waarden) query.Add(sleutel, waarde ?? "");
        }
        query.Add("pagina", pagina.ToString(CultureInfo.InvariantCulture));
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }

    sealed class Rij
    {
        public string Begroting { get; set; } = "";
        public string Soort { get; set; } = "";
        public long Artikel { get; set; }
        public string Regelsoort { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public string Categorie { get; set; } = "";
        public long Jaar { get; set; }
        public long? Bedrag { get; set; }
        public string BronTabel { get; set; } = "";
        public long BronRegel { get; set; }
    }
}
