using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.Extensions;

namespace BudgetApi.Http;

/// <summary>A query of a paged resource: pagina and paginaGrootte, as /bedragen has them.</summary>
public interface IGepagineerd
{
    int? Pagina { get; }

    int? PaginaGrootte { get; }
}

/// <summary>
/// Paging, one way for every resource whose answer grows with the data (/bedragen, /aansluitingen, /bevindingen): pagina from
/// 1, paginaGrootte 1 to 1000 (default 100), the rows in the resource's own stable order, metadata.paginering with the total
/// and the links, and the same links in the Link header. A page past the end is answered empty; its 'vorige' points to the
/// last page that has rows.
/// </summary>
public static class Bladeren
{
    public const int GrootstePagina = 1000;
    public const int StandaardPaginaGrootte = 100;

    public const string PaginaUitleg = "Paginanummer, vanaf 1.";
    public const string PaginaGrootteUitleg = "Rijen per pagina, 1 tot en met 1000.";

    /// <summary>The page asked for, with the defaults filled in.</summary>
    public static (int Pagina, int Grootte) Gevraagd(IGepagineerd query) => (query.Pagina ?? 1, query.PaginaGrootte ?? StandaardPaginaGrootte);

    /// <summary>pagina and paginaGrootte in range, each a 400 naming it otherwise.</summary>
    public static void PaginaRegels<T>(this AbstractValidator<T> validator) where T : IGepagineerd
    {
        validator.RuleFor(q => q.Pagina)
            .Must(p => p is null or >= 1)
            .WithMessage((_, p) => $"Pagina {p} bestaat niet; toegestaan: 1 of hoger.");
        validator.RuleFor(q => q.PaginaGrootte)
            .Must(g => g is null or >= 1 and <= GrootstePagina)
            .WithMessage((_, g) => $"Paginagrootte {g} kan niet; toegestaan: 1 tot en met {GrootstePagina}.");
    }

    /// <summary>One page of rows already in their stable order, its paging (metadata.paginering) and the Link header.</summary>
    public static (List<T> Rijen, Paginering Paginering) Pagina<T>(IReadOnlyList<T> alle, IGepagineerd query, HttpContext http)
    {
        var (pagina, grootte) = Gevraagd(query);
        var overslaan = (long)(pagina - 1) * grootte;
        var rijen = overslaan >= alle.Count ? [] : alle.Skip((int)overslaan).Take(grootte).ToList();
        return (rijen, Pagineer(http, pagina, grootte, alle.Count));
    }

    /// <summary>
    /// The paging of page <paramref name="pagina"/> of <paramref name="totaal"/> rows, and its links in the Link header (next, prev).
    /// Links keep every other query parameter (filters, sortering, paginaGrootte, formaat) and change only pagina.
    /// </summary>
    public static Paginering Pagineer(HttpContext http, int pagina, int grootte, int totaal)
    {
        var request = http.Request;
        var aantalPaginas = (totaal + grootte - 1) / grootte;
        var vorige = Math.Min(pagina - 1, aantalPaginas);
        var paginering = new Paginering(pagina, grootte, totaal, aantalPaginas,
            Link(request, pagina),
            pagina < aantalPaginas ? Link(request, pagina + 1) : null,
            vorige >= 1 ? Link(request, vorige) : null);
        var koppelingen = new List<string>();
        if (paginering.Volgende is not null) koppelingen.Add($"<{paginering.Volgende}>; rel=\"next\"");
        if (paginering.Vorige is not null) koppelingen.Add($"<{paginering.Vorige}>; rel=\"prev\"");
        if (koppelingen.Count > 0) http.Response.Headers.Link = string.Join(", ", koppelingen);
        return paginering;
    }

    static string Link(HttpRequest request, int pagina)
    {
        var query = new QueryBuilder();
        foreach (var (sleutel, waarden) in request.Query)
        {
            if (sleutel.Equals("pagina", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var waarde in waarden) query.Add(sleutel, waarde ?? "");
        }
        query.Add("pagina", pagina.ToString(CultureInfo.InvariantCulture));
        return $"{request.PathBase}{request.Path}{query.ToQueryString()}";
    }
}
