using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The registry of stand readers: picks the reader by the file's header, or refuses the file naming what it expected.
/// The one entry point for the loader (data/standen/) and an HTTP import alike.
/// </summary>
public static class Standlezers
{
    /// <summary>Every known format, in the order they are tried (their headers do not overlap).</summary>
    public static IReadOnlyList<IStandlezer> Alle { get; } = [new BegrotingsstatenLezer(), new BudgettaireTabellenLezer(), new StandenCsvLezer()];

    /// <summary>The reader whose format this header is, or null.</summary>
    public static IStandlezer? Kies(IReadOnlyList<string> kopregel) => Alle.FirstOrDefault(l => l.Herkent(kopregel));

    /// <summary>
    /// Reads a file in whichever known format its header is. <paramref name="verwachting"/> is what an import names
    /// (hoofdstuk, begrotingsjaar, fase); a row that contradicts it is a refusal (docs/standbestanden.md).
    /// </summary>
    public static Leesresultaat Lees(string bestand, string inhoud, Standverwachting? verwachting = null)
    {
        var kopregel = Csvbestand.Kopregel(inhoud.TrimStart('\uFEFF'));
        var lezer = Kies(kopregel);
        if (lezer is null)
        {
            var kop = string.Join(",", kopregel);
            return new Leesresultaat("onbekend", [], [], [], [],
            [
                new Leesprobleem(bestand, 1, 0,
                    $"de kopregel is van geen bekend formaat ('{(kop.Length > 120 ? kop[..120] + "…" : kop)}'); verwacht een van: "
                    + $"{BegrotingsstatenLezer.VerwachteKop}; {BudgettaireTabellenLezer.VerwachteKop}; {StandenCsvLezer.VerwachteKop}"),
            ]);
        }
        using var lezerTekst = new StringReader(inhoud);
        return lezer.Lees(bestand, lezerTekst, verwachting);
    }

    /// <summary>The same, from a reader (a file or an upload): the whole text is read first, the header picks the format.</summary>
    public static Leesresultaat Lees(string bestand, TextReader inhoud, Standverwachting? verwachting = null) =>
        Lees(bestand, inhoud.ReadToEnd(), verwachting);
}
