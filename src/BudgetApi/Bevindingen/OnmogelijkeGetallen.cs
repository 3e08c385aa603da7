using BudgetApi.Domein;
using BudgetApi.Laden;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 3, onmogelijk-getal: a printed figure whose notation is impossible in Dutch number formatting (<see cref="GedruktGetal"/>):
/// "10.8000", "2.4". Every reading is listed; where the organisation's fte decide between them, the arithmetic is given.
/// The value served is the reading data/README.md decides for; the printed form stays in zoalsGedrukt.
/// </summary>
public static class OnmogelijkeGetallen
{
    public static IEnumerable<Bevinding> Vind(Documentgegevens g)
    {
        var vergelijkingen = PersonenPerFte.Vergelijkingen(g).ToList();
        foreach (var f in g.Cijfers)
        {
            if (GedruktGetal.Eerste(f.ZoalsGedrukt) is not { IsGeldig: false } gedrukt) continue;
            var factor = GedruktGetal.Factor(f.ZoalsGedrukt, Codes.IsTelEenheid(f.Eenheid));
            var lezingen = gedrukt.Lezingen.Select(l => (Waarde: l.Waarde * factor, l.Toelichting)).ToList();
            var cijfers = new List<Bevindingcijfer> { Cijfers.Van(f) };
            var rekensommen = new List<string>();
            foreach (var v in vergelijkingen.Where(v => v.Personen.Contains(f)))
            {
                var anderen = v.Personen.Where(p => p != f).ToList();
                cijfers.AddRange(anderen.Select(Cijfers.Van));
                cijfers.Add(Cijfers.Van(v.Fte));
                foreach (var (waarde, _) in lezingen)
                {
                    var personen = anderen.Select(a => a.Waarde).Append(waarde).ToList();
                    var past = PersonenPerFte.Past(personen.Sum(), v.Fte.Waarde);
                    rekensommen.Add($"gelezen als {Cijfers.Getal(waarde)}: {PersonenPerFte.Som(personen, v.Fte.Waarde)} ({(past ? "kan" : "kan niet")})");
                }
            }
            var lijst = string.Join("; ", lezingen.Select(l => $"{Cijfers.Getal(l.Waarde)} ({l.Toelichting})"));
            var rekensom = rekensommen.Count == 0
                ? "Geen ander cijfer in het document rekent tussen de lezingen."
                : $"De bezetting van {f.Organisatie} beslist: een hele organisatie heeft minstens zoveel mensen als fte en hooguit twee keer zoveel. " +
                  string.Join("; ", rekensommen) + ".";
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.OnmogelijkGetal}/{f.Organisatie}/{f.BronRegel}/{gedrukt.Tekst}",
                Soort = Bevindingsoorten.OnmogelijkGetal,
                Ernst = Bevindingsoorten.Fout,
                Uitleg = $"'{gedrukt.Tekst}' ({f.Organisatie}, '{f.Omschrijving}', regel {f.BronRegel}) kan geen Nederlands getal zijn: " +
                         "een punt scheidt duizendtallen en wordt altijd door precies drie cijfers gevolgd, een decimaal staat achter een komma. " +
                         $"Mogelijke lezingen: {lijst}. {rekensom} De service serveert {Cijfers.Getal(f.Waarde, f.Eenheid)}, de lezing die data/README.md " +
                         "onderbouwt; zoalsGedrukt houdt het gedrukte getal.",
                Organisatie = f.Organisatie,
                Cijfers = cijfers.Distinct().ToList(),
                JuisteWaarde = f.Waarde,
                Berekening = rekensommen.Count == 0 ? null : string.Join("; ", rekensommen),
                Eenheid = f.Eenheid,
            };
        }
    }
}
