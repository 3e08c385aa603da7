using BudgetApi.Domein;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// One source of findings: the document's figures (<see cref="Documentbevindingen"/>) today; the open-data files and the
/// rules of the budget cycle are further sources of the same list.
/// </summary>
public interface IBevindingbron
{
    /// <summary>Every finding of this source in the loaded data. Called once: the data do not change while the service runs.</summary>
    IEnumerable<Bevinding> Vind();
}

/// <summary>
/// The one list of findings: the findings of every registered source, computed once on first use, in one order (kind, then
/// the line of the first figure, then id). A source adds findings; it never filters or rewrites another's.
/// </summary>
public sealed class Bevindinglijst(IEnumerable<IBevindingbron> bronnen)
{
    /// <summary>The list of one version of the data: the document's findings and the standen's.</summary>
    public static Bevindinglijst Van(Gegevens g)
    {
        var aansluitingen = Features.Aansluitingberekening.Lijst.Van(g);
        return g.Berekend(_ => new Bevindinglijst([new Documentbevindingen(g.Db, g.Catalogus, aansluitingen), new Standbevindingen(g.Db, g.Catalogus, aansluitingen)]));
    }

    private readonly Lazy<IReadOnlyList<Bevinding>> _alle = new(() => Stel(bronnen));

    public IReadOnlyList<Bevinding> Alle => _alle.Value;

    private static IReadOnlyList<Bevinding> Stel(IEnumerable<IBevindingbron> bronnen)
    {
        var alle = bronnen.SelectMany(b => b.Vind()).ToList();
        // An id says what a finding is about; two findings about the same thing are one rule's mistake, not two findings.
        if (alle.GroupBy(b => b.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
        {
            throw new InvalidOperationException($"Twee bevindingen met id '{dubbel.Key}'.");
        }
        return alle
            .OrderBy(b => Volgorde(b.Soort))
            .ThenBy(b => b.Cijfers.Count == 0 ? int.MaxValue : b.Cijfers[0].BronRegel)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static int Volgorde(string soort)
    {
        for (var i = 0; i < Bevindingsoorten.Soorten.Count; i++) if (Bevindingsoorten.Soorten[i] == soort) return i;
        return int.MaxValue;
    }
}
