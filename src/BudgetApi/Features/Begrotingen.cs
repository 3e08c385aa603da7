using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using System.ComponentModel;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Een begroting (een hoofdstuk van de Rijksbegroting) en de stand die een vraag erover bedoelt als die er geen noemt.</summary>
/// <param name="Code">Code van de begroting, te gebruiken in de andere resources (JenV, AenM, IXB …); het hoofdstuk (VI) mag ook.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting: VI, XX, IXB; fondsen hebben een letter (A, B, …).</param>
/// <param name="Naam">Naam van de begroting (de huidige; een stand kan de naam van zijn jaar dragen, zie /standen).</param>
/// <param name="Stand">De standaardstand: het laatste begrotingsjaar en daarin de laatste fase, bijvoorbeeld "ontwerpbegroting 2026".</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de standaardstand.</param>
/// <param name="Fase">Fase van de standaardstand: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet.</param>
/// <param name="Eenheid">Eenheid van de bedragen zoals gedrukt.</param>
/// <param name="Valuta">Valuta van de bedragen.</param>
/// <param name="Factor">Vermenigvuldig een bedrag hiermee voor euro's.</param>
/// <param name="VanJaar">Eerste jaar met cijfers in de standaardstand.</param>
/// <param name="TotJaar">Laatste jaar met cijfers in de standaardstand.</param>
/// <param name="AantalStanden">Aantal standen van deze begroting in de data (zie /standen?begroting=…).</param>
/// <param name="BronRegel">Regel in het brondocument waar de tabel van de standaardstand begint; leeg voor open data (zie /standen).</param>
public sealed record BegrotingRegel(
    string Code, string Hoofdstuk, string Naam, string Stand, int Begrotingsjaar, string Fase, string Eenheid, string Valuta, int Factor,
    int? VanJaar, int? TotJaar, int AantalStanden, int? BronRegel);

public sealed record BegrotingenQuery
{
    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in code, hoofdstuk, naam en de namen zoals gepubliceerd (Veiligheid en Justitie vindt JenV).")]
    public string? Q { get; init; }
}

public sealed class BegrotingenQueryValidator : AbstractValidator<BegrotingenQuery>
{
    public BegrotingenQueryValidator() => RuleFor(q => q.Q).Zoekvraag();
}

public static class BegrotingenEndpoints
{
    public static RouteGroupBuilder MapBegrotingen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/begrotingen").WithTags("Begrotingen");
        group.MapGet("", GetBegrotingen)
            .WithName("GetBegrotingen")
            .WithSummary("De begrotingen met standen in de data")
            .WithDescription("Elke begroting (hoofdstuk van de Rijksbegroting) waarvan de data standen heeft, met zijn code en hoofdstuk, " +
                             "en de stand die een vraag zonder begrotingsjaar en fase bedoelt: het laatste begrotingsjaar en daarin de laatste fase. " +
                             "Gebruik de code of het hoofdstuk in de andere resources; alle standen staan in /standen. Zoek met q.")
            .MetValidatie<BegrotingenQuery>();
        return group;
    }

    static LijstResultaat<BegrotingRegel> GetBegrotingen([AsParameters] BegrotingenQuery query, Catalogus catalogus)
    {
        var zoek = Zoekterm.Lees(query.Q);
        var rijen = Rijen(catalogus).Where(r => zoek is null || zoek.Past([r.Code, r.Hoofdstuk, r.Naam, .. Gepubliceerd(catalogus, r.Hoofdstuk)])).ToList();
        var bron = StandVerwijzing.Bronnaam(catalogus.Standen);
        return new LijstResultaat<BegrotingRegel>(new Lijst<BegrotingRegel>(rijen, new Metadata { Bron = bron, Aantal = rijen.Count }), "begrotingen");
    }

    /// <summary>The names a begroting's standen were published under (Veiligheid en Justitie for VI 2013–2017).</summary>
    internal static IEnumerable<string> Gepubliceerd(Catalogus catalogus, string hoofdstuk) =>
        catalogus.Standen.Where(s => s.Begroting.Hoofdstuk == hoofdstuk && s.NaamZoalsGepubliceerd is not null).Select(s => s.NaamZoalsGepubliceerd!).Distinct();

    /// <summary>Every begroting with standen and its default stand: /begrotingen and the OData feed's Begrotingen.</summary>
    internal static List<BegrotingRegel> Rijen(Catalogus catalogus) => catalogus.BegrotingenMetStanden
        .Select(b => (Begroting: b, Stand: catalogus.Standaardstand(b)!))
        .Select(x => new BegrotingRegel(x.Begroting.Code, x.Begroting.Hoofdstuk, x.Begroting.Naam, x.Stand.Label, x.Stand.Begrotingsjaar, x.Stand.Fase,
            Begrotingscodes.EenheidBegroting, "EUR", 1000, x.Stand.VanJaar, x.Stand.TotJaar, catalogus.StandenVan(x.Begroting).Count(), x.Stand.Titelregel))
        .ToList();
}
