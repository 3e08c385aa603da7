using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Http;

/// <summary>One invalid parameter: its name as the client wrote it, and what was wrong.</summary>
public sealed record OngeldigeParameter(string Name, string Reason);

/// <summary>The one shape of every error (RFC 9457 problem details), with the invalid parameters named.</summary>
public static class Problemen
{
    public static ProblemHttpResult OngeldigeParameters(IReadOnlyList<OngeldigeParameter> fouten)
    {
        var namen = string.Join(", ", fouten.Select(f => f.Name).Distinct());
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
            Title = fouten.Count == 1 ? $"Ongeldige parameter: {namen}" : $"Ongeldige parameters: {namen}",
            Detail = string.Join(" ", fouten.Select(f => f.Reason)),
        };
        problem.Extensions["invalidParams"] = fouten;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult OngeldigeParameter(string naam, string reden) => OngeldigeParameters([new OngeldigeParameter(naam, reden)]);

    public static ProblemHttpResult NietGevonden(string naam, string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5",
        Title = $"Niet gevonden: {naam}",
        Detail = detail,
    });
}
