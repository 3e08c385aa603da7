using BudgetApi.Domein;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 5, onwaarschijnlijk: a figure that cannot stand beside the organisation's other figures, read as the document prints it
/// (a reader takes "10.8000" for 108.000): more people than its fte can hold, fewer people than its fte, a part larger than its
/// whole, a share above 100 %. Where the value served (the reading data/README.md decides for) removes the doubt, that value
/// is the one the arithmetic supports.
/// </summary>
public static class OnwaarschijnlijkeCijfers
{
    public static IEnumerable<Bevinding> Vind(Documentgegevens g) =>
        [.. MeerPersonenDanFte(g), .. DeelGroterDanGeheel(g), .. AandeelBoven100(g)];

    /// <summary>People against fte (<see cref="PersonenPerFte"/>): fewer people than fte is impossible, more than twice as many not credible.</summary>
    private static IEnumerable<Bevinding> MeerPersonenDanFte(Documentgegevens g)
    {
        foreach (var v in PersonenPerFte.Vergelijkingen(g))
        {
            var gedrukt = v.Personen.Select(PersonenPerFte.AlsGedrukt).ToList();
            var fte = v.Fte.Waarde;
            if (PersonenPerFte.Past(gedrukt.Sum(), fte)) continue;
            var teWeinig = gedrukt.Sum() < fte;
            var geserveerd = v.Personen.Select(p => p.Waarde).ToList();
            var afwijkend = v.Personen.FirstOrDefault(p => PersonenPerFte.AlsGedrukt(p) != p.Waarde);
            var hersteld = afwijkend is not null && PersonenPerFte.Past(geserveerd.Sum(), fte);
            var berekening = "zoals gedrukt gelezen: " + PersonenPerFte.Som(gedrukt, fte)
                             + (hersteld ? "; met de waarde die de service serveert: " + PersonenPerFte.Som(geserveerd, fte) : "");
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.Onwaarschijnlijk}/{v.Fte.Organisatie}/personen-per-fte/{Sleutel(v.Fte)}",
                Soort = Bevindingsoorten.Onwaarschijnlijk,
                Ernst = teWeinig && v.Personen.All(p => p.Kwalificatie is null) ? Bevindingsoorten.Fout : Bevindingsoorten.Twijfel,
                Uitleg = $"{v.Fte.Organisatie} heeft een bezetting van {Cijfers.Tekst(fte, "fte", (int)v.Fte.BronRegel)}, maar het document telt, zoals gedrukt gelezen, " +
                         $"{Cijfers.Getal(gedrukt.Sum())} personen ({string.Join(" en ", v.Personen.Select(p => $"'{p.Omschrijving}' {p.ZoalsGedrukt}, regel {p.BronRegel}"))}). " +
                         (teWeinig
                             ? "Dat zijn minder mensen dan fte: dan werkt iedereen meer dan voltijd."
                             : $"Dat is meer dan {PersonenPerFte.MaximaalPersonenPerFte} personen per fte: dan werkt iedereen gemiddeld minder dan een halve werkweek.") +
                         (hersteld
                             ? $" Met de waarde die de service voor '{afwijkend!.Omschrijving}' serveert ({Cijfers.Getal(afwijkend.Waarde, afwijkend.Eenheid)}, zie de bevinding '{Bevindingsoorten.Label(Bevindingsoorten.OnmogelijkGetal)}') klopt het wel."
                             : ""),
                Organisatie = v.Fte.Organisatie,
                Cijfers = [.. v.Personen.Select(Cijfers.Van), Cijfers.Van(v.Fte)],
                JuisteWaarde = hersteld ? afwijkend!.Waarde : null,
                Berekening = berekening,
                Eenheid = hersteld ? afwijkend!.Eenheid : null,
            };
        }
    }

    /// <summary>
    /// A part may not exceed its whole: a row of a table against the row it is deel_van, and a figure 'alleen X' or 'excl. X'
    /// against the same organisation's whole (no reikwijdte, or 'incl. X') of the same meting, unit and moment.
    /// </summary>
    private static IEnumerable<Bevinding> DeelGroterDanGeheel(Documentgegevens g)
    {
        foreach (var deel in g.Cijfers)
        {
            var gehelen = g.Cijfers.Where(h => h != deel && h.Organisatie == deel.Organisatie && h.Meting == deel.Meting && h.Eenheid == deel.Eenheid
                                               && h.Jaar == deel.Jaar && h.Peildatum == deel.Peildatum
                                               && (deel.DeelVan is not null
                                                   ? h.Tabel == deel.Tabel && h.Omschrijving == deel.DeelVan
                                                   : IsDeel(deel.Reikwijdte) && (h.Reikwijdte is null || h.Reikwijdte.StartsWith("incl. ", StringComparison.Ordinal))));
            foreach (var geheel in gehelen)
            {
                var (d, h) = (PersonenPerFte.AlsGedrukt(deel), PersonenPerFte.AlsGedrukt(geheel));
                if (d <= h) continue;
                yield return new Bevinding
                {
                    Id = $"{Bevindingsoorten.Onwaarschijnlijk}/{deel.Organisatie}/deel-groter-dan-geheel/{Cijfers.Sleutel(deel.Omschrijving)}/{Sleutel(deel)}",
                    Soort = Bevindingsoorten.Onwaarschijnlijk,
                    Ernst = deel.Kwalificatie is null && geheel.Kwalificatie is null ? Bevindingsoorten.Fout : Bevindingsoorten.Twijfel,
                    Uitleg = $"'{deel.Omschrijving}' van {deel.Organisatie} ({Cijfers.Tekst(d, deel.Eenheid, (int)deel.BronRegel)}) is een deel van " +
                             $"'{geheel.Omschrijving}' ({Cijfers.Tekst(h, geheel.Eenheid, (int)geheel.BronRegel)}), maar groter dan dat geheel.",
                    Organisatie = deel.Organisatie,
                    Cijfers = [Cijfers.Van(deel), Cijfers.Van(geheel)],
                    Berekening = $"{Cijfers.Getal(d)} > {Cijfers.Getal(h)} ({Cijfers.InEenheid(deel.Eenheid)})",
                };
            }
        }
    }

    /// <summary>A share is at most 100 %, and the shares of one printed list together too.</summary>
    private static IEnumerable<Bevinding> AandeelBoven100(Documentgegevens g)
    {
        var aandelen = g.Cijfers.Where(c => c.Meting == "aandeel" && c.Eenheid == "%").ToList();
        foreach (var a in aandelen.Where(a => PersonenPerFte.AlsGedrukt(a) > 100))
        {
            yield return Boven100($"{a.Organisatie}/{Cijfers.Sleutel(a.Omschrijving)}", a.Organisatie, [a],
                $"'{a.Omschrijving}' van {a.Organisatie} is {a.ZoalsGedrukt} (regel {a.BronRegel}): een aandeel kan niet meer dan 100 % zijn.");
        }
        foreach (var lijst in aandelen.Where(a => a.Tabel is not null).GroupBy(a => (a.Organisatie, a.Tabel!)))
        {
            var som = lijst.Sum(PersonenPerFte.AlsGedrukt);
            if (som <= 100 || lijst.Count() < 2) continue;
            yield return Boven100($"{lijst.Key.Organisatie}/{lijst.Key.Item2}", lijst.Key.Organisatie, lijst.ToList(),
                $"De aandelen van {lijst.Key.Organisatie} in '{lijst.Key.Item2}' tellen op tot {Cijfers.Getal(som)} %: samen meer dan het geheel.");
        }
    }

    private static Bevinding Boven100(string over, string organisatie, List<OrganisatiefeitRegel> cijfers, string uitleg) => new()
    {
        Id = $"{Bevindingsoorten.Onwaarschijnlijk}/{over}/aandeel-boven-100",
        Soort = Bevindingsoorten.Onwaarschijnlijk,
        Ernst = Bevindingsoorten.Fout,
        Uitleg = uitleg,
        Organisatie = organisatie,
        Cijfers = cijfers.Select(Cijfers.Van).ToList(),
        Berekening = string.Join(" + ", cijfers.Select(c => Cijfers.Getal(PersonenPerFte.AlsGedrukt(c)))) + " %",
    };

    private static bool IsDeel(string? reikwijdte) =>
        reikwijdte is not null && (reikwijdte.StartsWith("alleen ", StringComparison.Ordinal) || reikwijdte.StartsWith("excl. ", StringComparison.Ordinal));

    private static string Sleutel(OrganisatiefeitRegel f) =>
        f.Peildatum?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? f.Jaar?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ongedateerd";
}
