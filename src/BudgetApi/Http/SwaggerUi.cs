using Swashbuckle.AspNetCore.SwaggerUI;

namespace BudgetApi.Http;

/// <summary>
/// Swagger UI at /swagger, in Dutch: its page says lang="nl" (the package's own page says "en"; the document's texts are Dutch, so a
/// screen reader reads them as Dutch), over the OpenAPI document at /v1/openapi.json.
/// </summary>
public static class SwaggerUi
{
    public static void Configureer(SwaggerUIOptions ui)
    {
        ui.SwaggerEndpoint(OpenApiDocument.Prefix + "/openapi.json", "BudgetApi v1");
        ui.RoutePrefix = "swagger";
        ui.DocumentTitle = "BudgetApi — begroting Justitie en Veiligheid";
        ui.IndexStream = Pagina;
    }

    /// <summary>The package's page with lang="nl": its one html element, so a new version of the page keeps everything else.</summary>
    private static Stream Pagina()
    {
        using var bron = typeof(SwaggerUIOptions).Assembly.GetManifestResourceStream("Swashbuckle.AspNetCore.SwaggerUI.index.html")
            ?? throw new InvalidOperationException("Swashbuckle.AspNetCore.SwaggerUI heeft geen index.html meer.");
        using var lezer = new StreamReader(bron);
        var pagina = lezer.ReadToEnd();
        if (!pagina.Contains("<html lang=\"en\">", StringComparison.Ordinal)) throw new InvalidOperationException("De Swagger UI-pagina heeft geen <html lang=\"en\"> meer.");
        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(pagina.Replace("<html lang=\"en\">", "<html lang=\"nl\">", StringComparison.Ordinal)));
    }
}
