using BudgetApi.Http;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Features;

/// <summary>Een gedrukte rij van de tabel 'Bezetting FTE (stand 2025) en budget (stand ontwerpbegroting 2026)'.</summary>
/// <param name="OrganisatieZoalsGedrukt">De organisatie zoals de tabel haar noemt.</param>
/// <param name="Organisatie">Code van de organisatie (zie /organisaties); leeg voor 'Overig'.</param>
/// <param name="BezettingFte">Bezetting in fte, stand 2025.</param>
/// <param name="BudgetMiljoen">Budget in € miljoen, stand ontwerpbegroting 2026; leeg voor 'Overig', waar de tabel geen budget geeft.</param>
/// <param name="AandeelBezettingProcent">Aandeel in de som van de kolom bezetting (alle rijen), in procent; de aandelen tellen op tot 100,00.</param>
/// <param name="AandeelBudgetProcent">Aandeel in de som van de kolom budget (rijen met een budget), in procent; de aandelen tellen op tot 100,00. Leeg zonder budget.</param>
/// <param name="BudgetPerFteEuro">Budget per fte in hele euro's: budgetMiljoen × 1.000.000 / bezettingFte, exact berekend en eenmaal afgerond. Leeg zonder budget.</param>
/// <param name="KomtOvereenMet">De begrotingsregel waarvan het budget het afgeronde bedrag is (Begroting:soort:artikel[:waarvan]); leeg waar geen regel past.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record BezettingRegel(
    string OrganisatieZoalsGedrukt, string? Organisatie, long? BezettingFte, long? BudgetMiljoen, decimal? AandeelBezettingProcent,
    decimal? AandeelBudgetProcent, long? BudgetPerFteEuro, string? KomtOvereenMet, int BronRegel);

public static class BezettingEndpoints
{
    public const string Afronding =
        Rekenen.AfrondingAandelen + " Budget per fte exact berekend als budgetMiljoen × 1.000.000 / bezettingFte en eenmaal afgerond op hele euro's (half van nul af).";

    public static RouteGroupBuilder MapBezetting(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/bezetting").WithTags("Bezetting");
        group.MapGet("", GetBezetting)
            .WithName("GetBezetting")
            .WithSummary("Bezetting (fte, stand 2025) en budget (€ miljoen, ontwerpbegroting 2026) per organisatie")
            .WithDescription("De gedrukte rijen van de tabel 'Bezetting FTE (stand 2025) en budget (stand ontwerpbegroting 2026)', zonder totaalrij, " +
                             "met per rij het aandeel in de kolomsommen en het budget per fte in euro's. 'Overig' heeft alleen een bezetting.");
        return group;
    }

    const string BezettingSql = """
        SELECT organisatie_zoals_gedrukt AS OrganisatieZoalsGedrukt, organisatie AS Organisatie, bezetting_fte AS BezettingFte,
               budget_miljoen AS BudgetMiljoen, komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM bezetting ORDER BY volgorde
        """;

    internal static LijstResultaat<BezettingRegel> GetBezetting(BudgetDb db)
    {
        using var verbinding = db.Open();
        var rijen = verbinding.Query<Rij>(BezettingSql).ToList();
        var aandeelFte = Rekenen.AandelenTot100(rijen.Select(r => r.BezettingFte).ToList());
        var aandeelBudget = Rekenen.AandelenTot100(rijen.Select(r => r.BudgetMiljoen).ToList());
        var regels = rijen.Select((r, i) => new BezettingRegel(
                r.OrganisatieZoalsGedrukt, r.Organisatie, r.BezettingFte, r.BudgetMiljoen, aandeelFte[i], aandeelBudget[i],
                BudgetPerFte(r.BudgetMiljoen, r.BezettingFte), r.KomtOvereenMet, (int)r.BronRegel))
            .ToList();
        var metadata = new Metadata
        {
            Stand = "bezetting stand 2025; budget stand ontwerpbegroting 2026",
            Valuta = "EUR",
            Afronding = Afronding,
            Aantal = regels.Count,
        };
        return new LijstResultaat<BezettingRegel>(new Lijst<BezettingRegel>(regels, metadata), "bezetting");
    }

    /// <summary>Euros per fte, from whole millions and whole fte: exact in decimal, rounded once to whole euros.</summary>
    internal static long? BudgetPerFte(long? budgetMiljoen, long? fte) =>
        budgetMiljoen is null || fte is null or 0
            ? null
            : (long)Math.Round(budgetMiljoen.Value * 1_000_000m / fte.Value, 0, MidpointRounding.AwayFromZero);

    sealed class Rij
    {
        public string OrganisatieZoalsGedrukt { get; set; } = "";
        public string? Organisatie { get; set; }
        public long? BezettingFte { get; set; }
        public long? BudgetMiljoen { get; set; }
        public string? KomtOvereenMet { get; set; }
        public long BronRegel { get; set; }
    }
}
