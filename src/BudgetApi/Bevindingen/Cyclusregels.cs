using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// The rules of the budget cycle ("4. Begrotingsprocedure"), as findings: the figures are what was published, so a breach is
/// reported, never refused.
/// </summary>
public static class Cyclusregels
{
    public static IEnumerable<Bevinding> Vind(BudgetDb db, Catalogus catalogus) => NajaarsnotaMeerjarig(db, catalogus);

    /// <summary>
    /// "Bij Najaarsnota (tweede suppletoire begrotingswet) … kunnen hierbij geen meerjarige mutaties worden opgenomen; slechts
    /// mutaties voor het uitvoeringsjaar." A 2e suppletoire that changes a year after its begrotingsjaar against the stand before it
    /// (the 1e suppletoire, else the vastgestelde begroting, else the ontwerpbegroting) breaks that rule: one finding per artikel,
    /// with every later year it changes.
    /// </summary>
    public static IEnumerable<Bevinding> NajaarsnotaMeerjarig(BudgetDb db, Catalogus catalogus)
    {
        foreach (var najaar in catalogus.Standen.Where(s => s.Fase == Begrotingscodes.TweedeSuppletoire))
        {
            var vorige = catalogus.StandenVan(najaar.Begroting)
                .Where(s => s.Begrotingsjaar == najaar.Begrotingsjaar && Begrotingscodes.Volgorde(s.Fase) < Begrotingscodes.Volgorde(Begrotingscodes.TweedeSuppletoire))
                .OrderByDescending(s => Begrotingscodes.Volgorde(s.Fase)).FirstOrDefault();
            if (vorige is null || najaar.TotJaar is null || vorige.TotJaar is null) continue;
            var later = (Van: najaar.Begrotingsjaar + 1, Tot: Math.Min(najaar.TotJaar.Value, vorige.TotJaar.Value));
            if (later.Van > later.Tot) continue;
            foreach (var soort in Begrotingscodes.Soorten)
            {
                var mutaties = MutatiesEndpoints.Vergelijk(db, vorige, najaar, soort, alleenArtikelen: true, later, alleenJaar: null)
                    .Where(m => m.Regelsoort == Begrotingscodes.NiveauArtikel && m.Mutatie is not (null or 0)).ToList();
                foreach (var artikel in mutaties.GroupBy(m => m.Artikel))
                {
                    var eerste = artikel.First();
                    var jaren = string.Join(", ", artikel.Select(m => $"{m.Jaar} {Cijfers.Getal(m.Mutatie!.Value)}"));
                    yield return new Bevinding
                    {
                        Id = $"{Bevindingsoorten.NajaarsnotaMeerjarig}/{najaar.Sleutel.Id}/{soort}/{artikel.Key}",
                        Soort = Bevindingsoorten.NajaarsnotaMeerjarig,
                        Ernst = Bevindingsoorten.Twijfel,
                        Uitleg = $"De 2e suppletoire begroting {najaar.Begrotingsjaar} van {najaar.Begroting.Code} wijzigt artikel {artikel.Key} {eerste.Omschrijving} ({soort}) " +
                                 $"in jaren na het uitvoeringsjaar, tegen de {vorige.Label}: {jaren}. Bij de Najaarsnota horen alleen mutaties voor het uitvoeringsjaar " +
                                 "(4. Begrotingsprocedure); een meerjarige mutatie hoort in de Voorjaarsnota of de volgende begroting.",
                        Hoofdstuk = najaar.Begroting.Hoofdstuk,
                        Begrotingsjaar = najaar.Begrotingsjaar,
                        Fase = najaar.Fase,
                        Cijfers = artikel.SelectMany(m => new[]
                        {
                            Cijfer(m, vorige, m.BedragVan, m.BronRegelVan),
                            Cijfer(m, najaar, m.BedragNaar, m.BronRegelNaar),
                        }).ToList(),
                        Berekening = string.Join("; ", artikel.Select(m => $"{m.Jaar}: {Cijfers.Getal(m.BedragNaar ?? 0)} − {Cijfers.Getal(m.BedragVan ?? 0)} = {Cijfers.Getal(m.Mutatie!.Value)}")),
                        Eenheid = Begrotingscodes.EenheidBegroting,
                    };
                }
            }
        }
    }

    private static Bevindingcijfer Cijfer(MutatieRegel m, Stand stand, long? bedrag, int? regel) => new()
    {
        Waarde = bedrag,
        Eenheid = Begrotingscodes.EenheidBegroting,
        Jaar = m.Jaar,
        Omschrijving = $"{stand.Begroting.Hoofdstuk} {m.Soort} artikel {m.Artikel} {m.Omschrijving} ({stand.Label})",
        BronSectie = stand.Label,
        BronBestand = string.Join("; ", stand.Bronnen.Select(b => b.Naam)),
        BronRegel = regel ?? 0,
    };
}
