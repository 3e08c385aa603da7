using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// Kind 2, tegenstrijdigheid: one organisation's figure given in two or more places with values that do not agree.
/// Two figures are about the same thing only with the same organisation, reikwijdte and unit kind, and the same meting (or two
/// money metingen close in meaning, <see cref="Codes.VerwanteGeldmetingen"/>) at the same moment. They agree when they are equal
/// at the coarser of their printed steps ("ongeveer 17.400" is printed to the hundred). Never compared: two figures of one
/// printed table or list (its rows are different things by construction), two figures on one line (the text sets them side by
/// side on purpose: a range, now and after growth), and two figures that both are the same budget line (the reconciliations
/// compare each with the line).
/// Like with like in money also means the same financing basis (<see cref="Financiering"/>): money the ministry pays is set
/// against what the document itself says the ministry pays — where it splits the organisation's budget of that moment by who
/// pays ('alleen financiering door JenV' / 'door derden'), the ministry's part, never the whole that includes what others pay.
/// </summary>
public static class Tegenstrijdigheden
{
    /// <summary>The reikwijdte of a budget's part paid by the ministry, and of its part paid by others (data/README.md).</summary>
    public const string DoorHetMinisterie = "alleen financiering door JenV";
    public const string DoorDerden = "alleen financiering door derden";

    public static IEnumerable<Bevinding> Vind(Documentgegevens g)
    {
        var paren = new List<Paar>();
        foreach (var groep in g.Cijfers.GroupBy(f => Sleutel(f, g)))
        {
            var cijfers = groep.ToList();
            for (var i = 0; i < cijfers.Count; i++)
            {
                for (var j = i + 1; j < cijfers.Count; j++)
                {
                    if (Vergelijk(cijfers[i], cijfers[j], g) is { } paar) paren.Add(paar);
                }
            }
        }
        foreach (var bundel in paren.GroupBy(p => (p.Sleutel, p.Moment)))
        {
            var (organisatie, familie, reikwijdte, _) = bundel.Key.Sleutel;
            var cijfers = bundel.SelectMany(p => new[] { p.A, p.B }).Distinct().OrderBy(c => c.BronRegel).ToList();
            var tegenstrijdig = bundel.Any(p => p.Ernst == Bevindingsoorten.Tegenstrijdig);
            yield return new Bevinding
            {
                Id = $"{Bevindingsoorten.Tegenstrijdigheid}/{organisatie}/{familie}/{(reikwijdte.Length == 0 ? "geheel" : Cijfers.Sleutel(reikwijdte))}/{bundel.Key.Moment}",
                Soort = Bevindingsoorten.Tegenstrijdigheid,
                Ernst = tegenstrijdig ? Bevindingsoorten.Tegenstrijdig : Bevindingsoorten.Twijfel,
                Uitleg = Uitleg(organisatie, cijfers, bundel.ToList(), g),
                Organisatie = organisatie,
                Cijfers = cijfers.Select(Cijfers.Van).ToList(),
            };
        }
    }

    private sealed record Paar(
        (string Organisatie, string Familie, string Reikwijdte, string Eenheid) Sleutel, string Moment,
        OrganisatiefeitRegel A, OrganisatiefeitRegel B, string Ernst, string Reden);

    /// <summary>What must be equal for two figures to measure the same thing, apart from the moment.</summary>
    private static (string Organisatie, string Familie, string Reikwijdte, string Eenheid) Sleutel(OrganisatiefeitRegel f, Documentgegevens g) =>
        (f.Organisatie, Familie(f.Meting), Vergelijkingsreikwijdte(f, g), Codes.IsGeldEenheid(f.Eenheid) ? "geld" : f.Eenheid);

    /// <summary>
    /// Who pays for a money figure, as far as the data say: <see cref="DoorHetMinisterie"/> for the ministry's part of a split
    /// budget, for a bijdrage (by its meting: what the ministry, a DG, pays the organisation) and for a figure that is a budget
    /// line of the ministry (komt_overeen_met); <see cref="DoorDerden"/> for the part others pay; null where the document does
    /// not say (a budget or kader of the organisation as a whole, whoever pays it).
    /// </summary>
    public static string? Financiering(OrganisatiefeitRegel f) =>
        !Codes.IsGeldEenheid(f.Eenheid) ? null
        : f.Reikwijdte is DoorHetMinisterie or DoorDerden ? f.Reikwijdte
        : f.Reikwijdte is null && (f.Meting == "bijdrage" || f.KomtOvereenMet is not null) ? DoorHetMinisterie
        : null;

    /// <summary>
    /// The reikwijdte a figure is compared at. Its own, except for money the ministry pays where the document splits the
    /// organisation's budget of the same moment by who pays: then the ministry's part is the like-for-like figure (DGSenB's
    /// "ca. € 3,3 miljard" for DJI meets DJI's "€ 3,6 miljard vanuit het ministerie", not its "€ 3,7 miljard" with derden).
    /// </summary>
    private static string Vergelijkingsreikwijdte(OrganisatiefeitRegel f, Documentgegevens g) =>
        f.Reikwijdte is null && Financiering(f) == DoorHetMinisterie && Gesplitst(f, g) ? DoorHetMinisterie : f.Reikwijdte ?? "";

    /// <summary>Does the document split this organisation's budget of this figure's moment by who pays?</summary>
    private static bool Gesplitst(OrganisatiefeitRegel f, Documentgegevens g) =>
        g.Cijfers.Any(o => o.Organisatie == f.Organisatie && o.Reikwijdte == DoorHetMinisterie && Codes.IsGeldEenheid(o.Eenheid)
                           && o.Jaar == f.Jaar && o.Peildatum == f.Peildatum);

    private static string Familie(string meting) => Codes.VerwanteGeldmetingen.Contains(meting) ? "geld" : meting;

    private static Paar? Vergelijk(OrganisatiefeitRegel a, OrganisatiefeitRegel b, Documentgegevens g)
    {
        if (a.Tabel is not null && a.Tabel == b.Tabel) return null;
        if (a.BronRegel == b.BronRegel) return null;
        if (a.KomtOvereenMet is not null && a.KomtOvereenMet == b.KomtOvereenMet) return null;

        // Dated figures are about the same moment only at the same year and date. A figure without either speaks of "now" in
        // the document: it meets a dated figure of the current years, and another undated figure.
        string moment;
        bool gelijktijdig;
        if (Gedateerd(a) && Gedateerd(b))
        {
            if (a.Jaar != b.Jaar || a.Peildatum != b.Peildatum) return null;
            (moment, gelijktijdig) = (MomentSleutel(a), true);
        }
        else if (!Gedateerd(a) && !Gedateerd(b))
        {
            (moment, gelijktijdig) = ("ongedateerd", true);
        }
        else
        {
            var gedateerd = Gedateerd(a) ? a : b;
            if (!g.IsHuidig(Jaar(gedateerd))) return null;
            (moment, gelijktijdig) = (MomentSleutel(gedateerd), false);
        }

        var (waardeA, stapA) = InEuroOfEenheid(a);
        var (waardeB, stapB) = InEuroOfEenheid(b);
        if (Cijfers.KloptBinnenStap(waardeA, waardeB, Math.Max(stapA, stapB))) return null;

        var zelfdeMeting = a.Meting == b.Meting;
        var gekoppeld = a.KomtOvereenMet ?? b.KomtOvereenMet;
        var redenen = new List<string>();
        if (a.Reikwijdte != b.Reikwijdte)
        {
            var geheel = a.Reikwijdte is null ? a : b;
            var deel = geheel == a ? b : a;
            redenen.Add($"'{geheel.Omschrijving}' is geld dat het ministerie betaalt en staat daarom tegenover het deel dat volgens het document het ministerie financiert " +
                        $"(regel {deel.BronRegel}), niet tegenover het geheel met wat derden betalen");
        }
        if (!zelfdeMeting) redenen.Add($"{Cijfers.Meting(a.Meting)} en {Cijfers.Meting(b.Meting)} liggen dicht bij elkaar in betekenis, maar het document bewijst niet dat ze hetzelfde geld zijn");
        if (!gelijktijdig) redenen.Add("één cijfer noemt geen jaar of peildatum, dus niet zeker hetzelfde moment");
        if (gekoppeld is not null && zelfdeMeting)
        {
            redenen.Add($"het ene cijfer is de afgeronde begrotingsregel {Cijfers.Regel(gekoppeld)} (data/README.md), het andere noemt de organisatie zelf; dat kan iets anders omvatten");
        }
        var ernst = redenen.Count == 0 ? Bevindingsoorten.Tegenstrijdig : Bevindingsoorten.Twijfel;
        var reden = redenen.Count == 0
            ? "zelfde organisatie, meting, reikwijdte en moment: ze kunnen niet allebei juist zijn"
            : string.Join("; ", redenen);
        return new Paar(Sleutel(a, g), moment, a, b, ernst, reden);
    }

    private static bool Gedateerd(OrganisatiefeitRegel f) => f.Jaar is not null || f.Peildatum is not null;

    private static int Jaar(OrganisatiefeitRegel f) => f.Peildatum?.Year ?? (int)f.Jaar!.Value;

    private static string MomentSleutel(OrganisatiefeitRegel f) =>
        f.Peildatum is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : f.Jaar!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Money in euros (so € miljoen and x € 1.000 compare exactly), any other unit as it is; with the printed step.</summary>
    private static (decimal Waarde, decimal Stap) InEuroOfEenheid(OrganisatiefeitRegel f)
    {
        var factor = Codes.IsGeldEenheid(f.Eenheid) ? Codes.EurosPerEenheid(f.Eenheid) : 1m;
        return (f.Waarde * factor, Cijfers.Stap(f) * factor);
    }

    private static string Uitleg(string organisatie, List<OrganisatiefeitRegel> cijfers, List<Paar> paren, Documentgegevens g)
    {
        var lijst = string.Join("; ", cijfers.Select(c => $"{Cijfers.Meting(c.Meting)} '{c.Omschrijving}' {Cijfers.Tekst(c.Waarde, c.Eenheid, (int)c.BronRegel)}"));
        var oordelen = string.Join(" ", paren.Select(p => $"{Cijfers.Getal(p.A.Waarde, p.A.Eenheid)} tegen {Cijfers.Getal(p.B.Waarde, p.B.Eenheid)}: {p.Reden}."));
        // A deviating value that the organisation prints elsewhere for another thing hints at a slip of the word, not the number.
        var hints = cijfers
            .SelectMany(c => g.Cijfers.Where(o => o.Organisatie == organisatie && o.Waarde == c.Waarde && o.Meting != c.Meting && o.Eenheid == c.Eenheid)
                .Select(o => $" {Cijfers.Getal(c.Waarde)} is ook het gedrukte cijfer voor {Cijfers.Meting(o.Meting)} '{o.Omschrijving}' (regel {o.BronRegel})."))
            .Distinct();
        var zelfdeRegel = cijfers.Where(c => c.KomtOvereenMet is not null).GroupBy(c => c.KomtOvereenMet!).Where(r => r.Count() > 1)
            .Select(r => $" {string.Join(" en ", r.Select(c => Cijfers.Getal(c.Waarde, c.Eenheid)))} zijn volgens data/README.md allebei de begrotingsregel {Cijfers.Regel(r.Key)}; " +
                         $"die vergelijking staat bij '{Bevindingsoorten.Label(Bevindingsoorten.TotaalSluitNiet)}'.");
        return $"{organisatie}: {cijfers.Count} cijfers voor hetzelfde of bijna hetzelfde die niet met elkaar kloppen: {lijst}. {oordelen}"
               + string.Concat(hints) + string.Concat(zelfdeRegel) + " De service serveert elk cijfer zoals gedrukt; een mens moet beoordelen welk cijfer klopt.";
    }
}
