using System.ComponentModel;
using System.Globalization;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using Dapper;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetApi.Features;

/// <summary>An organisation or unit of the registry.</summary>
/// <param name="Code">Code van de organisatie (de afkorting zoals gedrukt, met &amp; als 'en'; anders kebab-case uit de naam), te gebruiken in /organisaties/{code}.</param>
/// <param name="Naam">Naam van de organisatie.</param>
/// <param name="Afkorting">Afkorting precies zoals gedrukt; leeg als de tekst er geen geeft.</param>
/// <param name="Soort">Soort organisatie: ministerie, cluster, directoraat-generaal, directie, afdeling, programma, agentschap, dienst, zbo, rwt, raad, college, inspectie of organisatie.</param>
/// <param name="OnderdeelVan">Code van het cluster, het DG of de organisatie waar deze direct onder valt; leeg als de tekst dat niet zegt.</param>
/// <param name="BronRegel">Regel in het brondocument waar de organisatie genoemd wordt.</param>
public sealed record OrganisatieRegel(string Code, string Naam, string? Afkorting, string Soort, string? OnderdeelVan, long BronRegel);

/// <summary>One staffing or money figure of an organisation.</summary>
/// <param name="Organisatie">Code van de organisatie (herhaald op elke rij).</param>
/// <param name="Meting">Wat het cijfer meet: formatie, bezetting, medewerkers, budget, budgettair-kader, beschikbaar-kader, uitgaven, ontvangsten, opbrengst, bijdrage of instrument.</param>
/// <param name="Omschrijving">Wat het cijfer meet, in de woorden van het document.</param>
/// <param name="Jaar">Het jaar waar het cijfer over gaat; leeg als de tekst geen jaar geeft.</param>
/// <param name="Peildatum">De datum waar het cijfer over gaat; leeg als de tekst geen datum geeft.</param>
/// <param name="Waarde">Het getal precies zoals gedrukt, in de eenheid van de rij (bijvoorbeeld 355.25 fte).</param>
/// <param name="ZoalsGedrukt">Het cijfer zoals gedrukt, met teken en woord.</param>
/// <param name="Eenheid">Eenheid van de waarde: fte, personen, x € 1.000, €, € miljoen of € miljard.</param>
/// <param name="Kwalificatie">Kwalificatie zoals gedrukt (ca., circa, ruim, bijna, ...); leeg als er geen is.</param>
/// <param name="Tabel">Id van de tabel of lijst met een gedrukt geheel waar het cijfer in staat; leeg voor lopende tekst.</param>
/// <param name="DeelVan">Binnen die tabel: de omschrijving van de gedrukte rij waar dit cijfer een deel van is.</param>
/// <param name="KomtOvereenMet">De begrotingsregel met hetzelfde geld (Begroting:soort:artikel[:waarvan]).</param>
/// <param name="Herkomst">Waar de rij vandaan komt: 'organisatiefeiten' (tekst van het document) of 'bezetting' (de tabel Bezetting FTE en budget, ook in /bezetting).</param>
/// <param name="BronSectie">Hoofdstuk en paragraaf in het brondocument.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record OrganisatiefeitRegel(
    string Organisatie, string Meting, string Omschrijving, long? Jaar, DateOnly? Peildatum, decimal Waarde, string ZoalsGedrukt,
    string Eenheid, string? Kwalificatie, string? Tabel, string? DeelVan, string? KomtOvereenMet, string Herkomst, string BronSectie, long BronRegel);

public sealed record OrganisatiesQuery
{
    [Description("Alleen de organisaties die onder dit cluster, DG of deze organisatie vallen, direct of via tussenliggende onderdelen (de organisatie zelf niet). Bijvoorbeeld: DGSenB")]
    public string? OnderdeelVan { get; init; }

    [Description("Alleen de organisaties met minstens één cijfer van deze meting (formatie, bezetting, medewerkers, budget, budgettair-kader, beschikbaar-kader, uitgaven, ontvangsten, opbrengst, bijdrage, instrument). Bijvoorbeeld: formatie")]
    public string? Meting { get; init; }

    [Description("Alleen de organisatie met deze code (hoofdletters maken niet uit). Bijvoorbeeld: DGRR")]
    public string? Code { get; init; }
}

public sealed class OrganisatiesQueryValidator : AbstractValidator<OrganisatiesQuery>
{
    public OrganisatiesQueryValidator(BudgetDb db)
    {
        // The registry's codes, read once on first use: the data does not change while the service runs.
        var codes = new Lazy<IReadOnlyList<string>>(() => OrganisatiesEndpoints.Organisatiecodes(db, alleenMetOnderdelen: false));
        var metOnderdelen = new Lazy<IReadOnlyList<string>>(() => OrganisatiesEndpoints.Organisatiecodes(db, alleenMetOnderdelen: true));
        RuleFor(q => q.OnderdeelVan)
            .Must(c => c is null || codes.Value.Contains(c, StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, c) => $"Onbekende organisatie '{c}' voor onderdeelVan; toegestaan: een code uit /organisaties met onderdelen: {string.Join(", ", metOnderdelen.Value)}.");
        RuleFor(q => q.Code)
            .Must(c => c is null || codes.Value.Contains(c, StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, c) => $"Onbekende organisatie '{c}' voor code; toegestaan: een code uit /organisaties.");
        RuleFor(q => q.Meting).BekendeWaarde("meting", Codes.Metingen);
    }
}

public static class OrganisatiesEndpoints
{
    public static RouteGroupBuilder MapOrganisaties(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/organisaties").WithTags("Organisaties");
        group.MapGet("", GetOrganisaties)
            .WithName("GetOrganisaties")
            .WithSummary("Het register van organisaties en onderdelen")
            .WithDescription("Elke organisatie of elk onderdeel waar het document personeel of geld voor noemt, met soort en waar het onder valt. " +
                             "Filter op onderdeelVan (de hele boom eronder), op meting (alleen organisaties met zo'n cijfer) of op code.")
            .MetValidatie<OrganisatiesQuery>();
        group.MapGet("/{code}", GetOrganisatie)
            .WithName("GetOrganisatie")
            .WithSummary("Alle cijfers van één organisatie")
            .WithDescription("Elk personeels- en geldcijfer van de organisatie, één rij per cijfer, in zijn eigen eenheid en met zijn vindplaats: " +
                             "de cijfers uit de tekst (herkomst 'organisatiefeiten') en die uit de tabel Bezetting FTE en budget (herkomst 'bezetting'). " +
                             "De gegevens uit het register staan in /organisaties?code={code}.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    const string CodesSql = """
        SELECT code FROM organisatie o
        WHERE @alleenMetOnderdelen = 0 OR EXISTS (SELECT 1 FROM organisatie d WHERE d.onderdeel_van = o.code)
        ORDER BY rowid
        """;

    /// <summary>The registry's codes; with parts only, the values that make sense for onderdeelVan.</summary>
    internal static IReadOnlyList<string> Organisatiecodes(BudgetDb db, bool alleenMetOnderdelen)
    {
        using var verbinding = db.Open();
        return verbinding.Query<string>(CodesSql, new { alleenMetOnderdelen }).ToList();
    }

    // onderdeelVan is the whole subtree: a DG's agencies and their own parts, found by walking onderdeel_van upwards.
    // The bezetting table counts for meting: its fte are 'bezetting', its budgets 'budget', as in /organisaties/{code}.
    const string OrganisatiesSql = """
        WITH RECURSIVE onder(code) AS (
            SELECT code FROM organisatie WHERE onderdeel_van = @OnderdeelVan COLLATE NOCASE
            UNION
            SELECT o.code FROM organisatie o JOIN onder ON o.onderdeel_van = onder.code)
        SELECT o.code AS Code, o.naam AS Naam, o.afkorting AS Afkorting, o.soort AS Soort, o.onderdeel_van AS OnderdeelVan, o.bron_regel AS BronRegel
        FROM organisatie o
        WHERE (@OnderdeelVan IS NULL OR o.code IN (SELECT code FROM onder))
          AND (@Code IS NULL OR o.code = @Code COLLATE NOCASE)
          AND (@Meting IS NULL
               OR EXISTS (SELECT 1 FROM organisatiefeit f WHERE f.organisatie = o.code AND f.meting = @Meting)
               OR (@Meting = 'bezetting' AND EXISTS (SELECT 1 FROM bezetting b WHERE b.organisatie = o.code AND b.bezetting_fte IS NOT NULL))
               OR (@Meting = 'budget' AND EXISTS (SELECT 1 FROM bezetting b WHERE b.organisatie = o.code AND b.budget_miljoen IS NOT NULL)))
        ORDER BY o.rowid
        """;

    static LijstResultaat<OrganisatieRegel> GetOrganisaties([AsParameters] OrganisatiesQuery query, BudgetDb db)
    {
        using var verbinding = db.Open();
        var rijen = verbinding.Query<OrganisatieRegel>(OrganisatiesSql,
            new { query.OnderdeelVan, query.Code, Meting = Queryregels.Canoniek(query.Meting, Codes.Metingen) }).ToList();
        return new LijstResultaat<OrganisatieRegel>(new Lijst<OrganisatieRegel>(rijen, new Metadata { Aantal = rijen.Count }), "organisaties");
    }

    const string OrganisatieSql = "SELECT code FROM organisatie WHERE code = @code COLLATE NOCASE";

    const string FeitenSql = """
        SELECT id AS Id, organisatie AS Organisatie, meting AS Meting, omschrijving AS Omschrijving, jaar AS Jaar, peildatum AS Peildatum,
               waarde AS Waarde, zoals_gedrukt AS ZoalsGedrukt, eenheid AS Eenheid, kwalificatie AS Kwalificatie, tabel AS Tabel,
               deel_van AS DeelVan, komt_overeen_met AS KomtOvereenMet, bron_sectie AS BronSectie, bron_regel AS BronRegel
        FROM organisatiefeit WHERE organisatie = @code
        """;

    const string BezettingSql = """
        SELECT bezetting_fte AS BezettingFte, budget_miljoen AS BudgetMiljoen, komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM bezetting WHERE organisatie = @code
        """;

    static Results<LijstResultaat<OrganisatiefeitRegel>, ProblemHttpResult> GetOrganisatie(
        [Description("Code van de organisatie zoals in /organisaties, hoofdletterongevoelig. Bijvoorbeeld: DJI")] [DefaultValue("DJI")] string code,
        BudgetDb db)
    {
        using var verbinding = db.Open();
        var canoniek = verbinding.QuerySingleOrDefault<string>(OrganisatieSql, new { code });
        if (canoniek is null)
        {
            return Problemen.NietGevonden("organisatie", $"Er is geen organisatie met code '{code}'; de codes staan in /organisaties.");
        }
        var feiten = verbinding.Query<Feit>(FeitenSql, new { code = canoniek })
            .Select(f => (f.BronRegel, f.Id, Rij: new OrganisatiefeitRegel(f.Organisatie, f.Meting, f.Omschrijving, f.Jaar,
                f.Peildatum is null ? null : DateOnly.ParseExact(f.Peildatum, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(f.Waarde, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                f.ZoalsGedrukt, f.Eenheid, f.Kwalificatie, f.Tabel, f.DeelVan, f.KomtOvereenMet, "organisatiefeiten", f.BronSectie, f.BronRegel)));
        var uitTabel = verbinding.Query<Bezettingsrij>(BezettingSql, new { code = canoniek })
            .SelectMany(b => Tabelfeiten(canoniek, b))
            .Select(r => (r.BronRegel, Id: 0L, Rij: r));
        // The table's rows stand before the chapters; ordering by line keeps the rows in the document's order.
        var rijen = uitTabel.Concat(feiten).OrderBy(x => x.BronRegel).ThenBy(x => x.Id).Select(x => x.Rij).ToList();
        return new LijstResultaat<OrganisatiefeitRegel>(new Lijst<OrganisatiefeitRegel>(rijen, new Metadata { Aantal = rijen.Count }), $"organisatie-{canoniek}");
    }

    /// <summary>A row of the bezetting table as facts: fte (stand 2025) and budget (€ miljoen, ontwerpbegroting 2026), each in its own unit.</summary>
    static IEnumerable<OrganisatiefeitRegel> Tabelfeiten(string code, Bezettingsrij b)
    {
        const string sectie = "3. De begroting in het kort > " + Bronnen.TabelBezetting;
        if (b.BezettingFte is { } fte)
        {
            yield return new OrganisatiefeitRegel(code, "bezetting", "Bezetting FTE (stand 2025)", 2025, null, fte, Gedrukt(fte), "fte",
                null, "bezetting", null, null, "bezetting", sectie, b.BronRegel);
        }
        if (b.BudgetMiljoen is { } budget)
        {
            yield return new OrganisatiefeitRegel(code, "budget", "Budget (stand ontwerpbegroting 2026)", 2026, null, budget, Gedrukt(budget), "€ miljoen",
                null, "bezetting", null, b.KomtOvereenMet, "bezetting", sectie, b.BronRegel);
        }
    }

    /// <summary>An integer as the source prints it: Dutch thousands separators (66.658).</summary>
    static string Gedrukt(long getal) => getal.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    sealed class Feit
    {
        public long Id { get; set; }
        public string Organisatie { get; set; } = "";
        public string Meting { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public long? Jaar { get; set; }
        public string? Peildatum { get; set; }
        public string Waarde { get; set; } = "";
        public string ZoalsGedrukt { get; set; } = "";
        public string Eenheid { get; set; } = "";
        public string? Kwalificatie { get; set; }
        public string? Tabel { get; set; }
        public string? DeelVan { get; set; }
        public string? KomtOvereenMet { get; set; }
        public string BronSectie { get; set; } = "";
        public long BronRegel { get; set; }
    }

    sealed class Bezettingsrij
    {
        public long? BezettingFte { get; set; }
        public long? BudgetMiljoen { get; set; }
        public string? KomtOvereenMet { get; set; }
        public long BronRegel { get; set; }
    }
}
