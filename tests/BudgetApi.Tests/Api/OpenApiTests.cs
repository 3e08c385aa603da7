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

    /// <summary>
    /// A table (/x/tabel) takes its resource's parameters with the same sets and examples (docs/api.md): a parameter both have is
    /// declared alike, or a client offers values the one refuses (the findings' soort was once the budget's soort here). The one
    /// difference on purpose: /verloop/tabel takes fase repeated (a column per fase) and soort=saldo.
    /// </summary>
    [Fact]
    public async Task Een_tabel_neemt_de_parameters_van_haar_resource_zoals_die_ze_declareert()
    {
        var paden = (await Document())["paths"]!.AsObject();
        var bewust = new HashSet<(string, string)> { ("/verloop/tabel", "fase"), ("/verloop/tabel", "soort") };
        var vergeleken = 0;
        foreach (var (pad, operaties) in paden)
        {
            if (!pad.EndsWith("/tabel", StringComparison.Ordinal) || pad.StartsWith("/csv/", StringComparison.Ordinal) || pad.StartsWith("/xlsx/", StringComparison.Ordinal)) continue;
            var resource = pad[..^"/tabel".Length];
            if (!paden.ContainsKey(resource)) continue;
            var eigen = (operaties!["get"]!["parameters"]?.AsArray() ?? []).ToDictionary(p => p!["name"]!.GetValue<string>());
            foreach (var parameter in paden[resource]!["get"]!["parameters"]?.AsArray() ?? [])
            {
                var naam = parameter!["name"]!.GetValue<string>();
                if (!eigen.TryGetValue(naam, out var tabelparameter) || bewust.Contains((pad, naam))) continue;
                JsonNode.DeepEquals(tabelparameter!["schema"], parameter["schema"]).Should().BeTrue($"{pad} declares {naam} as {resource} does");
                JsonNode.DeepEquals(tabelparameter["example"], parameter["example"]).Should().BeTrue($"{pad} gives {naam} the example of {resource}");
                vergeleken++;
            }
        }
        vergeleken.Should().BeGreaterThan(20);
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
                // Every data answer has its ETag, except an Excel workbook (it carries the moment it was made).
                if (methode == "get" && !pad.StartsWith("/xlsx/", StringComparison.Ordinal)) operatie["responses"]!["200"]!["headers"]!.AsObject().Should().ContainKey("ETag", $"{methode} {pad}");
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
            // The JSON operations; their CSV and Excel operations are the same request (ContractTests checks those).
            if (operatie["responses"]!["200"]!["content"]!["application/json"] is null) continue;
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
            if (pad.EndsWith("/tabel", StringComparison.Ordinal))
            {
                // A table (/…/tabel) has rijen, one cell per column.
                var tabel = JsonNode.Parse(await _client.GetStringAsync(url + "?" + string.Join("&", query)))!;
                tabel["rijen"]!.AsArray().Should().NotBeEmpty($"the examples of {pad} find rows");
                continue;
            }
            var (gegevens, _) = await _client.GetLijst(url + "?" + string.Join("&", query));
            gegevens.Should().NotBeEmpty($"the examples of {pad} find rows");
        }
    }

    /// <summary>
    /// The description Swagger UI opens with says what the bundled data holds: every begrotingsjaar of the standen (named, or inside
    /// "A tot en met B") and no other, the begrotingen of the document's year by code, and how many begrotingen the other years have.
    /// </summary>
    [Fact]
    public async Task De_beschrijving_noemt_de_begrotingen_en_jaren_die_de_gegevens_hebben()
    {
        var beschrijving = (await Document())["info"]!["description"]!.GetValue<string>();
        var standen = (await _client.GetLijst("/v1/standen")).Gegevens.Select(s => s!).Select(s => (Begroting: s.Tekst("begroting"), Jaar: s["begrotingsjaar"]!.GetValue<int>())).ToList();
        var genoemd = new SortedSet<int>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(beschrijving, @"\b(\d{4}) tot en met (\d{4})\b"))
        {
            for (var j = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture); j <= int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture); j++) genoemd.Add(j);
        }
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(beschrijving, @"(?<![\d/])(19|20)\d{2}(?![\d/])"))
        {
            genoemd.Add(int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        genoemd.Should().BeEquivalentTo(standen.Select(s => s.Jaar).Distinct(), "every begrotingsjaar the data has, and no other");
        var laatste = standen.Max(s => s.Jaar);
        foreach (var begroting in standen.Where(s => s.Jaar == laatste).Select(s => s.Begroting).Distinct()) beschrijving.Should().Contain(begroting);
        var andere = standen.Where(s => s.Jaar != laatste).Select(s => s.Begroting).Distinct().Count();
        beschrijving.Should().Contain($"{andere} begrotingen");
        beschrijving.Should().Contain("[dashboard](/dashboard)");
    }

    /// <summary>
    /// Every text of the document is Dutch (issue 16 §6: 39 schema descriptions and every status were English): no description or
    /// summary has the English words that a Dutch sentence never uses.
    /// </summary>
    [Fact]
    public async Task Elke_beschrijving_is_Nederlands()
    {
        var engels = new System.Text.RegularExpressions.Regex(@"\b(the|and|with|which|where|this|from|each|every|its|one|how|for|what|did|OK|Bad Request|Not Found|Created)\b");
        var fout = new List<string>();
        void Loop(JsonNode? node, string pad)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (sleutel, waarde) in o)
                    {
                        if (sleutel is "description" or "summary" && waarde is JsonValue v && v.GetValue<string>() is { } tekst
                            && engels.Match(tekst.Replace("Power BI", "", StringComparison.Ordinal)) is { Success: true } woord)
                        {
                            fout.Add($"{pad}/{sleutel}: '{woord.Value}' in {tekst}");
                        }
                        else Loop(waarde, $"{pad}/{sleutel}");
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) Loop(a[i], $"{pad}/{i}");
                    break;
            }
        }
        Loop(await Document(), "");
        fout.Should().BeEmpty();
    }
}
