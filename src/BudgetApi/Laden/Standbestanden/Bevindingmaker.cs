using System.Globalization;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>The readers' one way to word a finding: a stable Id from kind and subject, and figures in full with their line.</summary>
internal static class Bevindingmaker
{
    /// <summary>"herhaald-blok/budgettaire-tabellen-owb-2016.csv/VI/2705-3024": kind, file, then what it is about; never a counter.</summary>
    public static string Id(string soort, string bestand, params object?[] onderwerp) =>
        string.Join('/', new[] { soort, bestand }.Concat(onderwerp
            .Select(o => Convert.ToString(o, CultureInfo.InvariantCulture))
            .Where(o => !string.IsNullOrEmpty(o))
            .Select(o => o!.Replace('/', '∕'))));

    /// <summary>
    /// A finding about one stand of a file: its Id is the kind, the file, the stand's hoofdstuk and then
    /// <paramref name="onderwerp"/>, and it names the stand (hoofdstuk, begrotingsjaar, fase).
    /// </summary>
    public static Bevinding OverStand(Standsleutel stand, string bestand, string soort, string ernst, object?[] onderwerp, string uitleg,
        IReadOnlyList<Bevindingcijfer> cijfers) => new()
    {
        Id = Id(soort, bestand, [stand.Hoofdstuk, .. onderwerp]),
        Soort = soort,
        Ernst = ernst,
        Hoofdstuk = stand.Hoofdstuk,
        Begrotingsjaar = stand.Begrotingsjaar,
        Fase = stand.Fase,
        Uitleg = uitleg,
        Cijfers = cijfers,
    };

    /// <summary>
    /// A line above the header (a title, "Bedragen x € 1.000", a date): not a row of the table. The header is the first line whose
    /// columns a layout recognises (<see cref="Standlezers.VanafKopregel"/>).
    /// </summary>
    internal static Bevinding Voorregel(string bestand, Csvrij rij, Csvrij kop) => new()
    {
        Id = Id(Bevindingsoorten.LosseCel, bestand, rij.Regel, "boven-de-kopregel"),
        Soort = Bevindingsoorten.LosseCel,
        Ernst = Bevindingsoorten.Twijfel,
        Uitleg = $"Regel {rij.Regel} staat boven de kopregel (regel {kop.Regel}): een titel of toelichting, geen regel van de tabel. "
            + "Regel: de kopregel is de eerste regel waarvan de kolommen een indeling vormen; wat erboven staat wordt niet gelezen.",
        Cijfers = [Tekst(Kort(string.Join(" ", rij.Velden.Where(v => v.Trim().Length > 0).Select(v => v.Trim()))), "regel boven de kopregel", bestand, rij.Regel)],
    };

    /// <summary>A note among the rows (<see cref="Kolomherkenning.IsNotitie"/>): a source line, a footnote, a title between blocks.</summary>
    internal static Bevinding Notitie(string bestand, Csvrij rij)
    {
        var kolom = rij.Velden.Select((v, i) => (v, i)).First(x => x.v.Trim().Length > 0);
        return new Bevinding
        {
            Id = Id(Bevindingsoorten.LosseCel, bestand, rij.Regel, "notitie"),
            Soort = Bevindingsoorten.LosseCel,
            Ernst = Bevindingsoorten.Twijfel,
            Uitleg = $"Regel {rij.Regel} heeft alleen tekst in kolom {kolom.i + 1} ('{Kort(kolom.v.Trim())}'): een bron- of voetnoot of een titel, "
                + "geen regel van de tabel. Regel: een regel met één cel tekst en verder niets wordt overgeslagen.",
            Cijfers = [Tekst(Kort(kolom.v.Trim()), $"kolom {kolom.i + 1}", bestand, rij.Regel)],
        };
    }

    private static string Kort(string s) => s.Length > 80 ? s[..80] + "…" : s;

    /// <summary>A line of a budgettaire tabel that carries no amount: it is not loaded, and the finding shows it as printed.</summary>
    internal static Bevinding LegeRegel(Standsleutel stand, string bestand, Tabelrij r, string wat) => OverStand(stand, bestand,
        Bevindingsoorten.LegeRegel, Bevindingsoorten.Twijfel, [r.Regel],
        $"Regel {r.Regel} is {wat}. Regel: een regel zonder één bedrag draagt niets en wordt niet geladen; een lege cel is nooit 0.",
        [Tekst(string.Join(",", r.Bron.Velden).TrimEnd(','), "de regel zoals gedrukt", bestand, r.Regel)]);

    public static Bevindingcijfer Bedrag(long? waarde, string? zoalsGedrukt, int? jaar, string omschrijving, string bestand, int regel, string? sectie = null) => new()
    {
        Waarde = waarde,
        ZoalsGedrukt = zoalsGedrukt,
        Eenheid = Begrotingscodes.EenheidBegroting,
        Jaar = jaar,
        Omschrijving = omschrijving,
        BronSectie = sectie,
        BronBestand = bestand,
        BronRegel = regel,
    };

    /// <summary>A cell that is not a figure (a stray text, a name that does not fit): kept as printed, without a value.</summary>
    public static Bevindingcijfer Tekst(string zoalsGedrukt, string omschrijving, string bestand, int regel, string? sectie = null) => new()
    {
        Waarde = null,
        ZoalsGedrukt = zoalsGedrukt,
        Eenheid = "tekst",
        Omschrijving = omschrijving,
        BronSectie = sectie,
        BronBestand = bestand,
        BronRegel = regel,
    };

    /// <summary>A figure as the Dutch read it in an explanation: 11.456.930, -1.573.</summary>
    public static string Getal(long waarde) => waarde.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = ".", NegativeSign = "-" });

    public static string Getal(long? waarde) => waarde is { } w ? Getal(w) : "leeg";

    /// <summary>"433" or "433-443": a run of lines as part of an Id.</summary>
    public static string Reeks(int van, int tot) => van == tot ? van.ToString(CultureInfo.InvariantCulture) : $"{van}-{tot}";

    /// <summary>"regel 433" or "regels 433–443".</summary>
    public static string Regels(int van, int tot) => van == tot ? $"regel {van}" : $"regels {van}–{tot}";

    /// <summary>Consecutive line numbers as runs: [433..443, 518..520] from any order.</summary>
    public static IEnumerable<(int Van, int Tot)> Reeksen(IEnumerable<int> regels)
    {
        int? van = null, tot = null;
        foreach (var r in regels.Distinct().Order())
        {
            if (van is null) { van = tot = r; continue; }
            if (r == tot + 1) { tot = r; continue; }
            yield return (van.Value, tot!.Value);
            van = tot = r;
        }
        if (van is not null) yield return (van.Value, tot!.Value);
    }
}
