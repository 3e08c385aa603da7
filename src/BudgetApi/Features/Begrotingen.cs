using BudgetApi.Http;
using BudgetApi.Opslag;

namespace BudgetApi.Features;

/// <summary>A budget loaded into the service.</summary>
/// <param name="Code">Code van de begroting, te gebruiken in de andere resources (JenV, AenM).</param>
/// <param name="Naam">Naam van de begroting.</param>
/// <param name="Stand">Versie van de begroting waar de cijfers uit komen.</param>
/// <param name="Eenheid">Eenheid van de bedragen zoals gedrukt.</param>
/// <param name="Valuta">Valuta van de bedragen.</param>
/// <param name="Factor">Vermenigvuldig een bedrag hiermee voor euro's.</param>
/// <param name="VanJaar">Eerste jaar met cijfers.</param>
/// <param name="TotJaar">Laatste jaar met cijfers.</param>
/// <param name="BronRegel">Regel in het brondocument waar de tabel begint.</param>
public sealed record BegrotingRegel(string Code, string Naam, string Stand, string Eenheid, string Valuta, int Factor, int VanJaar, int TotJaar, int BronRegel);

public static class BegrotingenEndpoints
{
    public static RouteGroupBuilder MapBegrotingen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/begrotingen").WithTags("Begrotingen");
        group.MapGet("", GetBegrotingen)
            .WithName("GetBegrotingen")
            .WithSummary("De geladen begrotingen")
            .WithDescription("De begrotingen JenV en AenM met hun stand, eenheid en jaren. Gebruik de code in de andere resources.");
        return group;
    }

    static LijstResultaat<BegrotingRegel> GetBegrotingen(Catalogus catalogus)
    {
        var rijen = catalogus.Begrotingen
            .Select(b => new BegrotingRegel(b.Code, b.Naam, b.Stand, b.Eenheid, "EUR", 1000, b.VanJaar, b.TotJaar, b.BronRegel))
            .ToList();
        return new LijstResultaat<BegrotingRegel>(new Lijst<BegrotingRegel>(rijen, new Metadata { Aantal = rijen.Count }), "begrotingen");
    }
}
