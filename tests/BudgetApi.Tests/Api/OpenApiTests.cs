using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class OpenApiTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonNode> Document()
    {
        var antwoord = await _client.GetAsync("/v1/openapi.json");
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Het_gepubliceerde_document_is_het_gecommitte_document()
    {
        var gecommit = JsonNode.Parse(await File.ReadAllTextAsync(Repo.Bestand("openapi/budgetapi.json")))!;

        JsonNode.DeepEquals(await Document(), gecommit).Should().BeTrue(
            "openapi/budgetapi.json is written by the build and committed; rebuild and commit it when the API changes");
    }

    [Fact]
    public async Task Het_document_is_voor_iedereen_leesbaar_met_servers_contact_en_semver()
    {
        var verzoek = new HttpRequestMessage(HttpMethod.Get, "/v1/openapi.json");
        verzoek.Headers.Add("Origin", "https://example.org");
        var antwoord = await _client.SendAsync(verzoek);
        antwoord.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");

        var document = await Document();
        document["servers"]![0]!["url"]!.GetValue<string>().Should().Be("/v1");
        document["info"]!["version"]!.GetValue<string>().Should().MatchRegex(@"^\d+\.\d+\.\d+$");
        document["info"]!["contact"]!["email"]!.GetValue<string>().Should().Contain("@");
        antwoord.Headers.GetValues("API-Version").Single().Should().Be(document["info"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wat_generatoren_nodig_hebben_staat_erin_licentie_tags_security_headers_en_gesloten_objecten()
    {
        var document = await Document();
        document["info"]!["license"]!["name"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        foreach (var tag in document["tags"]!.AsArray()) tag!["description"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(tag["name"]!.GetValue<string>());

        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                var security = operatie!["security"]!.AsArray();
                if (methode == "post") security.Single()!.AsObject().Should().ContainKey("bearer", "only the import needs a token");
                else security.Should().BeEmpty($"{methode} {pad} is public: security: []");
                if (methode == "get") operatie["responses"]!["200"]!["headers"]!.AsObject().Should().ContainKey("ETag", $"{methode} {pad}");
            }
        }
        var import = document["paths"]!["/standen"]!["post"]!;
        import["parameters"]!.AsArray().Should().Contain(p => p!["in"]!.GetValue<string>() == "header" && p["name"]!.GetValue<string>() == "If-Match");
        import["requestBody"]!["content"]!["application/octet-stream"]!["schema"]!["format"]!.GetValue<string>().Should().Be("binary");

        foreach (var (naam, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (schema!["properties"] is null) continue;
            var verwacht = naam != "ProblemDetails";  // a problem is open by RFC 9457
            if (verwacht) schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse(naam);
            else schema["additionalProperties"].Should().BeNull(naam);
        }
    }

    [Fact]
    public async Task Elke_operatie_en_parameter_heeft_een_Nederlandse_beschrijving_en_elke_operatie_met_parameters_een_400()
    {
        var document = await Document();
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            foreach (var (methode, operatie) in item!.AsObject())
            {
                var naam = $"{methode} {pad}";
                (operatie!["summary"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(naam);
                (operatie["description"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace(naam);
                var parameters = (operatie["parameters"]?.AsArray() ?? []).Select(p => Contract.Los(document, p!)).ToList();
                foreach (var parameter in parameters)
                {
                    (parameter!["description"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace($"{naam} {parameter["name"]}");
                    // A header keeps its HTTP name (If-Match); query keys and path parameters are camelCase.
                    if (parameter["in"]!.GetValue<string>() == "header") parameter["name"]!.GetValue<string>().Should().Be("If-Match");
                    else parameter["name"]!.GetValue<string>().Should().MatchRegex("^[a-z][a-zA-Z0-9]*$", "query keys and path parameters are camelCase");
                }
                if (parameters.Count > 0) operatie["responses"]!["400"].Should().NotBeNull(naam);
                operatie["responses"]!["200"]!["headers"]!["API-Version"].Should().NotBeNull(naam);
            }
        }
    }

    [Fact]
    public async Task Elke_operatie_met_haar_voorbeelden_geeft_regels()
    {
        var document = await Document();
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            var operatie = item!["get"]!;
            var url = "/v1" + pad;
            var query = new List<string>();
            foreach (var parameter in (operatie["parameters"]?.AsArray() ?? []).Select(p => Contract.Los(document, p!)))
            {
                var naam = parameter["name"]!.GetValue<string>();
                var voorbeeld = parameter["example"];
                voorbeeld.Should().NotBeNull($"{pad} {naam} has an example for Swagger UI");
                var waarden = voorbeeld is JsonArray lijst ? lijst.Select(w => w!.ToString()) : [voorbeeld!.ToString()];
                if (parameter["in"]!.GetValue<string>() == "path") url = url.Replace("{" + naam + "}", waarden.Single());
                else query.AddRange(waarden.Select(w => $"{naam}={Uri.EscapeDataString(w)}"));
            }
            var (gegevens, _) = await _client.GetLijst(url + "?" + string.Join("&", query));
            gegevens.Should().NotBeEmpty($"the examples of {pad} find rows");
        }
    }
}
