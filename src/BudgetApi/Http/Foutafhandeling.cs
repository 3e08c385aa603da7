using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace BudgetApi.Http;

/// <summary>
/// A query value that cannot be bound (vanJaar=abc) is the client's mistake: a 400 naming the parameter, never a 500.
/// Anything else unexpected is a 500 problem without internals.
/// </summary>
public static partial class Foutafhandeling
{
    public static IApplicationBuilder GebruikFoutafhandeling(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        // A client's mistake is not a server error: it is logged below as information, without a stack.
        SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException,
        ExceptionHandler = Beantwoord,
    });

    private static async Task Beantwoord(HttpContext context)
    {
        var uitzondering = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        IResult antwoord;
        if (uitzondering is BadHttpRequestException bad)
        {
            var m = BindFout().Match(bad.Message);
            antwoord = m.Success
                ? Problemen.OngeldigeParameter(Validatie.Parameternaam(m.Groups["naam"].Value),
                    $"Parameter '{Validatie.Parameternaam(m.Groups["naam"].Value)}': '{m.Groups["waarde"].Value}' is geen geldige waarde; verwacht {Verwacht(m.Groups["type"].Value)}.")
                : bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? TypedResults.Problem(title: "Verzoek te groot", statusCode: StatusCodes.Status413PayloadTooLarge,
                        type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.14",
                        detail: $"Het verzoek is groter dan de {context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes die deze operatie aanneemt.")
                    // The framework's own message names C# types and parameters: it stays in the log.
                    : TypedResults.Problem(title: "Ongeldig verzoek", statusCode: StatusCodes.Status400BadRequest,
                        type: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1", detail: "Het verzoek kon niet worden gelezen.");
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Foutafhandeling))
                .LogInformation("Ongeldig verzoek: {Melding}", bad.Message);
        }
        else
        {
            antwoord = TypedResults.Problem(title: "Interne fout", detail: "Er ging iets mis bij het beantwoorden van dit verzoek.", statusCode: 500);
        }
        await antwoord.ExecuteAsync(context);
    }

    // With [AsParameters] the framework names the type Nullable<int>; without, int?.
    private static string Verwacht(string type) => Regex.Replace(type, @"^Nullable<(.+)>\z", "$1").TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "een geheel getal",
        "decimal" => "een getal",
        _ => $"een waarde van het type {type}",
    };

    // The framework's message: Failed to bind parameter "int? VanJaar" from "abc".
    [GeneratedRegex("""parameter "(?<type>[^ "]+) (?<naam>[^"]+)" from "(?<waarde>.*)"\.?""")]
    private static partial Regex BindFout();
}
