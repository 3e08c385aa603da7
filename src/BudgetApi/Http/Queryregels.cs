using BudgetApi.Laden;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Http;

/// <summary>
/// The rules every query shares, written once: a begroting that exists, a known soort, a year within the data.
/// Each message names what is allowed, so a 400 tells the client how to mend the request.
/// </summary>
public static class Queryregels
{
    public static IRuleBuilderOptions<T, string?> BestaandeBegroting<T>(this IRuleBuilder<T, string?> regel, Catalogus catalogus) =>
        regel.Must(b => b is null || catalogus.ZoekBegroting(b) is not null)
            .WithMessage((_, b) => $"Onbekende begroting '{b}'; toegestaan: {string.Join(", ", catalogus.BegrotingenMetStanden.Select(x => x.Code))} (of hun hoofdstuk, zoals VI).");

    /// <summary>A begroting that must be given (the resources about one begroting: aandelen, mutaties, uitputting) and must exist.</summary>
    public static IRuleBuilderOptions<T, string?> VerplichteBegroting<T>(this IRuleBuilder<T, string?> regel, Catalogus catalogus) =>
        regel.NotEmpty().WithMessage($"begroting is verplicht (één begroting); toegestaan: {string.Join(", ", catalogus.BegrotingenMetStanden.Select(b => b.Code))}.")
            .BestaandeBegroting(catalogus);

    public static IRuleBuilderOptions<T, string?> BekendeWaarde<T>(this IRuleBuilder<T, string?> regel, string parameter, IReadOnlyList<string> toegestaan) =>
        regel.Must(w => w is null || toegestaan.Contains(w, StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, w) => $"Onbekende waarde '{w}' voor {parameter}; toegestaan: {string.Join(", ", toegestaan)}.");

    /// <summary>q= of a searchable collection (Domein.Zoekterm): a 400 for an empty or over-long question, or one without a word.</summary>
    public static IRuleBuilderOptions<T, string?> Zoekvraag<T>(this IRuleBuilder<T, string?> regel) =>
        regel.Must(q => Domein.Zoekterm.Fout(q) is null).WithMessage((_, q) => Domein.Zoekterm.Fout(q)!);

    /// <summary>
    /// regel= (one line below an artikel, by its path with its own omschrijving: /standenreeks, /verloop and their tables): it asks
    /// for the artikel it is under, and is bounded in length as a search question is.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> RegelOnderArtikel<T>(this IRuleBuilder<T, string?> regel, Func<T, int?> artikel) =>
        regel.Must((q, r) => r is null || artikel(q) is not null).WithMessage("regel vraagt een artikel: geef ook artikel (bijvoorbeeld artikel=31).")
            .Must(r => r is null || r.Length <= Domein.Zoekterm.MaximaleLengte * 5)
            .WithMessage($"regel is te lang; toegestaan: ten hoogste {Domein.Zoekterm.MaximaleLengte * 5} tekens.");

    /// <summary>What q= says in every searchable collection's documentation.</summary>
    public const string ZoekvraagUitleg = "Zoek op woorden: elk woord moet een woord van de naam beginnen (hoofdletters en accenten maken niet uit: " +
                                          "'justitiele' vindt 'justitiële'); 1 tot en met 100 tekens. Bijvoorbeeld: Politie";

    /// <summary>The canonical value of a case-insensitive code (uitgaven, Uitgaven → uitgaven).</summary>
    public static string? Canoniek(string? waarde, IReadOnlyList<string> toegestaan) =>
        waarde is null ? null : toegestaan.FirstOrDefault(t => t.Equals(waarde, StringComparison.OrdinalIgnoreCase));

    /// <summary>Soort of a budget line; 'saldo' (uitgaven − ontvangsten) is allowed only where an endpoint computes it.</summary>
    public static readonly IReadOnlyList<string> Soorten = Domein.Begrotingscodes.Soorten;

    public static readonly IReadOnlyList<string> SoortenMetSaldo = [.. Domein.Begrotingscodes.Soorten, "saldo"];

    /// <summary>The begrotingen a repeatable begroting parameter names, each once, in the order asked; unknown codes are left out (the validator reports them).</summary>
    public static IReadOnlyList<Begroting> Begrotingen(IEnumerable<string>? codes, Catalogus catalogus) =>
        (codes ?? []).Select(catalogus.ZoekBegroting).OfType<Begroting>().Distinct().ToList();
}
