using System.ComponentModel;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using Dapper;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetApi.Features;

/// <summary>Een organisatie of onderdeel uit het register.</summary>
/// <param name="Code">Code van de organisatie (de afkorting zoals gedrukt, met &amp; als 'en'; anders kebab-case uit de naam), te gebruiken in /organisaties/{code}.</param>
/// <param name="Naam">Naam van de organisatie.</param>
/// <param name="Afkorting">Afkorting precies zoals gedrukt; leeg als de tekst er geen geeft.</param>
/// <param name="Soort">Soort organisatie: ministerie, cluster, directoraat-generaal, directie, afdeling, programma, agentschap, dienst, zbo, rwt, raad, college, inspectie of organisatie.</param>
/// <param name="OnderdeelVan">Code van het cluster, het DG of de organisatie waar deze direct onder valt; leeg als de tekst dat niet zegt.</param>
/// <param name="BronRegel">Regel in het brondocument waar de organisatie genoemd wordt.</param>
public sealed record OrganisatieRegel(string Code, string Naam, string? Afkorting, string Soort, string? OnderdeelVan, int BronRegel);

public sealed record OrganisatiesQuery
{
    [Description("Alleen de organisaties die onder dit cluster, DG of deze organisatie vallen, direct of via tussenliggende onderdelen (de organisatie zelf niet). Bijvoorbeeld: DGSenB")]
    public string? OnderdeelVan { get; init; }

    [Description("Alleen de organisaties met minstens één cijfer van deze meting (formatie, bezetting, personeelsuitstroom, medewerkers, budget, budgettair-kader, beschikbaar-kader, uitgaven, ontvangsten, opbrengst, bijdrage, instrument, mutatie, aandeel, bezettingsgraad, groei, doelgroep, instroom, capaciteit, capaciteitsbehoefte, productie, locaties, onderdelen, organisaties). Bijvoorbeeld: formatie")]
    public string? Meting { get; init; }

    [Description("Alleen de organisatie met deze code (hoofdletters maken niet uit). Bijvoorbeeld: DGRR")]
    public string? Code { get; init; }

    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in code, naam en afkorting (DJI, Halt).")]
    public string? Q { get; init; }
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
        RuleFor(q => q.Q).Zoekvraag();
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
                             "Filter op onderdeelVan (de hele boom eronder), op meting (alleen organisaties met zo'n cijfer), op code, of zoek met q.")
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
        // SQLite's integers are 64-bit; a line number is an int in the contract, as everywhere.
        var rijen = verbinding.Query<(string Code, string Naam, string? Afkorting, string Soort, string? OnderdeelVan, long BronRegel)>(OrganisatiesSql,
                new { query.OnderdeelVan, query.Code, Meting = Queryregels.Canoniek(query.Meting, Codes.Metingen) })
            .Select(r => new OrganisatieRegel(r.Code, r.Naam, r.Afkorting, r.Soort, r.OnderdeelVan, (int)r.BronRegel))
            .Where(r => Domein.Zoekterm.Lees(query.Q) is not { } zoek || zoek.Past(r.Code, r.Naam, r.Afkorting)).ToList();
        return new LijstResultaat<OrganisatieRegel>(new Lijst<OrganisatieRegel>(rijen, new Metadata { Aantal = rijen.Count }), "organisaties");
    }

    const string OrganisatieSql = "SELECT code FROM organisatie WHERE code = @code COLLATE NOCASE";

    static Results<LijstResultaat<OrganisatiefeitRegel>, ProblemHttpResult> GetOrganisatie(
        [Description("Code van de organisatie zoals in /organisaties, hoofdletterongevoelig. Bijvoorbeeld: DJI")] string code,
        BudgetDb db)
    {
        using var verbinding = db.Open();
        var canoniek = verbinding.QuerySingleOrDefault<string>(OrganisatieSql, new { code });
        if (canoniek is null)
        {
            return Problemen.NietGevonden("organisatie", $"Er is geen organisatie met code '{code}'; de codes staan in /organisaties.");
        }
        var rijen = db.LeesOrganisatiecijfers(canoniek);
        return new LijstResultaat<OrganisatiefeitRegel>(new Lijst<OrganisatiefeitRegel>(rijen, new Metadata { Aantal = rijen.Count }), $"organisatie-{canoniek}");
    }
}
