using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>One parameter of an operation as the committed OpenAPI document declares it.</summary>
/// <param name="Voorbeelden">The example, the default and the enum: values the document promises to work.</param>
/// <param name="Woorden">Those and every word or number the description names: many valid, some not.</param>
public sealed record Parameter(string Naam, string In, bool Verplicht, bool Herhaalbaar, bool Geheel, IReadOnlyList<string> Voorbeelden, IReadOnlyList<string> Woorden);

/// <summary>One GET operation of the committed OpenAPI document.</summary>
public sealed record Operatie(string Id, string Pad, IReadOnlyList<Parameter> Parameters)
{
    public IEnumerable<Parameter> Padparameters => Parameters.Where(p => p.In == "path");

    public IEnumerable<Parameter> Queryparameters => Parameters.Where(p => p.In == "query");

    /// <summary>The URL with every path parameter and required query parameter at its example: an answer with rows.</summary>
    public string VoorbeeldUrl()
    {
        var url = "/v1" + Pad;
        foreach (var p in Padparameters) url = url.Replace("{" + p.Naam + "}", Uri.EscapeDataString(p.Voorbeelden[0]), StringComparison.Ordinal);
        var query = Queryparameters.Where(p => p.Verplicht).Select(p => $"{p.Naam}={Uri.EscapeDataString(p.Voorbeelden[0])}").ToList();
        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }

    public override string ToString() => Id;
}

/// <summary>
/// The committed OpenAPI document (openapi/budgetapi.json), read at test time: tests driven by it cover every operation and
/// parameter, including those added later, without being told.
/// </summary>
public static partial class Contract
{
    public static IReadOnlyList<Operatie> Operaties { get; } = Lees();

    /// <summary>
    /// A node of the document with its $ref followed (a shared parameter such as formaat, an enum component such as Fase); the
    /// keywords beside a $ref (description, default) are kept over those of the target.
    /// </summary>
    public static JsonNode Los(JsonNode document, JsonNode node)
    {
        if (node["$ref"]?.GetValue<string>() is not { } verwijzing) return node;
        var doel = verwijzing.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(document, (n, deel) => n[deel]!);
        var samen = Los(document, doel).DeepClone().AsObject();
        foreach (var (sleutel, waarde) in node.AsObject())
        {
            if (sleutel != "$ref") samen[sleutel] = waarde?.DeepClone();
        }
        return samen;
    }

    private static List<Operatie> Lees()
    {
        var document = JsonNode.Parse(File.ReadAllText(Repo.Bestand("openapi/budgetapi.json")))!;
        var operaties = new List<Operatie>();
        foreach (var (pad, item) in document["paths"]!.AsObject())
        {
            // The JSON operations: the CSV and Excel operations of a collection (/csv/…, /xlsx/…) are the same request with another answer.
            if (item!["get"] is not { } get || get["responses"]?["200"]?["content"]?["application/json"] is null) continue;
            var parameters = (get["parameters"]?.AsArray() ?? []).Select(p => Los(document, p!)).Select(p =>
            {
                var schema = Los(document, p["schema"]!);
                var herhaalbaar = schema["type"]?.GetValue<string>() == "array";
                var geheel = (herhaalbaar ? schema["items"]!["type"] : schema["type"])?.GetValue<string>() == "integer";
                var voorbeelden = Voorbeelden(p, schema).Distinct().ToList();
                return new Parameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() == true,
                    herhaalbaar, geheel, voorbeelden, voorbeelden.Concat(Woorden(p, geheel)).Distinct().ToList());
            }).ToList();
            operaties.Add(new Operatie(get["operationId"]!.GetValue<string>(), pad, parameters));
        }
        return operaties;
    }

    /// <summary>The values the document itself offers: the example, the default, the enum.</summary>
    private static IEnumerable<string> Voorbeelden(JsonNode parameter, JsonNode schema)
    {
        static IEnumerable<string> Waarden(JsonNode? node) => node switch
        {
            null => [],
            JsonArray a => a.SelectMany(Waarden),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        foreach (var w in Waarden(parameter["example"])) yield return w;
        foreach (var w in Waarden(schema["default"])) yield return w;
        foreach (var w in Waarden(schema["enum"])) yield return w;
        foreach (var w in Waarden(schema["items"]?["enum"])) yield return w;
    }

    private static IEnumerable<string> Woorden(JsonNode parameter, bool geheel)
    {
        var beschrijving = parameter["description"]?.GetValue<string>() ?? "";
        // The words and numbers the description names ("uitgaven, ontvangsten of saldo", "Bijvoorbeeld: 31").
        foreach (Match m in (geheel ? Getal() : Woord()).Matches(beschrijving)) yield return m.Value;
    }

    [GeneratedRegex(@"(?<![\w-])-?\d{1,4}(?![\w.,]\d)")]
    private static partial Regex Getal();

    [GeneratedRegex(@"(?<![\w-])[A-Za-z][A-Za-z0-9+-]*(?![\w-])")]
    private static partial Regex Woord();
}
