namespace BudgetApi.Http;

/// <summary>
/// The service's own address as the public knows it (setting <c>Budget:PubliekeUrl</c>, e.g. https://begroting.minjenv.nl), for
/// every address the service writes into an answer that is not relative to the request (a redirect, the Excel "Toelichting").
/// Never the request's Host header: a client chooses that, and a cache or a shared link would carry its choice to others. Without
/// the setting an address is relative to the server (path and query only), which every client resolves against where it asked.
/// </summary>
public static class Publiekadres
{
    public const string Sleutel = "Budget:PubliekeUrl";

    /// <summary>The public base URL followed by the path base, <paramref name="pad"/> and <paramref name="query"/> (each as sent, encoded).</summary>
    public static string Van(HttpContext http, string pad, QueryString query = default)
    {
        var basis = http.RequestServices.GetService<IConfiguration>()?[Sleutel]?.TrimEnd('/') ?? "";
        return basis + http.Request.PathBase.ToUriComponent() + new PathString(pad).ToUriComponent() + query.ToUriComponent();
    }
}
