namespace BudgetApi.Http;

/// <summary>
/// Percentages and growth rates, computed exactly in decimal from the integer amounts and rounded once, here.
/// No double anywhere: a response never shows floating-point noise.
/// </summary>
public static class Rekenen
{
    public const int Decimalen = 2;

    public const string Afronding =
        "Percentages en groeicijfers exact berekend uit de gehele bedragen en eenmaal afgerond op 2 decimalen (half van nul af).";

    public const string AfrondingAandelen =
        "Aandelen exact berekend en afgerond op 2 decimalen met de methode van de grootste resten, zodat de aandelen van één niveau samen precies 100,00 zijn.";

    public static decimal Rond(decimal waarde) => Math.Round(waarde, Decimalen, MidpointRounding.AwayFromZero);

    /// <summary>deel / geheel in percent, rounded; null when the whole is 0 or unknown.</summary>
    public static decimal? Procent(long? deel, long? geheel) =>
        deel is null || geheel is null || geheel == 0 ? null : Rond(100m * deel.Value / geheel.Value);

    /// <summary>The change against the previous year in percent; null without a previous year or when it was 0.</summary>
    public static decimal? MutatieProcent(long? huidig, long? vorig) =>
        huidig is null || vorig is null || vorig == 0 ? null : Rond(100m * (huidig.Value - vorig.Value) / Math.Abs(vorig.Value));

    /// <summary>
    /// Average annual growth (CAGR) from the first to the last year, in percent: (laatste / eerste)^(1/jaren) − 1.
    /// The root is taken by Newton's method in decimal (28 significant digits), so the rounded result is exact and repeatable.
    /// Null when it is undefined: fewer than two years, a missing figure, or a first or last amount that is not positive.
    /// </summary>
    public static decimal? GemiddeldeGroeiProcent(long? eerste, long? laatste, int jaren)
    {
        if (jaren < 1 || eerste is null || laatste is null || eerste <= 0 || laatste <= 0) return null;
        var verhouding = (decimal)laatste.Value / eerste.Value;
        return Rond((Wortel(verhouding, jaren) - 1m) * 100m);
    }

    /// <summary>The n-th root of a positive decimal.</summary>
    public static decimal Wortel(decimal x, int n)
    {
        if (n == 1) return x;
        var r = x > 1m ? 1m + (x - 1m) / n : 1m; // a start above or at the root keeps Newton monotone
        if (r < 1m) r = 1m;
        for (var i = 0; i < 200; i++)
        {
            var macht = Macht(r, n - 1);
            var volgende = r - (macht * r - x) / (n * macht);
            if (volgende == r) break;
            r = volgende;
        }
        return r;
    }

    private static decimal Macht(decimal grondtal, int exponent)
    {
        var resultaat = 1m;
        for (var i = 0; i < exponent; i++) resultaat *= grondtal;
        return resultaat;
    }

    /// <summary>
    /// Rounds shares so they add up to exactly 100.00 (largest remainder): each share is floored to 2 decimals, and the
    /// hundredths still missing go to the shares with the largest remainders. Negative or zero wholes give nulls.
    /// </summary>
    public static IReadOnlyList<decimal?> AandelenTot100(IReadOnlyList<long?> delen)
    {
        var geheel = delen.Sum(d => d ?? 0);
        if (geheel <= 0 || delen.Any(d => d < 0)) return delen.Select(d => (decimal?)null).ToList();
        var exact = delen.Select(d => 10_000m * (d ?? 0) / geheel).ToList(); // in hundredths of a percent
        var omlaag = exact.Select(Math.Floor).ToList();
        var tekort = 10_000m - omlaag.Sum();
        foreach (var i in exact.Select((e, i) => (Restant: e - omlaag[i], i)).OrderByDescending(x => x.Restant).ThenBy(x => x.i).Take((int)tekort).Select(x => x.i))
        {
            omlaag[i] += 1m;
        }
        return omlaag.Select((o, i) => delen[i] is null ? null : (decimal?)(o * 0.01m)).ToList(); // * 0.01m keeps two decimals: 2.80, 100.00
    }
}
