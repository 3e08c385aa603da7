using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>A reader of a published layout: whether a file's columns, as <see cref="Kolomherkenning"/> recognised them, are its layout.</summary>
internal interface IOpendatalezer : IStandlezer
{
    /// <summary>True when the meanings this layout needs are all there (and its amount columns are its kind).</summary>
    bool Past(Kolomindeling indeling);

    /// <summary>The meanings this layout needs that the file lacks, for the refusal when no layout fits.</summary>
    IEnumerable<Betekenis> Ontbrekend(Kolomindeling indeling);
}

/// <summary>
/// The registry of stand readers: picks the reader by the file's columns (their words and their content), or refuses the file
/// naming what each column was recognised as and what each layout misses. The one entry point for the loader (data/standen/)
/// and an HTTP import alike.
/// </summary>
public static class Standlezers
{
    /// <summary>Every known format, in the order they are tried.</summary>
    public static IReadOnlyList<IStandlezer> Alle { get; } = [new BegrotingsstatenLezer(), new BudgettaireTabellenLezer(), new StandenCsvLezer()];

    /// <summary>The reader whose format this header is, or null (by the header's words alone).</summary>
    public static IStandlezer? Kies(IReadOnlyList<string> kopregel) => Kies(kopregel, [], Alle);

    private static IStandlezer? Kies(IReadOnlyList<string> kopregel, IReadOnlyList<Csvrij> rijen, IReadOnlyList<IStandlezer> lezers)
    {
        Kolomindeling? indeling = null;
        foreach (var lezer in lezers)
        {
            if (lezer is IOpendatalezer open)
            {
                indeling ??= Kolomherkenning.Deel(kopregel, rijen);
                if (open.Past(indeling)) return lezer;
            }
            else if (lezer.Herkent(kopregel)) return lezer;
        }
        return null;
    }

    /// <summary>
    /// Reads a file in whichever known format its columns are. <paramref name="verwachting"/> is what an import names
    /// (hoofdstuk, begrotingsjaar, fase); a row that contradicts it is a refusal (docs/standbestanden.md).
    /// </summary>
    public static Leesresultaat Lees(string bestand, string inhoud, Standverwachting? verwachting = null, IReadOnlyList<IStandlezer>? lezers = null,
        string codering = Tekstcodering.Utf8)
    {
        lezers ??= Alle;
        var (rijen, csvProblemen) = Csvbestand.Lees(bestand, new StringReader(inhoud));
        if (rijen.Count == 0) return new Leesresultaat("onbekend", [], [], [], [], csvProblemen);
        var kopregel = rijen[0].Velden;
        var data = rijen.Skip(1).ToList();
        var lezer = Kies(kopregel, data, lezers);
        for (var i = 1; lezer is null && i <= MaxVoorregels && i < rijen.Count; i++)
        {
            // A title or preamble above the header: the header is the first line whose columns a published layout recognises.
            if (rijen[i].IsLeeg) continue;
            lezer = Kies(rijen[i].Velden, rijen.Skip(i + 1).ToList(), lezers.OfType<IOpendatalezer>().ToList());
        }
        if (lezer is null)
        {
            var indeling = Kolomherkenning.Deel(kopregel, data);
            var ontbrekend = lezers.OfType<IOpendatalezer>()
                .Select(l => $"{l.Formaat} mist {string.Join(", ", l.Ontbrekend(indeling).Select(Kolomherkenning.Naam))}");
            return new Leesresultaat("onbekend", [], [], [], [],
            [
                new Leesprobleem(bestand, 1, 0,
                    $"de kopregel is van geen bekend formaat. Herkend: {indeling.Beschrijving()}. {string.Join("; ", ontbrekend)}. Verwacht een van: "
                    + $"{BegrotingsstatenLezer.VerwachteKop}; {BudgettaireTabellenLezer.VerwachteKop}; {StandenCsvLezer.VerwachteKop}"),
            ]);
        }
        var gelezen = lezer.Lees(bestand, new StringReader(inhoud), verwachting);
        var beschrijving = gelezen.Indeling ?? new Bestandsindeling(lezer.Formaat, codering,
            kopregel.Select((k, i) => new Kolombeschrijving(i + 1, k.Trim(), k.Trim())).Where(k => k.Kop.Length > 0).ToList(), []);
        return gelezen with { Indeling = beschrijving with { Codering = codering } };
    }

    /// <summary>How many lines a title or preamble above the header may take before the file is refused as having no header.</summary>
    public const int MaxVoorregels = 10;

    /// <summary>
    /// The rows from the header on: the first line (of the first <see cref="MaxVoorregels"/> + 1) whose columns <paramref name="past"/>
    /// accepts, the lines above it each a finding (a title, "Bedragen x € 1.000"). Line 1 when none fits: the reader then refuses
    /// it naming what its columns were recognised as. The rows keep their line numbers.
    /// </summary>
    internal static (IReadOnlyList<Csvrij> Rijen, List<Bevinding> Voorregels) VanafKopregel(string bestand, IReadOnlyList<Csvrij> rijen, Func<Kolomindeling, bool> past)
    {
        if (rijen.Count == 0 || past(Kolomherkenning.Deel(rijen[0].Velden, rijen.Skip(1).ToList()))) return (rijen, []);
        for (var i = 1; i <= MaxVoorregels && i < rijen.Count; i++)
        {
            if (rijen[i].IsLeeg || !past(Kolomherkenning.Deel(rijen[i].Velden, rijen.Skip(i + 1).ToList()))) continue;
            var voor = rijen.Take(i).Where(r => !r.IsLeeg).Select(r => Bevindingmaker.Voorregel(bestand, r, rijen[i])).ToList();
            return (rijen.Skip(i).ToList(), voor);
        }
        return (rijen, []);
    }

    /// <summary>The same, from a reader (a file or an upload): the whole text is read first, the header picks the format.</summary>
    public static Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null) =>
        Lees(bestand, inhoud.ReadToEnd(), verwachting);

    /// <summary>From the file's bytes: the encoding is detected first (<see cref="Tekstcodering"/>), then the format.</summary>
    public static Leesresultaat Lees(string bestand, byte[] bytes, Standverwachting? verwachting = null, IReadOnlyList<IStandlezer>? lezers = null)
    {
        var (tekst, codering, probleem) = Tekstcodering.Lees(bestand, bytes);
        if (probleem is not null) return new Leesresultaat("onbekend", [], [], [], [], [probleem]);
        return Lees(bestand, tekst, verwachting, lezers, codering);
    }

    /// <summary>The description of a reading for the import answer: each column and its meaning, the columns not read.</summary>
    internal static Bestandsindeling Beschrijf(string indeling, Kolomindeling kolommen) => new(indeling, Tekstcodering.Utf8,
        kolommen.Kolommen.Where(k => k.Betekenis != Betekenis.Leeg)
            .Select(k => new Kolombeschrijving(k.Index + 1, k.Kop, k.Naam + (k.DoorInhoud ? " (naar de inhoud)" : ""))).ToList(),
        kolommen.Onbekend.Select(o => new Kolombeschrijving(o.Index + 1, o.Kop, "onbekend"))
            .Concat(kolommen.Herhaald.Select(h => new Kolombeschrijving(h.Kolom.Index + 1, h.Kolom.Kop, $"{h.Kolom.Naam} (herhaald; kolom {h.Gelezen.Index + 1} wordt gelezen)")))
            .OrderBy(k => k.Kolom).ToList());
}
