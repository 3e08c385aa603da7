using BudgetApi.Laden;
using BudgetApi.Opslag;

namespace BudgetApi.Bevindingen;

/// <summary>
/// How many people an organisation's fte can hold. A person works at most one fte, so a whole organisation has at least as
/// many people as fte; and a whole organisation whose people work on average less than half a fte is not credible (part-time
/// work in the Rijksdienst averages far above that). So people ÷ fte lies between 1 and 2. One rule for kinds 3 and 5.
/// </summary>
internal static class PersonenPerFte
{
    public const decimal MaximaalPersonenPerFte = 2m;

    /// <summary>The staff employed (bezetting, fte) of a whole organisation, against head counts that together are the whole.</summary>
    public sealed record Vergelijking(OrganisatiefeitRegel Fte, IReadOnlyList<OrganisatiefeitRegel> Personen);

    public static bool Past(decimal personen, decimal fte) => personen >= fte && personen <= fte * MaximaalPersonenPerFte;

    /// <summary>
    /// Each whole-organisation bezetting (no reikwijdte, of the current years or undated) against each head count of the whole
    /// organisation: one without reikwijdte, or a part 'alleen X' with its complement 'excl. X' (2.700 rechters en raadsheren
    /// and the Rechtspraakmedewerkers without them are together the Rechtspraak).
    /// </summary>
    public static IEnumerable<Vergelijking> Vergelijkingen(Documentgegevens g)
    {
        foreach (var organisatie in g.Cijfers.GroupBy(c => c.Organisatie))
        {
            var fte = organisatie.Where(c => c.Meting == "bezetting" && c.Reikwijdte is null && Huidig(c, g)).ToList();
            var personen = organisatie.Where(c => c.Meting == "medewerkers" && c.Eenheid == "personen" && c.Tabel is null && Huidig(c, g)).ToList();
            var gehelen = personen.Where(p => p.Reikwijdte is null).Select(p => (IReadOnlyList<OrganisatiefeitRegel>)[p]).ToList();
            foreach (var deel in personen.Where(p => p.Reikwijdte?.StartsWith("alleen ", StringComparison.Ordinal) == true))
            {
                var rest = personen.FirstOrDefault(p => p.Reikwijdte == "excl. " + deel.Reikwijdte!["alleen ".Length..]);
                if (rest is not null) gehelen.Add([deel, rest]);
            }
            foreach (var f in fte)
                foreach (var geheel in gehelen)
                    yield return new Vergelijking(f, geheel);
        }
    }

    /// <summary>A head count as a reader of the document reads it: every point a thousands separator ("10.8000" → 108.000).</summary>
    public static decimal AlsGedrukt(OrganisatiefeitRegel f) =>
        GedruktGetal.Eerste(f.ZoalsGedrukt) is { } g ? g.AlsGedruktGelezen * GedruktGetal.Factor(f.ZoalsGedrukt, Codes.IsTelEenheid(f.Eenheid)) : f.Waarde;

    /// <summary>"2.700 + 108.000 = 110.700 personen voor 12.205 fte: 9,07 personen per fte".</summary>
    public static string Som(IEnumerable<decimal> personen, decimal fte)
    {
        var lijst = personen.ToList();
        var totaal = lijst.Sum();
        var som = lijst.Count == 1 ? Cijfers.Getal(totaal) : string.Join(" + ", lijst.Select(Cijfers.Getal)) + " = " + Cijfers.Getal(totaal);
        return $"{som} personen voor {Cijfers.Getal(fte)} fte: {Cijfers.Getal(Math.Round(totaal / fte, 2, MidpointRounding.AwayFromZero))} personen per fte";
    }

    private static bool Huidig(OrganisatiefeitRegel c, Documentgegevens g) =>
        (c.Jaar is null && c.Peildatum is null) || g.IsHuidig(c.Peildatum?.Year ?? (int)c.Jaar!.Value);
}
