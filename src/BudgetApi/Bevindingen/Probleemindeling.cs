using System.Globalization;
using BudgetApi.Domein;

namespace BudgetApi.Bevindingen;

/// <summary>One problem: the findings of one check that fails the same way for the same figure, one per year it fails in.</summary>
/// <param name="Id">The findings' id without the year (all ids of one problem differ only there); a finding about no year keeps its own id.</param>
/// <param name="Bevindingen">The findings, in the list's order (their years ascending).</param>
public sealed record Probleem(string Id, IReadOnlyList<Bevinding> Bevindingen)
{
    public Bevinding Eerste => Bevindingen[0];

    /// <summary>The years the problem is found in, ascending; empty for a finding about no one year.</summary>
    public IReadOnlyList<int> Jaren => [.. Bevindingen.Select(Probleemindeling.Jaar).OfType<int>().Distinct().Order()];
}

/// <summary>
/// The list of findings read per problem (issue 16): where the same check fails the same way for the same figure in several
/// years — B. Ontvangsten JenV's TOTAAL in 2026 to 2030, a total line of the budgettaire tabellen in 2014 to 2020 — the analyst
/// reads one problem listing its years, with each year's finding (its figures and provenance) beneath it.
/// Rule: two findings are one problem when they have the same soort and ernst and their ids are equal once the year each ends
/// with is removed, where that year is the year of the figure the finding turns on (its first). Nothing else is merged: a
/// finding whose id does not end with its figure's year is a problem of its own.
/// </summary>
public static class Probleemindeling
{
    /// <summary>The problems of a list of findings, in the order of each problem's first finding.</summary>
    public static IReadOnlyList<Probleem> Van(IReadOnlyList<Bevinding> bevindingen)
    {
        var groepen = new Dictionary<(string Stam, string Soort, string Ernst), List<Bevinding>>();
        var volgorde = new List<(string Stam, string Soort, string Ernst)>();
        foreach (var b in bevindingen)
        {
            var sleutel = (Stam(b), b.Soort, b.Ernst);
            if (!groepen.TryGetValue(sleutel, out var groep))
            {
                groepen[sleutel] = groep = [];
                volgorde.Add(sleutel);
            }
            groep.Add(b);
        }
        // Two problems with one stem differ in ernst (a year that fails otherwise): each keeps a unique id by naming its ernst.
        var dubbel = volgorde.GroupBy(s => s.Stam).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return volgorde.Select(s => new Probleem(
                dubbel.Contains(s.Stam) ? $"{s.Stam}/{s.Ernst}" : s.Stam,
                groepen[s].OrderBy(b => Jaar(b) ?? int.MinValue).ToList()))
            .ToList();
    }

    /// <summary>The year a finding is about: the year of the figure it turns on.</summary>
    public static int? Jaar(Bevinding b) => b.Cijfers.Count == 0 ? null : b.Cijfers[0].Jaar;

    /// <summary>The id without the year it ends with, when that is the finding's year; else the id itself.</summary>
    public static string Stam(Bevinding b)
    {
        if (Jaar(b) is not { } jaar) return b.Id;
        var staart = "/" + jaar.ToString(CultureInfo.InvariantCulture);
        return b.Id.EndsWith(staart, StringComparison.Ordinal) && b.Id.Length > staart.Length ? b.Id[..^staart.Length] : b.Id;
    }

    /// <summary>
    /// What the problem is, in Dutch: one finding's own explanation; for several years, the years and then the first year's
    /// explanation, whose figures each later year repeats with its own (listed per year beside it).
    /// </summary>
    public static string Uitleg(Probleem p)
    {
        if (p.Bevindingen.Count == 1) return p.Eerste.Uitleg;
        var jaren = p.Jaren;
        return $"Dezelfde bevinding in {jaren.Count} jaren: {Opsomming(jaren)}; de cijfers van elk jaar staan erbij. " +
               $"Zo in {jaren[0].ToString(CultureInfo.InvariantCulture)}: {p.Eerste.Uitleg}";
    }

    /// <summary>"2026, 2027 en 2028".</summary>
    public static string Opsomming(IReadOnlyList<int> jaren)
    {
        var teksten = jaren.Select(j => j.ToString(CultureInfo.InvariantCulture)).ToList();
        return teksten.Count == 1 ? teksten[0] : $"{string.Join(", ", teksten.Take(teksten.Count - 1))} en {teksten[^1]}";
    }
}
