using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BudgetApi.Http;

/// <summary>
/// Writes every problem, whatever the client's Accept says: the framework's own writer declines when Accept names only
/// text/csv or an image type, and the framework then falls back to a plain-text status page or a problem without traceId.
/// A problem is always application/problem+json (RFC 9457), completed by <see cref="Problemen.VulAan"/>, and never carries
/// exception details, whatever the environment.
/// </summary>
public sealed class Probleemschrijver(IOptions<ProblemDetailsOptions> opties, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var probleem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        probleem.Status ??= response.StatusCode;
        probleem.Type ??= Type(probleem.Status.Value);
        probleem.Title ??= ReasonPhrases.GetReasonPhrase(probleem.Status.Value);
        // The developer exception page puts the exception, its stack and the request's headers here: never sent.
        probleem.Extensions.Remove("exception");
        opties.Value.CustomizeProblemDetails?.Invoke(context);
        var typeInfo = json.Value.SerializerOptions.GetTypeInfo(probleem.GetType());
        return new ValueTask(response.WriteAsJsonAsync(probleem, typeInfo, "application/problem+json", context.HttpContext.RequestAborted));
    }

    private static string Type(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        429 => "https://datatracker.ietf.org/doc/html/rfc6585#section-4",
        431 => "https://datatracker.ietf.org/doc/html/rfc6585#section-5",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        // RFC 9457 §4.2.1: a problem with no more specific type than its status is about:blank; written out, so 'type' is always there.
        _ => "about:blank",
    };
}
