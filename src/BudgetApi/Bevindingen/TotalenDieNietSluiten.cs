using BudgetApi.Domein;
using BudgetApi.Features;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 1, totaal-sluit-niet: every reconciliation of /aansluitingen whose verdict is sluit-niet or past-niet, with the value it
/// should have. Not recomputed: the verdict, the computed value and the value that should have been printed are those of
/// <see cref="Aansluitingberekening"/>; this rule only finds the figures involved and says what it means.
/// </summary>
public static class TotalenDieNietSluiten
{
    public static IEnumerable<Bevinding> Vind(Documentgegevens g)
    {
        var vindplaatsen = Vindplaatsen(g).ToList();
        foreach (var a in g.Aansluitingen.Where(a => Aansluitingberekening.HeeftStatus(a.Oordeel, Aansluitingberekening.Afwijking)))
        {
            var gedrukt = vindplaatsen.FirstOrDefault(v => v.Cijfer.BronRegel == a.BronRegel && v.Past(a.Jaar)
                                                           && v.Cijfer.Waarde == a.Gedrukt && v.Cijfer.Eenheid == a.Eenheid);
            var regels = a.BronRegels.ToHashSet();
            var delen = vindplaatsen.Where(v => regels.Contains(v.Cijfer.BronRegel) && v.Past(a.Jaar) && v.Tabel == a.BronTabelDelen && v != gedrukt).ToList();
            var cijfers = new List<Bevindingcijfer>();
            if (gedrukt is not null) cijfers.Add(gedrukt.Cijfer);
            cijfers.AddRange(delen.Select(d => d.Cijfer));

            var hoofdstuk = a.Hoofdstuk;
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.TotaalSluitNiet}/{a.Id}",
                Soort = Bevindingsoorten.TotaalSluitNiet,
                Ernst = Ernst(a),
                Uitleg = Uitleg(a, gedrukt, vindplaatsen),
                Hoofdstuk = hoofdstuk,
                Begrotingsjaar = a.Begrotingsjaar,
                Fase = a.Fase,
                Organisatie = a.Organisatie,
                Cijfers = cijfers,
                JuisteWaarde = a.JuisteWaarde,
                Berekening = Berekening(a, delen),
                Eenheid = a.Eenheid,
            };
        }
    }

    /// <summary>
    /// An approximation (ca., circa) that does not add up needs a human, not a correction. A printed figure compared with another
    /// printed figure for the same money (an organisation's figure against its budget line) is a contradiction: either can be the
    /// wrong one. A printed total against its own parts is wrong: the parts are the figures it claims to add up.
    /// </summary>
    private static string Ernst(AansluitingRegel a) =>
        a.Benaderd ? Bevindingsoorten.Twijfel
        : a.SoortAansluiting == Aansluitingberekening.OrganisatieBegroting ? Bevindingsoorten.Tegenstrijdig
        : Bevindingsoorten.Fout;

    private static string Uitleg(AansluitingRegel a, Vindplaats? gedrukt, List<Vindplaats> vindplaatsen)
    {
        var wat = a.SoortAansluiting switch
        {
            Aansluitingberekening.Waarvan => $"De waarvan-regels van artikel {a.Artikel} ({a.Jaar}) tellen op tot {Cijfers.Getal(a.Berekend, a.Eenheid)}, meer dan het artikel zelf ({Cijfers.Getal(a.Gedrukt, a.Eenheid)}).",
            Aansluitingberekening.OrganisatieBegroting => $"{a.Omschrijving} ({a.Jaar}): gedrukt {Cijfers.Getal(a.Gedrukt, a.Eenheid)}, de begrotingsregel is {Cijfers.Getal(a.Berekend, a.Eenheid)}. " +
                "Volgens data/README.md is het hetzelfde geld; twee gedrukte cijfers voor hetzelfde geld die niet allebei juist kunnen zijn.",
            _ => $"{Omschrijving(a)}{(a.Jaar is null ? "" : $" ({a.Jaar})")}: gedrukt {Cijfers.Getal(a.Gedrukt, a.Eenheid)}, de delen tellen op tot {Cijfers.Getal(a.Berekend, a.Eenheid)}.",
        };
        var verschil = $" Het verschil is {Cijfers.Getal(a.Verschil, a.Eenheid)}.";
        var benaderd = !a.Benaderd ? ""
            : Cijfers.KloptBinnenStap(a.Gedrukt, a.Berekend, StapVanBenadering(a.Gedrukt))
                ? $" Het gedrukte cijfer is een benadering; de som, afgerond zoals de benadering ({Cijfers.Getal(Math.Round(a.Berekend / StapVanBenadering(a.Gedrukt), MidpointRounding.AwayFromZero) * StapVanBenadering(a.Gedrukt))}), is gelijk aan het gedrukte cijfer: waarschijnlijk alleen afgerond."
                : " Het gedrukte cijfer of een deel is een benadering (ca., circa), maar ook zo klopt de som niet.";
        // A printed figure that equals another printed figure of the same year elsewhere was most likely copied from it.
        var gelijk = gedrukt is null ? null : vindplaatsen.FirstOrDefault(v => v != gedrukt && v.Cijfer.Waarde == a.Gedrukt && v.Cijfer.Eenheid == a.Eenheid
                                                                            && v.Past(a.Jaar) && v.Cijfer.BronRegel != a.BronRegel && v.IsTotaal);
        var kopie = gelijk is null ? "" : $" Het gedrukte cijfer is gelijk aan '{gelijk.Cijfer.Omschrijving}' op regel {gelijk.Cijfer.BronRegel}: vermoedelijk overgenomen.";
        var gelijkGeld = a.SoortAansluiting is Aansluitingberekening.OrganisatieBegroting or Aansluitingberekening.Bezettingstabel;
        var juist = a.JuisteWaarde is null ? ""
            : gelijkGeld ? $" De begrotingsregel, afgerond zoals het gedrukte cijfer, is {Cijfers.Getal(a.JuisteWaarde, a.Eenheid)}."
            : $" De waarde die de som ondersteunt is {Cijfers.Getal(a.JuisteWaarde, a.Eenheid)}.";
        return wat + verschil + benaderd + kopie + juist
               + (gelijkGeld ? " De service serveert beide cijfers zoals gedrukt." : " De service serveert het gedrukte cijfer zoals gedrukt en rekent zelf met de delen.");
    }

    /// <summary>
    /// The reconciliation's description without its table in brackets ("(A. Uitgaven JenV)" after the artikel of a waarvan line):
    /// an explanation's figures each name where they stand, so the sentence need not.
    /// </summary>
    private static string Omschrijving(AansluitingRegel a) =>
        a.BronTabel is { Length: > 0 } tabel ? a.Omschrijving.Replace($" ({tabel})", "", StringComparison.Ordinal) : a.Omschrijving;

    /// <summary>The step of an approximate whole number: the place of its last non-zero digit (6500 → 100).</summary>
    private static decimal StapVanBenadering(decimal gedrukt)
    {
        var stap = 1m;
        while (gedrukt != 0 && gedrukt % (stap * 10) == 0) stap *= 10;
        return stap;
    }

    private static string? Berekening(AansluitingRegel a, List<Vindplaats> delen)
    {
        var som = delen.Count == 0 || delen.Count != a.AantalDelen || delen.Any(d => d.Cijfer.Eenheid != a.Eenheid)
            ? Cijfers.Getal(a.Berekend)
            : string.Join(" + ", delen.Select(d => Cijfers.Getal(d.Cijfer.Waarde ?? 0))) + " = " + Cijfers.Getal(a.Berekend);
        return $"{som} ({Cijfers.InEenheid(a.Eenheid)}); gedrukt {Cijfers.Getal(a.Gedrukt)}; verschil {Cijfers.Getal(a.Verschil)}";
    }

    /// <summary>A printed figure somewhere in the loaded data, with the table it stands in and the year it is of.</summary>
    private sealed record Vindplaats(Bevindingcijfer Cijfer, string? Tabel, bool IsTotaal = false)
    {
        public bool Past(int? jaar) => jaar is null || Cijfer.Jaar is null || Cijfer.Jaar == jaar;
    }

    private static IEnumerable<Vindplaats> Vindplaatsen(Documentgegevens g)
    {
        foreach (var f in g.Cijfers) yield return new Vindplaats(Cijfers.Van(f), f.Tabel);
        foreach (var r in g.Regels) yield return new Vindplaats(Cijfers.Van(r), r.BronTabel);
        foreach (var t in g.Totalen) yield return new Vindplaats(Cijfers.Van(t), t.BronTabel, IsTotaal: true);
        foreach (var l in g.Uitgavenbegroting) yield return new Vindplaats(Cijfers.Van(l, g.Begrotingsjaar), Bronnen.LijstUitgavenbegrotingJenV, IsTotaal: l.Artikel is null);
    }
}
