using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 4, patroonbreuk: a multi-year series of an organisation that tracks budget lines (the column volgt: the articles a
/// directorate-general manages) differs from them by the same amount, to the thousand euro, in every year but one. That year's
/// figure breaks the pattern; the pattern implies the lines plus the constant. A constant difference to the thousand over four
/// or more years is no coincidence; a series whose differences vary does not track the lines and is not judged.
/// </summary>
public static class Patroonbreuken
{
    private const int MinimumJaren = 4;

    public static IEnumerable<Bevinding> Vind(Documentgegevens g)
    {
        var reeksen = g.Cijfers.Where(c => c.Volgt is not null && c.Jaar is not null && Codes.IsGeldEenheid(c.Eenheid))
            .GroupBy(c => (c.Organisatie, c.Meting, c.Omschrijving, c.Tabel, c.Volgt));
        foreach (var reeks in reeksen)
        {
            var regels = Laden.OrganisatiefeitValidator.Volgt(reeks.Key.Volgt!);
            var jaren = new List<(OrganisatiefeitRegel Cijfer, List<Regelbedrag> Regels, decimal Verschil)>();
            foreach (var cijfer in reeks.OrderBy(c => c.Jaar))
            {
                var gevonden = regels.Select(r => Zoek(g.Regels, r, (int)cijfer.Jaar!.Value)).ToList();
                if (gevonden.Any(b => b?.Bedrag is null)) continue;
                var bedragen = gevonden.Select(b => b!).ToList();
                var inDuizenden = cijfer.Waarde * Codes.EurosPerEenheid(cijfer.Eenheid) / Codes.EurosPerEenheid(Codes.EenheidBegroting);
                jaren.Add((cijfer, bedragen, inDuizenden - bedragen.Sum(b => b.Bedrag!.Value)));
            }
            if (jaren.Count < MinimumJaren) continue;
            var patroon = jaren.GroupBy(j => j.Verschil).OrderByDescending(v => v.Count()).First();
            if (patroon.Count() != jaren.Count - 1) continue;
            var breuk = jaren.Single(j => j.Verschil != patroon.Key);

            var juist = breuk.Regels.Sum(r => r.Bedrag!.Value) + patroon.Key;
            var juistInEenheid = juist * Codes.EurosPerEenheid(Codes.EenheidBegroting) / Codes.EurosPerEenheid(breuk.Cijfer.Eenheid);
            // The figure of another year, printed again, is how a copied cell shows: then the printed figure is wrong, not the pattern.
            var kopie = jaren.FirstOrDefault(j => j.Cijfer != breuk.Cijfer && j.Cijfer.Waarde == breuk.Cijfer.Waarde).Cijfer;
            var regelnamen = string.Join(" + ", breuk.Regels.Select(Cijfers.Regelnaam));
            var hoofdstuk = breuk.Regels[0].Hoofdstuk;
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.Patroonbreuk}/{reeks.Key.Organisatie}/{reeks.Key.Meting}/{Cijfers.Sleutel(reeks.Key.Omschrijving)}/{breuk.Cijfer.Jaar}",
                Soort = Bevindingsoorten.Patroonbreuk,
                Ernst = kopie is null ? Bevindingsoorten.Twijfel : Bevindingsoorten.Fout,
                Uitleg = $"'{breuk.Cijfer.Omschrijving}' van {reeks.Key.Organisatie} volgt {regelnamen}: in {jaren.Count - 1} van de {jaren.Count} jaren is het verschil precies " +
                         $"{Cijfers.Getal(patroon.Key, Codes.EenheidBegroting)}, maar in {breuk.Cijfer.Jaar} is het {Cijfers.Getal(breuk.Verschil, Codes.EenheidBegroting)}. " +
                         $"Het patroon geeft voor {breuk.Cijfer.Jaar} {Cijfers.Getal(juistInEenheid, breuk.Cijfer.Eenheid)}; gedrukt is {Cijfers.Getal(breuk.Cijfer.Waarde, breuk.Cijfer.Eenheid)} (regel {breuk.Cijfer.BronRegel})." +
                         (kopie is null ? " Een eenmalige post kan het verschil verklaren; een mens moet kijken."
                             : $" Dat is precies het cijfer van {kopie.Jaar}: vermoedelijk is dat jaar overgenomen.") +
                         " De service serveert het gedrukte cijfer.",
                Hoofdstuk = hoofdstuk,
                Begrotingsjaar = hoofdstuk is null ? null : g.Begrotingsjaar,
                Fase = hoofdstuk is null ? null : g.Fase,
                Organisatie = reeks.Key.Organisatie,
                Cijfers = [Cijfers.Van(breuk.Cijfer), .. breuk.Regels.Select(Cijfers.Van), .. kopie is null ? Array.Empty<Bevindingcijfer>() : [Cijfers.Van(kopie)]],
                JuisteWaarde = juistInEenheid,
                Berekening = string.Join("; ", jaren.Select(j =>
                                 $"{j.Cijfer.Jaar}: {Cijfers.Getal(j.Cijfer.Waarde)} − ({string.Join(" + ", j.Regels.Select(r => Cijfers.Getal(r.Bedrag!.Value)))}) = {Cijfers.Getal(j.Verschil)}"))
                             + $"; patroon {Cijfers.Getal(patroon.Key)}: {string.Join(" + ", breuk.Regels.Select(r => Cijfers.Getal(r.Bedrag!.Value)))} {(patroon.Key < 0 ? "−" : "+")} " +
                             $"{Cijfers.Getal(Math.Abs(patroon.Key))} = {Cijfers.Getal(juist)} ({Cijfers.InEenheid(Codes.EenheidBegroting)})",
                Eenheid = breuk.Cijfer.Eenheid,
            };
        }
    }

    /// <summary>The line a reference names (Begroting:soort:artikel[:waarvan]) in one year.</summary>
    private static Regelbedrag? Zoek(IReadOnlyList<Regelbedrag> regels, string verwijzing, int jaar)
    {
        var v = Regelverwijzing.Lees(verwijzing)!;
        return regels.FirstOrDefault(r => r.Begroting == v.Begroting && r.Soort == v.Soort
                                          && r.Artikel.ToString(CultureInfo.InvariantCulture) == v.Artikel && r.Jaar == jaar
                                          && (v.Waarvan is null ? r.IsArtikel : r.Diepte == 1 && r.Omschrijving == v.Waarvan));
    }
}
