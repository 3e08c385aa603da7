using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>One cell as openpyxl reads it: its value, its type ('n' number, 's' text, 'b' boolean, 'd' date) and number format.</summary>
public sealed record Cel(JsonNode? Waarde, string Type, string Opmaak)
{
    public decimal Getal => Waarde!.GetValue<decimal>();

    /// <summary>The format of a percentage cell: it holds the fraction (0.4756) and shows 47,56%.</summary>
    public const string ProcentOpmaak = "0.00%";

    /// <summary>The number as JSON and CSV give it: a percentage cell's fraction back in percent (0.4756 → 47.56), any other number as it is.</summary>
    public decimal AlsInApi => Opmaak == ProcentOpmaak ? Getal * 100m : Getal;

    public string Tekst => Waarde!.GetValue<string>();
}

/// <summary>One sheet as openpyxl reads it.</summary>
public sealed record Blad(string Naam, string? Bevroren, string? Filter, Dictionary<string, double> Breedtes, List<List<Cel>> Rijen)
{
    /// <summary>The header row.</summary>
    public IReadOnlyList<string> Koppen => Rijen[0].Select(c => c.Tekst).ToList();

    /// <summary>The rows under the header, by header name.</summary>
    public IReadOnlyList<Dictionary<string, Cel>> Regels =>
        Rijen.Skip(1).Select(r => Koppen.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => r[p.i])).ToList();

    /// <summary>The Toelichting sheet as gegeven → waarde.</summary>
    public Dictionary<string, Cel> AlsToelichting() => Rijen.Skip(1).ToDictionary(r => r[0].Tekst, r => r[1]);
}

public sealed record Werkmap(List<Blad> Bladen)
{
    public string Bestandsnaam { get; init; } = "";

    public Blad this[string naam] => Bladen.Single(b => b.Naam == naam);
}

/// <summary>
/// Getting a collection as .xlsx and reading it back with a reader other than the writer: Debian's python3-openpyxl
/// (installed by .ci/run), run by /usr/bin/python3 because the machine's default python3 lacks Debian's packages.
/// </summary>
public static class Werkmappen
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly JsonSerializerOptions JsonOpties = new(JsonSerializerDefaults.Web);

    /// <summary>GET as .xlsx; asserts 200, the media type, an .xlsx file name and a valid Open XML package, and reads it with openpyxl.</summary>
    public static async Task<Werkmap> GetXlsx(this HttpClient client, string url, string? accept = null)
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) verzoek.Headers.Accept.ParseAdd(accept);
        var antwoord = await client.SendAsync(verzoek);
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be(MediaType);
        antwoord.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var bestandsnaam = antwoord.Content.Headers.ContentDisposition.FileName!.Trim('"');
        bestandsnaam.Should().EndWith(".xlsx");

        // The writer's own schema check on top of the independent reader: Excel refuses (or "repairs") what fails it.
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            new OpenXmlValidator().Validate(document).Select(f => $"{f.Path?.XPath}: {f.Description}").Should().BeEmpty();
        }
        return await Lees(bytes) with { Bestandsnaam = bestandsnaam };
    }

    public static async Task<Werkmap> Lees(byte[] xlsx)
    {
        using var map = new TijdelijkeMap();
        var bestand = map["werkmap.xlsx"];
        await File.WriteAllBytesAsync(bestand, xlsx);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-I", Repo.Bestand("tests/BudgetApi.Tests/Infrastructuur/lees_xlsx.py"), bestand }) start.ArgumentList.Add(argument);
        using var proces = Process.Start(start)!;
        var uitvoer = proces.StandardOutput.ReadToEndAsync();
        var fouten = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync();
        proces.ExitCode.Should().Be(0, "openpyxl must read the workbook (apt-get install python3-openpyxl): " + await fouten);
        return JsonSerializer.Deserialize<Werkmap>(await uitvoer, JsonOpties)!;
    }

    /// <summary>The sheet has the JSON rows: the same fields in the same order, numbers as numeric cells, null as an empty cell.</summary>
    public static void ZelfdeAlsJson(Blad blad, JsonArray gegevens)
    {
        blad.Regels.Should().HaveCount(gegevens.Count);
        for (var i = 0; i < gegevens.Count; i++)
        {
            var json = gegevens[i]!.AsObject();
            blad.Koppen.Should().Equal(json.Select(p => p.Key));
            foreach (var (veld, waarde) in json) ZelfdeWaarde(blad.Regels[i][veld], waarde, $"{veld} in rij {i}");
        }
    }

    /// <summary>The sheet has the CSV's rows: the same columns in the same order and the same values, each typed.</summary>
    public static void ZelfdeAlsCsv(Blad blad, List<Dictionary<string, string>> csv)
    {
        var regels = blad.Regels;
        regels.Should().HaveCount(csv.Count);
        if (csv.Count > 0) blad.Koppen.Should().Equal(csv[0].Keys);
        for (var i = 0; i < csv.Count; i++)
        {
            foreach (var (veld, tekst) in csv[i])
            {
                var cel = regels[i][veld];
                var reden = $"{veld} in rij {i}";
                if (tekst.Length == 0) { cel.Waarde.Should().BeNull(reden); continue; }
                switch (cel.Type)
                {
                    case "n": cel.AlsInApi.Should().Be(decimal.Parse(tekst, CultureInfo.InvariantCulture), reden); break;
                    case "b": cel.Waarde!.GetValue<bool>().Should().Be(bool.Parse(tekst), reden); break;
                    default: cel.Tekst.Should().Be(tekst, reden); break;
                }
            }
        }
    }

    private static void ZelfdeWaarde(Cel cel, JsonNode? waarde, string reden)
    {
        if (waarde is null || (waarde.GetValueKind() == JsonValueKind.String && waarde.GetValue<string>().Length == 0))
        {
            cel.Waarde.Should().BeNull(reden + ": null and an empty text are an empty cell, never 0");
            return;
        }
        switch (waarde.GetValueKind())
        {
            case JsonValueKind.Number:
                cel.Type.Should().Be("n", reden + ": a number is a numeric cell");
                cel.AlsInApi.Should().Be(waarde.GetValue<decimal>(), reden);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                cel.Type.Should().Be("b", reden);
                cel.Waarde!.GetValue<bool>().Should().Be(waarde.GetValue<bool>(), reden);
                break;
            case JsonValueKind.Array when waarde.AsArray().Count == 0:
                cel.Waarde.Should().BeNull(reden + ": an empty list is an empty cell");
                break;
            case JsonValueKind.Array:
                // A list (bronRegels, bronBestandenDelen) is one text cell, as in the CSV: its values joined with ';'.
                cel.Type.Should().Be("s", reden);
                cel.Tekst.Should().Be(string.Join(";", waarde.AsArray().Select(n => n!.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n.ToJsonString())), reden);
                break;
            default:
                cel.Type.Should().BeOneOf(["s", "d"], reden);
                cel.Tekst.Should().Be(waarde.GetValue<string>(), reden);
                break;
        }
    }
}
