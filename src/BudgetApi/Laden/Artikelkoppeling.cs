using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>An artikel as one publication gives it within one stand: its number, its name(s) and its artikel lines' amounts per soort and year.</summary>
public sealed class Artikelbeeld(int nummer)
{
    public int Nummer { get; } = nummer;

    public HashSet<string> Namen { get; } = new(StringComparer.Ordinal);

    /// <summary>(soort, year) → amount of the artikel line, where the publication prints one.</summary>
    public Dictionary<(string Soort, int Jaar), long> Bedragen { get; } = [];

    /// <summary>The artikel lines of every soort, from the publication's own artikel lines.</summary>
    public static Dictionary<int, Artikelbeeld> Van(IEnumerable<(Standregel Regel, IReadOnlyDictionary<int, long?> Bedragen)> artikelregels)
    {
        var beelden = new Dictionary<int, Artikelbeeld>();
        foreach (var (regel, bedragen) in artikelregels)
        {
            if (!beelden.TryGetValue(regel.Artikel, out var beeld)) beelden[regel.Artikel] = beeld = new Artikelbeeld(regel.Artikel);
            beeld.Namen.Add(regel.Omschrijving);
            foreach (var (jaar, bedrag) in bedragen)
            {
                if (bedrag is { } b) beeld.Bedragen[(regel.Soort, jaar)] = b;
            }
        }
        return beelden;
    }
}

/// <summary>What matching one publication's artikelen against a stand's gave: its numbers on the stand's, and what could not be matched.</summary>
/// <param name="Nummers">The publication's artikel number → the stand's number for the same artikel (the same number where they agree).</param>
/// <param name="DoorNaamEnBedrag">The pairs matched by name and amount because their numbers differ (BZ's 41 is the budgettaire tabellen's 1).</param>
/// <param name="Ongekoppeld">The publication's artikelen that could not be matched while the stand has artikelen they may be: each with those candidates.</param>
public sealed record Koppeling(
    IReadOnlyDictionary<int, int> Nummers,
    IReadOnlyList<(int Van, int Op)> DoorNaamEnBedrag,
    IReadOnlyList<(int Artikel, IReadOnlyList<int> Kandidaten)> Ongekoppeld);

/// <summary>
/// Matches the artikelen of one publication of a stand to the artikelen the stand already has from another publication, so that
/// the same artikel is one artikel however each publication numbers it (docs/standen.md, "Publications that overlap"):
/// <list type="number">
/// <item>By number: an artikel number both publications give is the same artikel — unless the two have nothing in common (no word
/// of their names, and every amount both print differs beyond rounding): then the number is a coincidence, and both are matched as
/// below.</item>
/// <item>Where the numbers differ, by name and amount: of the artikelen left on both sides, a pair whose names agree (the same
/// words, or one's words all in the other's: "Consulaire belangenbehartiging" and "Consulaire belangenbehartiging en het
/// internationaal …") and whose amounts do not contradict each other, or whose amounts agree on every soort and year both
/// print (at least one not 0) and whose names share a word. Amounts agree when they are equal, or within 500 (thousand euros)
/// where one publication prints in € mln; a difference beyond that is no match. A candidate that fits two artikelen equally
/// well is no match.</item>
/// <item>An artikel left over while the stand has artikelen left over that print amounts for the same soort and year is a pair that
/// cannot be matched: it is a finding, and never a second artikel. One left over with no such counterpart is an artikel only
/// this publication gives, and is added as it is — unless its number is another artikel's in the stand (then it is a finding too).</item>
/// </list>
/// </summary>
public static class Artikelkoppeling
{
    /// <summary>Half a million euros: the most a figure printed in € mln (IXA in the budgettaire tabellen) differs from the same figure in € 1.000.</summary>
    public const long Afrondingsmarge = 500;

    public static Koppeling Koppel(IReadOnlyDictionary<int, Artikelbeeld> stand, IReadOnlyDictionary<int, Artikelbeeld> publicatie)
    {
        var nummers = new Dictionary<int, int>();
        foreach (var nummer in publicatie.Keys.Where(stand.ContainsKey))
        {
            // The same number is the same artikel, unless nothing agrees: no word of the names, and every amount both print differs.
            if (!NietsGemeen(stand[nummer], publicatie[nummer])) nummers[nummer] = nummer;
        }

        var overigPublicatie = publicatie.Values.Where(a => !nummers.ContainsKey(a.Nummer)).OrderBy(a => a.Nummer).ToList();
        var overigStand = stand.Values.Where(a => !nummers.ContainsValue(a.Nummer)).OrderBy(a => a.Nummer).ToList();

        // Every acceptable pair with its score; taken best first, a pair only while both sides are free and neither side has a
        // second pair of the same score (an ambiguous match is no match).
        var paren = (from p in overigPublicatie
                     from s in overigStand
                     let score = Score(s, p)
                     where score > 0
                     select (p, s, score)).ToList();
        var doorNaam = new List<(int, int)>();
        var bezetStand = new HashSet<int>();
        foreach (var (p, s, score) in paren.OrderByDescending(x => x.score).ThenBy(x => x.p.Nummer).ThenBy(x => x.s.Nummer))
        {
            if (nummers.ContainsKey(p.Nummer) || bezetStand.Contains(s.Nummer)) continue;
            var gelijkwaardig = paren.Count(x => x.score == score && ((x.p == p && !bezetStand.Contains(x.s.Nummer)) || (x.s == s && !nummers.ContainsKey(x.p.Nummer))));
            if (gelijkwaardig > 1) continue;
            nummers[p.Nummer] = s.Nummer;
            bezetStand.Add(s.Nummer);
            doorNaam.Add((p.Nummer, s.Nummer));
        }

        var ongekoppeld = new List<(int, IReadOnlyList<int>)>();
        foreach (var p in overigPublicatie.Where(p => !nummers.ContainsKey(p.Nummer)))
        {
            var kandidaten = overigStand.Where(s => !bezetStand.Contains(s.Nummer) && s.Bedragen.Keys.Any(p.Bedragen.ContainsKey)).Select(s => s.Nummer).ToList();
            // Its number is another artikel's in the stand: added as it is, it would be taken for that artikel.
            if (kandidaten.Count == 0 && stand.ContainsKey(p.Nummer)) kandidaten.Add(p.Nummer);
            if (kandidaten.Count > 0) ongekoppeld.Add((p.Nummer, kandidaten));
            else nummers[p.Nummer] = p.Nummer;  // an artikel only this publication gives: no artikel of the stand it could be
        }
        return new Koppeling(nummers, doorNaam, ongekoppeld);
    }

    /// <summary>Two artikelen with nothing in common: no word of their names, and amounts for the same soort and year that all differ beyond rounding.</summary>
    private static bool NietsGemeen(Artikelbeeld stand, Artikelbeeld publicatie)
    {
        var gemeenschappelijk = stand.Bedragen.Keys.Where(publicatie.Bedragen.ContainsKey).ToList();
        return gemeenschappelijk.Count > 0
            && gemeenschappelijk.All(k => Math.Abs(stand.Bedragen[k] - publicatie.Bedragen[k]) > Afrondingsmarge)
            && stand.Namen.All(a => publicatie.Namen.All(b => Naamovereenkomst(a, b) == 0));
    }

    /// <summary>0 when the two cannot be the same artikel; higher is a better match (names first, then amounts).</summary>
    private static double Score(Artikelbeeld stand, Artikelbeeld publicatie)
    {
        var naam = stand.Namen.SelectMany(a => publicatie.Namen.Select(b => Naamovereenkomst(a, b))).DefaultIfEmpty(0).Max();
        var gemeenschappelijk = stand.Bedragen.Keys.Where(publicatie.Bedragen.ContainsKey).ToList();
        var tegenstrijdig = gemeenschappelijk.Any(k => Math.Abs(stand.Bedragen[k] - publicatie.Bedragen[k]) > Afrondingsmarge);
        var gelijk = gemeenschappelijk.Count(k => stand.Bedragen[k] == publicatie.Bedragen[k]);
        var allesGelijkEnIetsNietNul = gemeenschappelijk.Count > 0 && gelijk == gemeenschappelijk.Count && gemeenschappelijk.Any(k => stand.Bedragen[k] != 0);
        if (tegenstrijdig) return 0;
        if (naam >= 1.0 || (naam >= 0.5 && gemeenschappelijk.Count > 0)) return naam + (allesGelijkEnIetsNietNul ? 1 : 0) + (double)gelijk / Math.Max(1, gemeenschappelijk.Count) / 10;
        if (naam > 0 && allesGelijkEnIetsNietNul) return naam + 1;
        return 0;
    }

    /// <summary>The share of the shorter name's words that the other name has (1 when one name's words are all in the other's).</summary>
    public static double Naamovereenkomst(string a, string b)
    {
        var wa = Woorden(a);
        var wb = Woorden(b);
        if (wa.Count == 0 || wb.Count == 0) return 0;
        return (double)wa.Intersect(wb).Count() / Math.Min(wa.Count, wb.Count);
    }

    /// <summary>
    /// Words that carry meaning, compared without case, accents or punctuation ("Inlichtingen- en" is "inlichtingen"): the words
    /// and the folding of the search rule (<see cref="Zoekterm.Woordenvan"/>), which also holds under invariant
    /// globalization, where string.Normalize does not take the accents off.
    /// </summary>
    private static HashSet<string> Woorden(string naam) =>
        Zoekterm.Woordenvan(naam).Where(w => !Lidwoorden.Contains(w)).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> Lidwoorden = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "van", "voor", "in", "op", "te", "met", "aan", "der", "den", "of",
    };
}
