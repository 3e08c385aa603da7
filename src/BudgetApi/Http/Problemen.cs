using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Http;

/// <summary>Eén ongeldige parameter: zijn naam zoals de client hem schreef, en wat er mis was.</summary>
/// <param name="Name">De naam van de parameter zoals in de query (camelCase), of 'body'.</param>
/// <param name="Reason">Wat er mis is met de waarde, en wat wel mag.</param>
public sealed record OngeldigeParameter(string Name, string Reason);

/// <summary>The one shape of every error (RFC 9457 problem details), with the invalid parameters named.</summary>
public static class Problemen
{
    public static ProblemHttpResult OngeldigeParameters(IReadOnlyList<OngeldigeParameter> fouten)
    {
        var verschillend = fouten.Select(f => f.Name).Distinct().ToList();
        var namen = string.Join(", ", verschillend);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
            Title = verschillend.Count == 1 ? $"Ongeldige parameter: {namen}" : $"Ongeldige parameters: {namen}",
            Detail = string.Join(" ", fouten.Select(f => f.Reason)),
        };
        problem.Extensions["invalidParams"] = fouten;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult OngeldigeParameter(string naam, string reden) => OngeldigeParameters([new OngeldigeParameter(naam, reden)]);

    /// <summary>Fills in what a problem written by the framework lacks: a Dutch title and a detail that says what happened.</summary>
    public static void VulAan(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var pad = context.HttpContext.Request.Path;
        // The request's id, as in every log line of the request: a client quotes it, an operator finds the lines.
        problem.Extensions["traceId"] = Bedrijfsvoering.Logboek.Verzoekid(context.HttpContext);
        switch (problem.Status)
        {
            case StatusCodes.Status404NotFound when problem.Detail is null:
                problem.Title = "Niet gevonden";
                problem.Detail = $"Er is geen resource op het pad '{pad}'. De resources staan onder /v1; zie /v1/openapi.json.";
                break;
            case StatusCodes.Status405MethodNotAllowed when problem.Detail is null:
                problem.Title = "Methode niet toegestaan";
                problem.Detail = $"'{context.HttpContext.Request.Method}' is niet toegestaan op '{pad}'; toegestaan: {context.HttpContext.Response.Headers.Allow}.";
                break;
            case StatusCodes.Status401Unauthorized when problem.Detail is null:
                problem.Title = "Niet aangemeld";
                problem.Detail = "Dit verzoek vraagt een geldig bearer-token (Authorization: Bearer …); lezen kan zonder, importeren niet.";
                if (context.HttpContext.RequestServices.GetService<IHostEnvironment>()?.IsDevelopment() == true)
                    problem.Detail += " " + Bedrijfsvoering.Ontwikkeltokens.Advies;
                break;
            case StatusCodes.Status403Forbidden when problem.Detail is null:
                problem.Title = "Geen toegang";
                problem.Detail = "Het token is geldig, maar draagt niet de rol 'budget-importeur' (of de scope 'budget.importeren') die importeren vraagt.";
                break;
            case StatusCodes.Status400BadRequest when problem.Detail is null:
                problem.Title = "Ongeldig verzoek";
                problem.Detail = "Het verzoek kon niet worden gelezen.";
                break;
            default:
                problem.Detail ??= problem.Title;
                break;
        }
    }

    public static ProblemHttpResult NietGevonden(string naam, string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5",
        Title = $"Niet gevonden: {naam}",
        Detail = detail,
    });
}
