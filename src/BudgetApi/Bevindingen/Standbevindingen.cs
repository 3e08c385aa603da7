using System.Text.Json;
using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Bevindingen;

/// <summary>
/// The findings in the standen beyond the document's own figures: what the readers found doubtful in the open-data files and
/// what merging the sources found (stored at load, with their lines), the printed totals of those standen that do not add up
/// (from /aansluitingen), and the rules of the budget cycle.
/// </summary>
public sealed class Standbevindingen(BudgetDb db, Catalogus catalogus, Aansluitingberekening.Lijst aansluitingen) : IBevindingbron
{
    private static readonly JsonSerializerOptions JsonOpties = new(JsonSerializerDefaults.Web);

    public IEnumerable<Bevinding> Vind() => [.. Gelezen(), .. TotalenDieNietSluiten(), .. Cyclusregels.Vind(db, catalogus)];

    private IEnumerable<Bevinding> Gelezen()
    {
        using var verbinding = db.Open();
        return verbinding.Query<string>("SELECT inhoud FROM bevinding ORDER BY rowid")
            .Select(json => JsonSerializer.Deserialize<Bevinding>(json, JsonOpties)!).ToList();
    }

    /// <summary>
    /// Kind 1 for the standen the document does not give: every total row or printed total that does not add up, with the value its
    /// parts give. The document's own are <see cref="Documentbevindingen"/>'s, with the figures' sections.
    /// </summary>
    private IEnumerable<Bevinding> TotalenDieNietSluiten()
    {
        foreach (var stand in catalogus.Standen.Where(s => s.Bronnen.All(b => b.Formaat != Laden.Documentlezer.Formaat)))
        {
            foreach (var a in aansluitingen.VanStand(stand).Where(a => Aansluitingberekening.HeeftStatus(a.Oordeel, Aansluitingberekening.Afwijking)))
            {
                yield return new Bevinding
                {
                    Id = $"{Bevindingsoorten.TotaalSluitNiet}/{a.Id}",
                    Soort = Bevindingsoorten.TotaalSluitNiet,
                    Ernst = Bevindingsoorten.Fout,
                    Uitleg = $"{a.Omschrijving} ({a.Jaar}): gedrukt {Cijfers.Getal(a.Gedrukt, a.Eenheid)}, de delen tellen op tot {Cijfers.Getal(a.Berekend, a.Eenheid)} " +
                             $"(verschil {Cijfers.Getal(a.Verschil, a.Eenheid)}). Het gedrukte totaal blijft zoals gedrukt; de totalen van de API tellen de delen.",
                    Hoofdstuk = a.Hoofdstuk,
                    Begrotingsjaar = a.Begrotingsjaar,
                    Fase = a.Fase,
                    Cijfers =
                    [
                        new Bevindingcijfer
                        {
                            Waarde = a.Gedrukt, ZoalsGedrukt = Cijfers.Getal(a.Gedrukt), Eenheid = a.Eenheid, Jaar = a.Jaar,
                            Omschrijving = a.Omschrijving, BronSectie = a.BronTabel, BronBestand = a.BronBestand, BronRegel = a.BronRegel,
                        },
                    ],
                    JuisteWaarde = a.JuisteWaarde,
                    Berekening = $"som van {a.AantalDelen} delen (regels {string.Join(",", a.BronRegels)}) = {Cijfers.Getal(a.Berekend)} ({Cijfers.InEenheid(a.Eenheid)})",
                    Eenheid = a.Eenheid,
                };
            }
        }
    }
}
