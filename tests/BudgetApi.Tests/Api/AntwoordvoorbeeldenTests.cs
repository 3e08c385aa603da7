using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The response examples of the OpenAPI document (Swagger UI shows them) are real answers of the bundled data: for every JSON
/// operation, the answer to its parameters' examples (what "Try it out" sends) with the rows cut to the first few. An example that
/// disagrees with the service is a defect, so this test compares each with a fresh answer. With BUDGETAPI_VOORBEELDEN_SCHRIJVEN=1 it
/// writes src/BudgetApi/Http/Antwoordvoorbeelden.json instead (a new operation, or data that changed on purpose); the build then puts
/// them into the document.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class AntwoordvoorbeeldenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Elk_voorbeeldantwoord_is_wat_de_dienst_op_de_voorbeelden_antwoordt()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Bestand("openapi/budgetapi.json")))!;
        var echt = new JsonObject();
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } operatie || operatie["responses"]!["200"]!["content"]!["application/json"] is null) continue;
            var url = "/v1" + pad;
            var query = new List<string>();
            foreach (var parameter in (operatie["parameters"]?.AsArray() ?? []).Select(p => Contract.Los(document, p!)))
            {
                var naam = parameter["name"]!.GetValue<string>();
                var waarden = parameter["example"] is JsonArray lijst ? lijst.Select(w => w!.ToString()) : [parameter["example"]!.ToString()];
                if (parameter["in"]!.GetValue<string>() == "path") url = url.Replace("{" + naam + "}", Uri.EscapeDataString(waarden.Single()));
                else query.AddRange(waarden.Select(w => $"{naam}={Uri.EscapeDataString(w)}"));
            }
            var antwoord = JsonNode.Parse(await _client.GetStringAsync(url + "?" + string.Join("&", query)))!.AsObject();
            // A collection's rows are its gegevens; a table's (/…/tabel) its rijen.
            var sleutel = antwoord.ContainsKey("gegevens") ? "gegevens" : "rijen";
            var regels = antwoord[sleutel]!.AsArray();
            antwoord[sleutel] = new JsonArray([.. regels.Take(Voorbeelden.Voorbeeldregels).Select(r => r!.DeepClone())]);
            echt[operatie["operationId"]!.GetValue<string>()] = antwoord;
        }
        echt.Count.Should().BeGreaterThanOrEqualTo(19);

        var bestand = Repo.Bestand("src/BudgetApi/Http/Antwoordvoorbeelden.json");
        if (Environment.GetEnvironmentVariable("BUDGETAPI_VOORBEELDEN_SCHRIJVEN") == "1")
        {
            await File.WriteAllTextAsync(bestand, echt.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }
        var vastgelegd = JsonNode.Parse(await File.ReadAllTextAsync(bestand))!.AsObject();
        foreach (var (operatie, antwoord) in echt)
        {
            vastgelegd[operatie].Should().NotBeNull($"{operatie} has a response example (BUDGETAPI_VOORBEELDEN_SCHRIJVEN=1 writes it)");
            JsonNode.DeepEquals(vastgelegd[operatie], antwoord).Should().BeTrue($"the example of {operatie} is what the service answers: {antwoord!.ToJsonString()}");
            // And the document carries it, as the build put it there.
            var inDocument = document["paths"]!.AsObject().Select(p => p.Value!["get"]).OfType<JsonNode>().Single(o => o["operationId"]?.GetValue<string>() == operatie);
            JsonNode.DeepEquals(inDocument["responses"]!["200"]!["content"]!["application/json"]!["example"], antwoord).Should().BeTrue($"{operatie}'s example is in the document");
        }
        vastgelegd.Select(v => v.Key).Should().BeEquivalentTo(echt.Select(e => e.Key), "no example of an operation that is gone");
    }
}
