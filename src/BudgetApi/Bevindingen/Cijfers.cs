using System.Globalization;
using System.Text;
using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>The figures of a finding, each in full, and how they read in an explanation. One place for every rule.</summary>
internal static class Cijfers
{
    public static Bevindingcijfer Van(OrganisatiefeitRegel f) => new()
    {
        Waarde = f.Waarde,
        ZoalsGedrukt = f.ZoalsGedrukt,
        Eenheid = f.Eenheid,
        Jaar = (int?)f.Jaar,
        Peildatum = f.Peildatum,
        Organisatie = f.Organisatie,
        Meting = f.Meting,
        Reikwijdte = f.Reikwijdte,
        Omschrijving = f.Omschrijving,
        BronSectie = f.BronSectie,
        BronBestand = Bronnen.DocumentBestand,
        BronRegel = (int)f.BronRegel,
    };

    public static Bevindingcijfer Van(Regelbedrag r) => new()
    {
        Waarde = r.Bedrag,
        ZoalsGedrukt = r.Bedrag is null ? null : GedruktGetal.Notatie(r.Bedrag.Value),
        Eenheid = Codes.EenheidBegroting,
        Jaar = (int)r.Jaar,
        Omschrijving = Regelnaam(r),
        BronSectie = r.BronTabel,
        BronBestand = Bronnen.DocumentBestand,
        BronRegel = (int)r.BronRegel,
    };

    public static Bevindingcijfer Van(Gedrukttotaal t) => new()
    {
        Waarde = t.Bedrag,
        ZoalsGedrukt = t.Bedrag is null ? null : GedruktGetal.Notatie(t.Bedrag.Value),
        Eenheid = Codes.EenheidBegroting,
        Jaar = (int)t.Jaar,
        Omschrijving = $"{t.Hoofdstuk} {t.Soort} {t.Totaal}",
        BronSectie = t.BronTabel,
        BronBestand = Bronnen.DocumentBestand,
        BronRegel = (int)t.BronRegel,
    };

    public static Bevindingcijfer Van(Lijstregel l, int jaar) => new()
    {
        Waarde = l.Bedrag,
        ZoalsGedrukt = "€ " + GedruktGetal.Notatie(l.Bedrag),
        Eenheid = Codes.EenheidBegroting,
        Jaar = jaar,
        Omschrijving = l.Omschrijving,
        BronSectie = Bronnen.LijstUitgavenbegrotingJenV,
        BronBestand = Bronnen.DocumentBestand,
        BronRegel = (int)l.BronRegel,
    };

    /// <summary>A budget line as a finding names it: "VI uitgaven artikel 32 > Bijdrage aan Raad voor de Rechtspraak".</summary>
    public static string Regelnaam(Regelbedrag r) =>
        $"{r.Hoofdstuk} {r.Soort} artikel {r.Artikel}" + (r.IsArtikel ? $" {r.Omschrijving}" : $" > {(r.Pad.Length == 0 ? "" : r.Pad + " > ")}{r.Omschrijving}");

    /// <summary>A figure in a sentence: "€ 1.465 miljoen (regel 8207)".</summary>
    public static string Tekst(decimal? waarde, string eenheid, int regel) =>
        $"{Getal(waarde, eenheid)} (regel {regel.ToString(CultureInfo.InvariantCulture)})";

    public static string Tekst(Bevindingcijfer c) => Tekst(c.Waarde, c.Eenheid, c.BronRegel);

    /// <summary>
    /// A value with its unit, written one way in every explanation: money as the euro sign, the number and its scale in words
    /// ("€ 1.565.010 duizend" for x € 1.000, "€ 1.364 miljoen", "€ 3,3 miljard", "€ 250"), other units after the number
    /// ("10.800 personen", "436 fte", "99 %"), a plain count without one. The field eenheid keeps the code ("x € 1.000").
    /// </summary>
    public static string Getal(decimal? waarde, string eenheid) =>
        waarde is null ? "(leeg)"
        : Schaal(eenheid) is { } schaal ? $"€ {GedruktGetal.Notatie(waarde.Value)}{schaal}"
        : eenheid == "aantal" ? GedruktGetal.Notatie(waarde.Value)
        : $"{GedruktGetal.Notatie(waarde.Value)} {eenheid}";

    /// <summary>The unit of a sum written out with bare numbers: "in € duizend", "in € miljoen"; other units as they are ("fte").</summary>
    public static string InEenheid(string eenheid) => Schaal(eenheid) is { } schaal ? $"in €{schaal}" : eenheid;

    /// <summary>The scale word after a euro amount, "" for whole euros; null for a unit that is no money.</summary>
    private static string? Schaal(string eenheid) => eenheid switch
    {
        Codes.EenheidBegroting => " duizend",
        "€ miljoen" => " miljoen",
        "€ miljard" => " miljard",
        "€" => "",
        _ => null,
    };

    /// <summary>
    /// A budget line named by its key in data/ (Begroting:soort:artikel[:waarvan]) as a sentence names it:
    /// "JenV uitgaven artikel 32 > Bijdrage aan Raad voor de Rechtspraak".
    /// </summary>
    public static string Regel(string sleutel) => sleutel.Split(':', 4) switch
    {
        [var begroting, var soort, var artikel] => $"{begroting} {soort} artikel {artikel}",
        [var begroting, var soort, var artikel, var waarvan] => $"{begroting} {soort} artikel {artikel} > {waarvan}",
        _ => sleutel,
    };

    /// <summary>A meting in a sentence, in words: "beschikbaar kader" for the code beschikbaar-kader.</summary>
    public static string Meting(string meting) => meting.Replace('-', ' ');

    public static string Getal(decimal waarde) => GedruktGetal.Notatie(waarde);

    /// <summary>When a figure refers to: "2026", "peildatum 2025-12-31", or "zonder jaar of peildatum".</summary>
    public static string Moment(long? jaar, DateOnly? peildatum) =>
        peildatum is { } d ? "peildatum " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : jaar is { } j ? j.ToString(CultureInfo.InvariantCulture)
        : "zonder jaar of peildatum";

    /// <summary>A stable piece of an id from text: lower case, every run of other characters one '-' ("Bijdrage DGRR" → "bijdrage-dgrr").</summary>
    public static string Sleutel(string tekst)
    {
        var uit = new StringBuilder();
        foreach (var teken in tekst.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(teken)) uit.Append(teken);
            else if (uit.Length > 0 && uit[^1] != '-') uit.Append('-');
        }
        return uit.ToString().Trim('-');
    }

    /// <summary>
    /// The step a figure is printed in, in its unit: the last printed decimal (78,3 → 0,1), or for an approximation of a
    /// whole number the place of its last non-zero digit ("ongeveer 17.400" → 100); "1,7 miljoen" counts carry the factor.
    /// </summary>
    public static decimal Stap(OrganisatiefeitRegel f)
    {
        var factor = GedruktGetal.Factor(f.ZoalsGedrukt, Codes.IsTelEenheid(f.Eenheid));
        // An impossible notation has no printed step of its own: the value served is a whole number in its unit.
        if (GedruktGetal.Eerste(f.ZoalsGedrukt) is not { IsGeldig: true } gedrukt) return factor;
        var komma = gedrukt.Tekst.IndexOf(',', StringComparison.Ordinal);
        if (komma >= 0) return Macht(-(gedrukt.Tekst.Length - komma - 1)) * factor;
        if (f.Kwalificatie is null) return factor;
        var cijfers = gedrukt.Tekst.Replace(".", "", StringComparison.Ordinal);
        var nullen = cijfers.Length - cijfers.TrimEnd('0').Length;
        return nullen == cijfers.Length ? factor : Macht(nullen) * factor;
    }

    /// <summary>Do two figures agree at the coarser of their printed steps? Both are given in the same unit.</summary>
    public static bool KloptBinnenStap(decimal a, decimal b, decimal stap) =>
        Math.Round(a / stap, MidpointRounding.AwayFromZero) == Math.Round(b / stap, MidpointRounding.AwayFromZero);

    private static decimal Macht(int exponent)
    {
        var uitkomst = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) uitkomst = exponent > 0 ? uitkomst * 10 : uitkomst / 10;
        return uitkomst;
    }
}
