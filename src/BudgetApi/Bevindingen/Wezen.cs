using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 6, wees: a printed figure that says it belongs to something, but matches nothing it could belong to. The budgets of the
/// table "Bezetting FTE en budget" are budget lines of the first budget year rounded to € 1 miljoen (data/README.md, decision 4):
/// a budget there that is no line of either begroting, rounded, belongs to nothing the document prints.
/// </summary>
public static class Wezen
{
    private const int Naasten = 3;

    public static IEnumerable<Bevinding> Vind(Documentgegevens g)
    {
        var kandidaten = g.Regels.Where(r => r.Jaar == g.Begrotingsjaar && r.Soort == "uitgaven" && r.Bedrag is not null).ToList();
        foreach (var rij in g.Bezettingstabel.Where(r => r.BudgetMiljoen is not null && r.KomtOvereenMet is null))
        {
            var budget = rij.BudgetMiljoen!.Value;
            if (kandidaten.Any(r => Afgerond(r.Bedrag!.Value) == budget)) continue;
            var naasten = kandidaten.OrderBy(r => Math.Abs(r.Bedrag!.Value - budget * 1000)).ThenBy(r => r.BronRegel).Take(Naasten).ToList();
            var figuur = g.Cijfers.FirstOrDefault(c => c.Tabel == Organisatiecijfers.HerkomstBezettingstabel && c.BronRegel == rij.BronRegel && c.Meting == "budget");
            var cijfer = figuur is not null ? Cijfers.Van(figuur) : new Bevindingcijfer
            {
                Waarde = budget, ZoalsGedrukt = Cijfers.Getal(budget), Eenheid = "€ miljoen", Jaar = g.Begrotingsjaar, Organisatie = rij.Organisatie,
                Omschrijving = rij.ZoalsGedrukt, BronSectie = Organisatiecijfers.SectieBezettingstabel, BronBestand = Bronnen.DocumentBestand, BronRegel = (int)rij.BronRegel,
            };
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.Wees}/bezettingstabel/{Cijfers.Sleutel(rij.Organisatie ?? rij.ZoalsGedrukt)}",
                Soort = Bevindingsoorten.Wees,
                Ernst = Bevindingsoorten.Twijfel,
                Uitleg = $"'{rij.ZoalsGedrukt}' heeft in de tabel {Bronnen.TabelBezetting} een budget van {Cijfers.Getal(budget, "€ miljoen")} (regel {rij.BronRegel}). " +
                         "Elk ander budget in die tabel is een begrotingsregel van " + g.Begrotingsjaar + " afgerond op € 1 miljoen, maar dit budget is geen enkele " +
                         $"regel van JenV of AenM, afgerond. Het dichtst bij: {string.Join("; ", naasten.Select(n => $"{Cijfers.Regelnaam(n)} {Cijfers.Getal(n.Bedrag!.Value, Codes.EenheidBegroting)} (afgerond {Cijfers.Getal(Afgerond(n.Bedrag!.Value))})"))}. " +
                         "Het cijfer kan een optelling of een andere stand zijn; het document zegt het niet. De service serveert het zoals gedrukt, zonder koppeling.",
                Organisatie = rij.Organisatie,
                Cijfers = [cijfer, .. naasten.Select(Cijfers.Van)],
            };
        }
    }

    /// <summary>x € 1.000 rounded to whole € miljoen, half away from zero, as the table rounds.</summary>
    private static long Afgerond(long duizenden) => (long)Math.Round(duizenden / 1000m, MidpointRounding.AwayFromZero);
}
