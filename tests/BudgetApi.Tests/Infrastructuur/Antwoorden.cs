using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>Reading the API's answers in tests: the JSON envelope, the CSV form, and problem details.</summary>
public static class Antwoorden
{
    /// <summary>GET a collection as JSON; asserts 200 and returns its rows and metadata as JSON nodes.</summary>
    public static async Task<(JsonArray Gegevens, JsonObject Metadata)> GetLijst(this HttpClient client, string url)
    {
        var antwoord = await client.GetAsync(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, tekst);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = JsonNode.Parse(tekst)!.AsObject();
        return (body["gegevens"]!.AsArray(), body["metadata"]!.AsObject());
    }

    /// <summary>
    /// GET every page of a paged collection (/bevindingen, /aansluitingen, /bedragen) by following metadata.paginering.volgende
    /// from <paramref name="url"/>; returns every row in order and the first page's metadata.
    /// </summary>
    public static async Task<(JsonArray Gegevens, JsonObject Metadata)> GetAllePaginas(this HttpClient client, string url)
    {
        var alle = new JsonArray();
        JsonObject? eerste = null;
        for (string? volgende = url; volgende is not null;)
        {
            var (gegevens, metadata) = await client.GetLijst(volgende);
            eerste ??= metadata;
            foreach (var rij in gegevens) alle.Add(rij!.DeepClone());
            volgende = metadata["paginering"]?["volgende"]?.GetValue<string>();
        }
        return (alle, eerste!);
    }

    /// <summary>GET a collection as CSV; asserts 200, text/csv, BOM and file name, and returns the rows by header name.</summary>
    public static async Task<List<Dictionary<string, string>>> GetCsv(this HttpClient client, string url)
    {
        var antwoord = await client.GetAsync(url);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        antwoord.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().EndWith(".csv");
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the UTF-8 BOM");
        using var lezer = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)),
            new CsvConfiguration(CultureInfo.InvariantCulture));
        var rijen = new List<Dictionary<string, string>>();
        lezer.Read();
        lezer.ReadHeader();
        while (lezer.Read())
        {
            rijen.Add(lezer.HeaderRecord!.ToDictionary(k => k, k => lezer.GetField(k)!));
        }
        return rijen;
    }

    /// <summary>GET that must fail: asserts the status and application/problem+json with status, title and detail.</summary>
    public static async Task<JsonObject> GetProbleem(this HttpClient client, string url, HttpStatusCode status) =>
        await (await client.GetAsync(url)).AlsProbleem(status);

    /// <summary>An answer that must be a problem: asserts the status and application/problem+json with status, title and detail.</summary>
    public static async Task<JsonObject> AlsProbleem(this HttpResponseMessage antwoord, HttpStatusCode status)
    {
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(status, tekst);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = JsonNode.Parse(tekst)!.AsObject();
        body["status"]!.GetValue<int>().Should().Be((int)status);
        body["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        body["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return body;
    }

    /// <summary>The names of the parameters a 400 problem lists as invalid.</summary>
    /// <summary>The answer's JSON body, after asserting its status (the body is the reason when it differs).</summary>
    public static async Task<JsonObject> Json(HttpResponseMessage antwoord, HttpStatusCode status)
    {
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(status, tekst);
        return JsonNode.Parse(tekst)!.AsObject();
    }

    /// <summary>
    /// POST /v1/standen as an importer sends it: the file as text/csv, a bearer token (null: none), If-Match when given. The one
    /// way the import tests send a stand, so a change to the import's request (a header, the content type) is made once.
    /// </summary>
    public static async Task<HttpResponseMessage> Importeer(this HttpClient client, string inhoud, string? token, string query = "", string? ifMatch = null)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen" + query) { Content = new StringContent(inhoud, System.Text.Encoding.UTF8, "text/csv") };
        if (token is not null) verzoek.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null) verzoek.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(verzoek);
    }

    public static IEnumerable<string> OngeldigeParameters(this JsonObject probleem) =>
        probleem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());

    public static long Bedrag(this JsonNode rij, string veld) => rij[veld]!.GetValue<long>();

    public static decimal Getal(this JsonNode rij, string veld) => rij[veld]!.GetValue<decimal>();

    public static string Tekst(this JsonNode rij, string veld) => rij[veld]!.GetValue<string>();
}
