using System.ComponentModel;
using BudgetApi.Http;
using Dapper;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén aansluiting: een gedrukt cijfer tegen de som van de gegevens waar het voor staat.</summary>
/// <param name="Id">Vaste sleutel van deze aansluiting (soortAansluiting, wat vergeleken wordt, jaar).</param>
/// <param name="SoortAansluiting">Soort aansluiting: gedrukt-totaal, waarvan, totaalregel, bezettingstabel, uitgavenbegroting-jenv, organisatie-delen of organisatie-begroting (zie docs/aansluitingen.md).</param>
/// <param name="Omschrijving">Wat met wat vergeleken wordt, in woorden, zonder codes: een tabel bij haar gedrukte titel of de stand (ontwerpbegroting 2016), een organisatie bij haar afkorting of naam. De code van de tabel staat in bronTabel, die van de organisatie in organisatie.</param>
/// <param name="Begroting">Begroting van de begrotingsregel(s) in de vergelijking; leeg als alleen organisatiecijfers vergeleken worden.</param>
/// <param name="Hoofdstuk">Hoofdstuk van die begroting.</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de stand van de begrotingsregel(s).</param>
/// <param name="Fase">Fase van die stand.</param>
/// <param name="Soort">uitgaven of ontvangsten van de begrotingsregel(s); leeg als alleen organisatiecijfers vergeleken worden.</param>
/// <param name="Artikel">Het artikel, waar de vergelijking over één artikel of één regel van een artikel gaat.</param>
/// <param name="Organisatie">Code van de organisatie, waar het gedrukte cijfer een organisatiecijfer is.</param>
/// <param name="Jaar">Het jaar waarover de cijfers gaan; leeg als de bron geen jaar noemt.</param>
/// <param name="Peildatum">De datum waarop het gedrukte cijfer betrekking heeft, als de bron die noemt.</param>
/// <param name="Gedrukt">Het cijfer zoals gedrukt, in de eenheid 'eenheid'.</param>
/// <param name="Berekend">Het cijfer zoals berekend uit de delen, exact, in de eenheid 'eenheid'.</param>
/// <param name="Verschil">gedrukt − berekend, exact, in de eenheid 'eenheid'.</param>
/// <param name="Rest">Alleen bij waarvan: het deel van het artikel dat niet in een waarvan-regel is uitgesplitst (artikel − som van de waarvan-regels).</param>
/// <param name="Eenheid">Eenheid van gedrukt, berekend, verschil en juisteWaarde: x € 1.000, € miljoen, € miljard, fte, …</param>
/// <param name="Precisie">De stap waarin het gedrukte cijfer gedrukt is (1 voor gehele getallen, 0.1 voor één decimaal), in de eenheid 'eenheid'.</param>
/// <param name="Oordeel">sluit, sluit-binnen-afronding, sluit-niet (gedrukt totaal of gelijk bedrag) of past, past-niet (waarvan-regels binnen hun artikel).</param>
/// <param name="JuisteWaarde">Waar het niet sluit of past: de waarde die gedrukt had moeten staan (berekend, afgerond op de precisie van het gedrukte cijfer); anders leeg.</param>
/// <param name="Benaderd">Waar: het gedrukte cijfer of een van de delen is als benadering gedrukt (ca., circa, bijna, …).</param>
/// <param name="AantalDelen">Het aantal cijfers dat is opgeteld tot 'berekend'.</param>
/// <param name="BronRegel">Regel in het brondocument van het gedrukte cijfer.</param>
/// <param name="BronTabel">Tabel of lijst van het gedrukte cijfer: de gedrukte titel (A. Uitgaven JenV), de id van een tabel van organisatiecijfers (formatie-psg-cluster, zoals tabel in /organisaties/{code}), of voor de open data het bestand.</param>
/// <param name="BronRegels">Regels in het brondocument van de opgetelde delen, in volgorde (in CSV gescheiden door ';').</param>
/// <param name="BronTabelDelen">Tabel of lijst van de opgetelde delen.</param>
/// <param name="BronBestand">Het bronbestand van het gedrukte cijfer: het introductiedossier, of het standbestand van de open data.</param>
/// <param name="BronBestandenDelen">Het bronbestand van elk opgeteld deel, in de volgorde van bronRegels (in CSV gescheiden door ';'): de delen van een stand uit twee bestanden staan niet altijd in het bestand van het gedrukte cijfer.</param>
public sealed record AansluitingRegel(
    string Id, string SoortAansluiting, string Omschrijving, string? Begroting, string? Hoofdstuk, int? Begrotingsjaar, string? Fase, string? Soort, int? Artikel, string? Organisatie,
    int? Jaar, DateOnly? Peildatum, decimal Gedrukt, decimal Berekend, decimal Verschil, decimal? Rest, string Eenheid, decimal Precisie,
    string Oordeel, decimal? JuisteWaarde, bool Benaderd, int AantalDelen, int BronRegel, string? BronTabel, IReadOnlyList<int> BronRegels, string? BronTabelDelen,
    string BronBestand, IReadOnlyList<string> BronBestandenDelen);

public sealed record AansluitingenQuery : IGepagineerd
{
    [Description("Alleen aansluitingen met begrotingsregels van deze begroting (code of hoofdstuk). Aansluitingen van alleen organisatiecijfers vallen dan weg. Bijvoorbeeld: JenV")]
    public string? Begroting { get; init; }

    [Description("Begrotingsjaar van de standen. Standaard: het laatste begrotingsjaar van de begroting (zonder begroting: het laatste in de data, met de organisatiecijfers van het document). Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Fase van de standen: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Standaard: de laatste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("Alleen aansluitingen met begrotingsregels van deze soort: verplichtingen, uitgaven of ontvangsten. Aansluitingen van alleen organisatiecijfers vallen dan weg. Bijvoorbeeld: ontvangsten")]
    public string? Soort { get; init; }

    [Description("Alleen aansluitingen over dit jaar; aansluitingen zonder jaar vallen dan weg. Bijvoorbeeld: 2026")]
    public int? Jaar { get; init; }

    [Description("Alleen aansluitingen met dit oordeel: sluit, sluit-binnen-afronding, sluit-niet, past, past-niet; of afwijking (sluit-niet en past-niet) of akkoord (de rest). Bijvoorbeeld: afwijking")]
    public string? Status { get; init; }

    [Description("Alleen deze soort aansluiting: gedrukt-totaal, waarvan, totaalregel, bezettingstabel, uitgavenbegroting-jenv, organisatie-delen, organisatie-begroting. Bijvoorbeeld: gedrukt-totaal")]
    public string? Aansluiting { get; init; }

    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in de omschrijving, de begroting (code, hoofdstuk, naam) en de organisatie (code, naam, afkorting).")]
    public string? Q { get; init; }

    [Description(Bladeren.PaginaUitleg)]
    [DefaultValue(1)]
    public int? Pagina { get; init; }

    [Description(Bladeren.PaginaGrootteUitleg)]
    [DefaultValue(Bladeren.StandaardPaginaGrootte)]
    public int? PaginaGrootte { get; init; }
}

public sealed class AansluitingenQueryValidator : AbstractValidator<AansluitingenQuery>
{
    public AansluitingenQueryValidator(Catalogus catalogus, Aansluitingberekening.Lijst aansluitingen)
    {
        RuleFor(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Status).BekendeWaarde("status", Aansluitingberekening.Statussen);
        RuleFor(q => q.Aansluiting).BekendeWaarde("aansluiting", Aansluitingberekening.Soorten);
        RuleFor(q => q.Q).Zoekvraag();
        this.PaginaRegels();
        // The years of this resource are those its reconciliations cover: organisation figures reach back before the budget years.
        RuleFor(q => q).Custom((q, context) =>
        {
            var (keuze, rijen) = AansluitingenEndpoints.Kies(q, aansluitingen, catalogus);
            Standkeuzes.VoegFoutenToe(context, keuze);
            if (!keuze.IsGeldig || q.Jaar is null) return;
            var jaren = rijen.Where(a => a.Jaar is not null).Select(a => a.Jaar!.Value).ToList();
            if (jaren.Count > 0 && (q.Jaar < jaren.Min() || q.Jaar > jaren.Max()))
            {
                context.AddFailure("jaar", $"Het jaar {q.Jaar} voor jaar ligt buiten de data; toegestaan: {jaren.Min()} tot en met {jaren.Max()}.");
            }
        });
    }
}

public static class AansluitingenEndpoints
{
    public static RouteGroupBuilder MapAansluitingen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/aansluitingen").WithTags("Aansluitingen");
        group.MapGet("", GetAansluitingen)
            .WithName("GetAansluitingen")
            .WithSummary("Sluiten de gedrukte totalen aan op hun delen?")
            .WithDescription(
                "Elke aansluiting die de gegevens toelaten, één platte regel per vergelijking: de gedrukte totalen van de begrotingstabellen " +
                "tegen de som van de artikelen, de waarvan-regels tegen hun artikel, de budgetten van de tabel Bezetting FTE en de lijst " +
                "Uitgavenbegroting JenV tegen de begrotingsregels, en de organisatiecijfers tegen hun gedrukte geheel en tegen de begrotingsregel " +
                "waarmee ze overeenkomen. Elk met gedrukt, berekend, verschil, oordeel, de juiste waarde waar het niet sluit, en de vindplaats van beide kanten. " +
                "Filter met ?status=afwijking op wat niet sluit, zoek met q. Blader met pagina en paginaGrootte (links in metadata.paginering en in de Link-header); " +
                "de volgorde is vast: per stand, dan zoals de bron de cijfers drukt.")
            .MetValidatie<AansluitingenQuery>();
        return group;
    }

    /// <summary>
    /// The standen the query means and their reconciliations; the document's own figures (organisations, bezetting, the list
    /// Uitgavenbegroting JenV) belong to the document's standen, so they come along when one of those is chosen.
    /// </summary>
    internal static (Standkeuze Keuze, IReadOnlyList<AansluitingRegel> Rijen) Kies(AansluitingenQuery query, Aansluitingberekening.Lijst aansluitingen, Catalogus catalogus)
    {
        var keuze = Standkeuzes.Meer(catalogus, Queryregels.Begrotingen(query.Begroting is null ? null : [query.Begroting], catalogus), query.Begrotingsjaar, query.Fase);
        if (!keuze.IsGeldig) return (keuze, []);
        var metDocument = keuze.Standen.Any(s => s.Bronnen.Any(b => b.Formaat == Laden.Documentlezer.Formaat));
        return (keuze, aansluitingen.Voor(keuze.Standen, metDocument));
    }

    static LijstResultaat<AansluitingRegel> GetAansluitingen([AsParameters] AansluitingenQuery query, Aansluitingberekening.Lijst aansluitingen, Catalogus catalogus,
        BudgetDb db, HttpContext http)
    {
        var (keuze, gekozen) = Gekozen(query, aansluitingen, catalogus, db);
        var (rijen, paginering) = Bladeren.Pagina(gekozen, query, http);
        return new LijstResultaat<AansluitingRegel>(new Lijst<AansluitingRegel>(rijen, Metadata(keuze, rijen.Count) with { Paginering = paginering }), "aansluitingen");
    }

    /// <summary>The metadata of a choice of reconciliations: their standen, the rule of rounding; units per row, so no valuta or factor.</summary>
    internal static Metadata Metadata(Standkeuze keuze, int aantal) =>
        StandVerwijzing.Metadata(keuze.Standen, aantal, Aansluitingberekening.Afronding) with { Valuta = null, Factor = null };

    /// <summary>Every reconciliation the filters choose, in the list's fixed order, before paging: the list and its table (/aansluitingen/tabel) alike.</summary>
    internal static (Standkeuze Keuze, List<AansluitingRegel> Rijen) Gekozen(AansluitingenQuery query, Aansluitingberekening.Lijst aansluitingen, Catalogus catalogus, BudgetDb db)
    {
        var zoek = Domein.Zoekterm.Lees(query.Q);
        var namen = zoek is null ? null : Organisatienamen(db);
        var begroting = catalogus.ZoekBegroting(query.Begroting)?.Code;
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten);
        var status = Queryregels.Canoniek(query.Status, Aansluitingberekening.Statussen);
        var aansluiting = Queryregels.Canoniek(query.Aansluiting, Aansluitingberekening.Soorten);
        var (keuze, alle) = Kies(query, aansluitingen, catalogus);
        var gekozen = alle
            .Where(a => begroting is null || a.Begroting == begroting)
            .Where(a => soort is null || a.Soort == soort)
            .Where(a => query.Jaar is null || a.Jaar == query.Jaar)
            .Where(a => aansluiting is null || a.SoortAansluiting == aansluiting)
            .Where(a => status is null || Aansluitingberekening.HeeftStatus(a.Oordeel, status))
            .Where(a => zoek is null || zoek.Past([a.Omschrijving, a.Begroting, a.Hoofdstuk, catalogus.ZoekBegroting(a.Hoofdstuk)?.Naam, a.Organisatie,
                .. a.Organisatie is not null && namen!.TryGetValue(a.Organisatie, out var naam) ? naam : []]))
            .ToList();
        return (keuze, gekozen);
    }

    const string OrganisatienamenSql = "SELECT code AS Code, naam AS Naam, afkorting AS Afkorting FROM organisatie";

    /// <summary>The registry's name and abbreviation per code, for q: an organisation is found by what it is called, not only by its code.</summary>
    static Dictionary<string, string?[]> Organisatienamen(BudgetDb db)
    {
        using var verbinding = db.Open();
        return verbinding.Query<(string Code, string Naam, string? Afkorting)>(OrganisatienamenSql).ToDictionary(o => o.Code, o => new[] { o.Naam, o.Afkorting }, StringComparer.Ordinal);
    }
}
