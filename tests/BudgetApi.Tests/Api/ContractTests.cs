using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The committed OpenAPI document is exact enough for a generated client (issue 10): every closed set is one enum component with the
/// values of the code list the service uses, a CSV and an Excel operation beside each collection, one integer size per concept, no defaults on path
/// parameters, and every answer the service gives fits its schema exactly: each required field there, no field undeclared, each
/// value of the declared type and, for a closed set, one of its values.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class ContractTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly JsonNode Document = JsonNode.Parse(File.ReadAllText(Repo.Bestand("openapi/budgetapi.json")))!;

    private static JsonObject Schemas => Document["components"]!["schemas"]!.AsObject();

    private static IEnumerable<(string Pad, string Methode, JsonNode Operatie)> Operaties() =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public void Elke_gesloten_verzameling_staat_eenmaal_in_components_met_de_waarden_van_de_code()
    {
        foreach (var lijst in Codelijsten.Alle)
        {
            var schema = Schemas[lijst.Naam];
            schema.Should().NotBeNull(lijst.Naam);
            schema!["type"]!.GetValue<string>().Should().Be("string");
            schema["enum"]!.AsArray().Select(w => w!.GetValue<string>()).Should().Equal(lijst.Waarden, $"{lijst.Naam} lists the code's values, in its order");
        }
        // Nowhere else an enum: a set typed inline would give a client one more type for the same values.
        var inline = Paden(Document, "").Where(p => p.EndsWith("/enum", StringComparison.Ordinal) && !p.StartsWith("/components/schemas/", StringComparison.Ordinal)).ToList();
        inline.Should().BeEmpty();
        Schemas.Where(s => s.Value!["enum"] is not null).Select(s => s.Key).Should().BeEquivalentTo(Codelijsten.Alle.Select(l => l.Naam));
    }

    [Fact]
    public void De_velden_en_parameters_van_gesloten_verzamelingen_verwijzen_naar_hun_component()
    {
        Eigenschap("TotaalRegel", "soort").Should().Be("SoortMetSaldo");
        Eigenschap("TotaalRegel", "groepering").Should().Be("Groepering");
        Eigenschap("AansluitingRegel", "oordeel").Should().Be("Oordeel");
        Eigenschap("AansluitingRegel", "soortAansluiting").Should().Be("SoortAansluiting");
        Eigenschap("AansluitingRegel", "soort").Should().Be("Soort", "nullable: oneOf null or the component");
        Eigenschap("BevindingRegel", "soort").Should().Be("Bevindingsoort");
        Eigenschap("BevindingRegel", "ernst").Should().Be("Ernst");
        Eigenschap("MutatieRegel", "aanwezig").Should().Be("Aanwezig");
        Eigenschap("UitputtingRegel", "oordeel").Should().Be("Uitputtingsoordeel");
        Eigenschap("Standuitkomst", "uitkomst").Should().Be("UitkomstPerStand");
        Eigenschap("Importuitkomst", "uitkomst").Should().Be("UitkomstVanImport");
        Eigenschap("OrganisatiefeitRegel", "meting").Should().Be("Meting");
        Eigenschap("BedragRegel", "fase").Should().Be("Fase");
        Eigenschap("BedragRegel", "categorie").Should().Be("Categorie");
        Eigenschap("BronbestandRegel", "formaat").Should().Be("Bronformaat");

        Parameter("/totalen", "soort").Should().Be("SoortMetSaldo");
        Parameter("/totalen", "groepering").Should().Be("Groepering");
        Parameter("/aandelen", "niveau").Should().Be("Aandeelniveau");
        Parameter("/mutaties", "niveau").Should().Be("Mutatieniveau");
        Parameter("/aansluitingen", "status").Should().Be("Status");
        Parameter("/aansluitingen", "aansluiting").Should().Be("SoortAansluiting");
        Parameter("/organisaties", "meting").Should().Be("Meting");
        Parameter("/bevindingen", "soort").Should().Be("Bevindingsoort");
        Parameter("/bevindingen", "ernst").Should().Be("Ernst");
        Parameter("/bedragen", "regelsoort").Should().Be("Regelsoort");
        Parameter("/bedragen", "sortering").Should().Be("Sortering");
        // Forms without a closed list (docs/api.md): a stand's id, a stand chosen as fase or begrotingsjaar-fase, the fasen of a total, a begroting.
        Eigenschap("MutatieRegel", "van").Should().Be("Standid");
        Eigenschap("MutatieRegel", "naar").Should().Be("Standid");
        Eigenschap("TotaalRegel", "fase").Should().Be("Fasecombinatie");
        Parameter("/mutaties", "van").Should().Be("Standkeuze");
        Parameter("/mutaties", "naar").Should().Be("Standkeuze");
        Parameter("/standen/{id}", "id").Should().Be("Standid");
        Parameter("/begrotingen/{begroting}/artikelen", "begroting").Should().Be("Begroting");
        ParameterNode("/totalen", "begroting")["schema"]!["items"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/Begroting");
        foreach (var patroon in Codelijsten.Patronen) Schemas[patroon.Naam]!["pattern"]!.GetValue<string>().Should().Be(patroon.Patroon);
        Schemas["Sortering"]!["pattern"]!.GetValue<string>().Should().Be(Codelijsten.Sorteerpatroon);
        // A default beside the reference stays: the parameter's own default, not the set's.
        ParameterNode("/totalen", "soort")["schema"]!["default"]!.GetValue<string>().Should().Be("uitgaven");
    }

    [Fact]
    public void Elke_collectie_heeft_een_JSON_een_CSV_en_een_Excel_operatie_elk_met_een_antwoordtype()
    {
        var paden = Document["paths"]!.AsObject();
        var collecties = 0;
        foreach (var (pad, item) in paden)
        {
            if (!pad.StartsWith("/csv/", StringComparison.Ordinal)) continue;
            collecties++;
            var bron = pad["/csv".Length..];
            var json = paden[bron]!["get"]!;
            var csv = item!["get"]!;
            var xlsx = paden["/xlsx" + bron]!["get"]!;
            csv["operationId"]!.GetValue<string>().Should().Be(json["operationId"]!.GetValue<string>() + "Csv");
            xlsx["operationId"]!.GetValue<string>().Should().Be(json["operationId"]!.GetValue<string>() + "Xlsx");
            json["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).Should().Equal(["application/json"], bron);
            csv["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).Should().Equal(["text/csv"], pad);
            xlsx["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).Should().Equal([Xlsx.MediaType], pad);
            csv["responses"]!["200"]!["content"]!["text/csv"]!["schema"]!["format"]!.GetValue<string>().Should().Be("binary", "a file: bytes for every generator");
            xlsx["responses"]!["200"]!["content"]![Xlsx.MediaType]!["schema"]!["format"]!.GetValue<string>().Should().Be("binary");
            xlsx["responses"]!["200"]!["headers"]!["ETag"].Should().BeNull("a workbook carries the moment it was made");
            csv["responses"]!["200"]!["headers"]!["ETag"].Should().NotBeNull();
            // The CSV operation takes the JSON operation's parameters and the dialect (a reference to the one declaration); Excel the same as JSON.
            static string Naam(JsonNode? p) => p!["name"]?.GetValue<string>() ?? p!["$ref"]!.GetValue<string>();
            var jsonParameters = (json["parameters"]?.AsArray() ?? []).Select(Naam).ToList();
            (csv["parameters"]?.AsArray() ?? []).Select(Naam).Should().Equal([.. jsonParameters, "#/components/parameters/dialect"], pad);
            (xlsx["parameters"]?.AsArray() ?? []).Select(Naam).Should().Equal(jsonParameters, pad);
            foreach (var operatie in new[] { csv, xlsx })
            {
                operatie["responses"]!.AsObject().Select(r => r.Key).Should().Equal(json["responses"]!.AsObject().Select(r => r.Key), "the same problems");
            }
        }
        collecties.Should().BeGreaterThanOrEqualTo(19);
        // formaat= keeps working (the dashboard and every URL in use), but no operation offers it: it would give a JSON client a CSV.
        Operaties().SelectMany(o => o.Operatie["parameters"]?.AsArray() ?? []).Should().NotContain(p => p!["name"] != null && p["name"]!.GetValue<string>() == "formaat");
        // The only shared parameter is the CSV dialect, for the CSV operations alone.
        (Document["components"]!["parameters"]?.AsObject() ?? []).Select(p => p.Key).Should().Equal("dialect");
        Operaties().Where(o => !o.Pad.StartsWith("/csv/", StringComparison.Ordinal))
            .SelectMany(o => o.Operatie["parameters"]?.AsArray() ?? []).Should().NotContain(p => p!["$ref"] != null);
    }

    [Fact]
    public async Task Elke_CSV_en_Excel_operatie_geeft_wat_formaat_geeft()
    {
        foreach (var operatie in Contract.Operaties.Where(o => Document["paths"]!["/csv" + o.Pad] is not null))
        {
            var url = operatie.VoorbeeldUrl();
            var padEnQuery = url["/v1".Length..];
            var scheiding = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var csv = await _client.GetAsync("/v1/csv" + padEnQuery);
            csv.StatusCode.Should().Be(HttpStatusCode.OK, url);
            csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
            (await csv.Content.ReadAsByteArrayAsync()).Should().Equal(await _client.GetByteArrayAsync(url + scheiding + "formaat=csv"), url);
            var xlsx = await _client.GetAsync("/v1/xlsx" + padEnQuery);
            xlsx.StatusCode.Should().Be(HttpStatusCode.OK, url);
            xlsx.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx.MediaType);
            (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal((byte)'P', (byte)'K');
        }
    }

    [Theory]
    [InlineData("/v1/csv/totalen?formaat=json", HttpStatusCode.BadRequest)]
    [InlineData("/v1/xlsx/totalen?formaat=csv", HttpStatusCode.BadRequest)]
    [InlineData("/v1/csv/openapi.json", HttpStatusCode.NotFound)]
    [InlineData("/v1/csv/bestaat-niet", HttpStatusCode.NotFound)]
    public async Task Een_formaatpad_dat_niet_kan_is_een_probleem(string url, HttpStatusCode status)
    {
        var probleem = await (await _client.GetAsync(url)).AlsProbleem(status);
        if (status == HttpStatusCode.BadRequest) probleem["invalidParams"]![0]!["name"]!.GetValue<string>().Should().Be("formaat");
    }

    [Fact]
    public void Padparameters_hebben_een_voorbeeld_en_geen_standaardwaarde()
    {
        var padparameters = Operaties().SelectMany(o => o.Operatie["parameters"]?.AsArray() ?? []).Select(p => Contract.Los(Document, p!))
            .Where(p => p["in"]?.GetValue<string>() == "path").ToList();
        padparameters.Should().HaveCountGreaterThanOrEqualTo(5);
        foreach (var p in padparameters)
        {
            p["example"].Should().NotBeNull(p["name"]!.ToString());
            p["schema"]!["default"].Should().BeNull($"{p["name"]} is a path parameter: an example, never a default");
        }
    }

    [Fact]
    public void Elk_begrip_heeft_een_gehele_grootte_jaren_artikelen_en_regels_int32_bedragen_int64()
    {
        var formaten = new Dictionary<string, HashSet<string>>();
        void Noteer(string naam, JsonNode schema)
        {
            schema = Contract.Los(Document, schema);
            var typen = schema["type"] is JsonArray a ? a.Select(t => t!.GetValue<string>()) : schema["type"] is { } t ? [t.GetValue<string>()] : [];
            if (typen.Contains("integer")) (formaten.TryGetValue(naam, out var f) ? f : formaten[naam] = []).Add(schema["format"]!.GetValue<string>());
            if (typen.Contains("array") && schema["items"] is { } items) Noteer(naam, items);
        }
        foreach (var (_, schema) in Schemas)
        {
            foreach (var (veld, eigenschap) in schema!["properties"]?.AsObject() ?? []) Noteer(veld, eigenschap!);
        }
        foreach (var p in Operaties().SelectMany(o => o.Operatie["parameters"]?.AsArray() ?? []).Select(p => Contract.Los(Document, p!)))
        {
            Noteer(p["name"]!.GetValue<string>(), p["schema"]!);
        }
        foreach (var (naam, f) in formaten) f.Should().HaveCount(1, $"{naam} has one size everywhere");
        foreach (var naam in new[] { "jaar", "begrotingsjaar", "vanJaar", "totJaar", "artikel", "bronRegel", "bronRegels", "bronRegelVan", "bronRegelNaar" })
        {
            formaten[naam].Single().Should().Be("int32", naam);
        }
        foreach (var naam in new[] { "bedrag", "bedragVan", "bedragNaar", "mutatie", "meerjarigTotaal", "begroot", "realisatie", "verschil" })
        {
            formaten[naam].Single().Should().Be("int64", naam);
        }
        Schemas["Paginering"]!["properties"]!["volgende"]!["format"]!.GetValue<string>().Should().Be("uri-reference");
        Schemas["Metadata"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(["bron", "aantal", "paginering"]);
        Schemas["ProblemDetails"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo(["type", "title", "status", "detail", "traceId"]);
    }

    public static TheoryData<string> Antwoorden()
    {
        var data = new TheoryData<string>();
        // Every GET operation at its required examples, at all its examples, and questions that reach the rarer values.
        foreach (var operatie in Contract.Operaties)
        {
            data.Add(operatie.VoorbeeldUrl());
            var alle = operatie.VoorbeeldUrl().Split('?')[0] + "?" + string.Join("&", operatie.Queryparameters.Where(p => p.Naam != "formaat")
                .Select(p => $"{p.Naam}={Uri.EscapeDataString(p.Voorbeelden[0])}"));
            data.Add(alle);
        }
        data.Add("/v1/totalen?begroting=JenV&begroting=AenM&groepering=categorie&soort=saldo");
        data.Add("/v1/totalen?groepering=artikel");
        data.Add("/v1/aandelen?begroting=JenV&niveau=waarvan");
        data.Add("/v1/mutaties?begroting=VI&begrotingsjaar=2015&niveau=regel");
        data.Add("/v1/aansluitingen?begroting=VI&begrotingsjaar=2016");
        data.Add("/v1/bedragen?begroting=VI&begrotingsjaar=2015&paginaGrootte=50&pagina=2");
        data.Add("/v1/organisaties/Rechtspraak");
        data.Add("/v1/bronnen/budgettaire-tabellen-owb-2016.csv/regels?van=6500&tot=7000");
        return data;
    }

    [Theory]
    [MemberData(nameof(Antwoorden))]
    public async Task Elk_antwoord_past_precies_in_zijn_schema(string url)
    {
        var antwoord = await _client.GetAsync(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {tekst}");
        var fouten = new List<string>();
        Controleer(SchemaVan(url, "200", "application/json"), JsonNode.Parse(tekst), "$", fouten);
        fouten.Should().BeEmpty(url);
    }

    [Theory]
    [InlineData("/v1/totalen?soort=winst&vanJaar=2031", HttpStatusCode.BadRequest)]
    [InlineData("/v1/bedragen?sortering=prijs&paginaGrootte=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/begrotingen/XYZ/artikelen", HttpStatusCode.NotFound)]
    [InlineData("/v1/organisaties/bestaat-niet", HttpStatusCode.NotFound)]
    [InlineData("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=9000", HttpStatusCode.BadRequest)]
    [InlineData("/v1/bronnen/bestaat-niet.txt/regels", HttpStatusCode.NotFound)]
    public async Task Elk_probleem_past_precies_in_het_probleemschema(string url, HttpStatusCode status)
    {
        var antwoord = await _client.GetAsync(url);
        var probleem = await antwoord.AlsProbleem(status);
        var fouten = new List<string>();
        Controleer(SchemaVan(url, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), "application/problem+json"), probleem, "$", fouten);
        fouten.Should().BeEmpty(url);
        probleem["traceId"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{32}$");
        if (status == HttpStatusCode.BadRequest) probleem["invalidParams"]!.AsArray().Should().NotBeEmpty();
    }

    [Fact]
    public async Task Een_lijst_van_getallen_is_in_JSON_een_array_en_in_CSV_een_veld_met_puntkomma()
    {
        const string url = "/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026";
        var (gegevens, _) = await _client.GetLijst(url);
        gegevens.Single()!["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(472, 476, 484, 494, 508, 517, 525, 527);
        var csv = await _client.GetCsv(url + "&formaat=csv");
        csv.Single()["bronRegels"].Should().Be("472;476;484;494;508;517;525;527");
        var aansluitingen = await _client.GetCsv("/v1/aansluitingen?begroting=JenV&aansluiting=gedrukt-totaal&soort=ontvangsten&jaar=2026&formaat=csv");
        aansluitingen.Should().Contain(r => r["bronRegels"] == "537;539;543;549;553;557;559;561");
    }

    /// <summary>The schema the document gives for this URL's answer with this status and media type.</summary>
    private static JsonNode SchemaVan(string url, string status, string mediaType)
    {
        var pad = url.Split('?')[0]["/v1".Length..];
        var (sjabloon, item) = Document["paths"]!.AsObject().Single(p => Past(p.Key, pad));
        var antwoorden = item!["get"]!["responses"]!;
        return antwoorden[status]!["content"]![mediaType]!["schema"]!
            ?? throw new InvalidOperationException($"{sjabloon} heeft geen {status} {mediaType}");
    }

    private static bool Past(string sjabloon, string pad)
    {
        var s = sjabloon.Split('/');
        var p = pad.Split('/');
        return s.Length == p.Length && s.Zip(p).All(x => x.First.StartsWith('{') || x.First == x.Second);
    }

    /// <summary>A small JSON Schema check of what the document uses: $ref, oneOf, type (with null), enum, format int32, required, properties, items.</summary>
    private static void Controleer(JsonNode schemaNode, JsonNode? waarde, string waar, List<string> fouten)
    {
        var schema = Contract.Los(Document, schemaNode);
        if (schema["oneOf"] is JsonArray takken)
        {
            var passend = takken.Count(t =>
            {
                var f = new List<string>();
                Controleer(t!, waarde, waar, f);
                return f.Count == 0;
            });
            if (passend != 1) fouten.Add($"{waar}: {waarde?.ToJsonString()} past in {passend} van de oneOf-takken");
            return;
        }
        var typen = schema["type"] is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : schema["type"] is { } t ? [t.GetValue<string>()] : [];
        var soort = waarde?.GetValueKind() ?? JsonValueKind.Null;
        var type = soort switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.String => "string",
            JsonValueKind.Number => waarde!.GetValue<decimal>() % 1 == 0 ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Array => "array",
            _ => "object",
        };
        if (typen.Count > 0 && !typen.Contains(type) && !(type == "integer" && typen.Contains("number")))
        {
            fouten.Add($"{waar}: {waarde?.ToJsonString()} is {type}, het schema zegt {string.Join("|", typen)}");
            return;
        }
        if (schema["enum"] is JsonArray waarden && waarde is not null && !waarden.Any(w => JsonNode.DeepEquals(w, waarde)))
        {
            fouten.Add($"{waar}: {waarde.ToJsonString()} staat niet in {schemaNode["$ref"]} ({string.Join(", ", waarden)})");
        }
        if (schema["pattern"]?.GetValue<string>() is { } patroon && type == "string"
            && !System.Text.RegularExpressions.Regex.IsMatch(waarde!.GetValue<string>(), patroon, System.Text.RegularExpressions.RegexOptions.ECMAScript))
        {
            fouten.Add($"{waar}: {waarde.ToJsonString()} past niet in {schemaNode["$ref"]} ({patroon})");
        }
        if (type == "integer" && schema["format"]?.GetValue<string>() == "int32" && waarde!.GetValue<decimal>() is < int.MinValue or > int.MaxValue)
        {
            fouten.Add($"{waar}: {waarde} past niet in int32");
        }
        if (waarde is JsonArray lijst && schema["items"] is { } items)
        {
            for (var i = 0; i < lijst.Count; i++) Controleer(items, lijst[i], $"{waar}[{i}]", fouten);
        }
        if (waarde is JsonObject object_ && schema["properties"] is JsonObject velden)
        {
            foreach (var verplicht in schema["required"]?.AsArray() ?? [])
            {
                if (!object_.ContainsKey(verplicht!.GetValue<string>())) fouten.Add($"{waar}: het verplichte veld {verplicht} ontbreekt");
            }
            foreach (var (veld, inhoud) in object_)
            {
                if (velden[veld] is { } veldschema) Controleer(veldschema, inhoud, $"{waar}.{veld}", fouten);
                else fouten.Add($"{waar}: het veld {veld} staat niet in het schema");
            }
        }
    }

    private static string Eigenschap(string schema, string veld)
    {
        var node = Schemas[schema]!["properties"]![veld]!;
        var verwijzing = node["$ref"] ?? node["oneOf"]?.AsArray().Select(t => t!["$ref"]).Single(r => r is not null);
        return verwijzing!.GetValue<string>().Split('/')[^1];
    }

    private static JsonNode ParameterNode(string pad, string naam) =>
        Document["paths"]![pad]!["get"]!["parameters"]!.AsArray().Select(p => Contract.Los(Document, p!)).Single(p => p["name"]!.GetValue<string>() == naam);

    private static string Parameter(string pad, string naam) => ParameterNode(pad, naam)["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1];

    private static IEnumerable<string> Paden(JsonNode? node, string pad) => node switch
    {
        JsonObject o => o.SelectMany(kv => Paden(kv.Value, $"{pad}/{kv.Key}").Prepend($"{pad}/{kv.Key}")),
        JsonArray a => a.SelectMany((n, i) => Paden(n, $"{pad}/{i}")),
        _ => [],
    };
}
