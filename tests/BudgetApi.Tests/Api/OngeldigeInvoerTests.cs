using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;
using CsCheck;
using CsvHelper;
using CsvHelper.Configuration;
using Xunit.Abstractions;

namespace BudgetApi.Tests.Api;

/// <summary>One generated request: an operation, its path values, and query pairs in the order sent (keys may repeat).</summary>
public sealed record Verzoek(Operatie Operatie, IReadOnlyList<(string Naam, string Waarde)> Pad, IReadOnlyList<(string Naam, string Waarde)> Query, bool AcceptCsv)
{
    public string Url(IReadOnlyList<(string Naam, string Waarde)>? query = null)
    {
        var url = "/v1" + Operatie.Pad;
        foreach (var (naam, waarde) in Pad) url = url.Replace("{" + naam + "}", Codeer(waarde), StringComparison.Ordinal);
        var q = query ?? Query;
        return q.Count == 0 ? url : url + "?" + string.Join("&", q.Select(p => p.Naam + "=" + Codeer(p.Waarde)));
    }

    /// <summary>
    /// Values are percent-encoded as a client would, except those that are themselves percent sequences (malformed ones
    /// included): those go on the wire as written.
    /// </summary>
    private static string Codeer(string waarde) =>
        waarde.Contains('%', StringComparison.Ordinal) && waarde.All(c => char.IsAsciiLetterOrDigit(c) || c is '%' or '.' or '-' or '_' or '~')
            ? waarde
            : Uri.EscapeDataString(waarde);

    public override string ToString() => (AcceptCsv ? "[Accept: text/csv] " : "") + Url();
}

/// <summary>
/// Hostile input as properties, over every operation and parameter of the committed OpenAPI document (so a parameter added
/// later is covered without touching this test): random combinations of valid values and hostile ones (empty, huge,
/// negative, non-numeric, unicode, SQL, very long, path traversal, malformed percent-encoding, repeated keys).
/// Properties: never a 5xx; every 4xx is problem+json that names the parameter; every 200 is internally consistent
/// (totals are the sum of their parts, shares add up to 100.00, the CSV holds the JSON's figures).
/// </summary>
public sealed class OngeldigeInvoerTests(BudgetApiFactory factory, ITestOutputHelper uitvoer) : IClassFixture<BudgetApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private long _verzoeken;
    private long _geldig;
    private long _afgewezen;

    private static readonly string[] Vijandig =
    [
        "", " ", "-1", "0", "-2147483649", "2147483648", "99999999999999999999", "2026.5", "1e3", "0x1F", "NaN", "abc",
        "🙂", "Ωμέγα", "ｊｅｎｖ", "\u202Eevil", "'; DROP TABLE regel; --", "1 OR 1=1", "\" OR \"\"=\"", "JenV' --", "JenV,AenM",
        "../../../etc/passwd", "..\\..\\windows\\win.ini", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "%", "%G1", "%C3%28", "%00", "%FF%FE",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "null", "true", "[]", "{}",
    ];

    private static Gen<string> VijandigeWaarde { get; } = Gen.Frequency(
        (6, Gen.OneOf(Vijandig)),
        (1, Gen.String[0, 40]),                                                  // random unicode
        (1, Gen.Char['a', 'z'].Array[1000, 5000].Select(c => new string(c))),    // very long
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))));    // any number, huge and negative

    private static Gen<string> Waarde(Parameter p, bool vijandig)
    {
        var geldig = p.Geheel
            ? Gen.Frequency((3, Gen.OneOf(p.Voorbeelden.ToArray())), (1, Gen.OneOf(p.Woorden.ToArray())), (1, Gen.Int[2020, 2035].Select(i => i.ToString(CultureInfo.InvariantCulture))))
            : Gen.Select(Gen.Frequency((2, Gen.OneOf(p.Voorbeelden.ToArray())), (1, Gen.OneOf(p.Woorden.ToArray()))), Gen.Int[0, 3],
                (w, hoofdletters) => hoofdletters == 0 ? w.ToUpperInvariant() : w);
        return vijandig ? Gen.Frequency((3, geldig), (1, VijandigeWaarde)) : geldig;
    }

    /// <summary>A query: each parameter absent or present (repeatable ones up to three times), sometimes a key far too often or an unknown key.</summary>
    private static Gen<Verzoek> VerzoekVoor(Operatie o) =>
        // One request in three has only the document's own values, so that valid answers are common enough to check.
        from vijandig in Gen.Int[0, 2].Select(i => i > 0)
        // A NUL in a path is refused by the test client before it is sent (Kestrel refuses it too: HttpSemantiekTests).
        from pad in Alle(o.Padparameters.Select(p => Waarde(p, vijandig).Where(w => !w.Contains("%00", StringComparison.Ordinal)).Select(w => (p.Naam, w))).ToArray())
        from query in Alle(o.Queryparameters.Select(p =>
                Gen.Select(Gen.Int[p.Verplicht ? 1 : 0, p.Herhaalbaar ? 3 : 1].SelectMany(n => Waarde(p, vijandig).Array[n]), Gen.Int[0, 9],
                    (waarden, kans) => kans == 0 && waarden.Length > 0 ? [.. waarden, waarden[0]] : waarden) // a key twice
                .Select(ws => ws.Select(w => (p.Naam, w)).ToArray()))
            .ToArray())
        from extra in !vijandig ? Gen.Const(Array.Empty<(string, string)>()) : Gen.Frequency(
            (20, Gen.Const(Array.Empty<(string, string)>())),
            (1, Gen.Const(new[] { ("onbekend", "1") })),
            (1, Gen.OneOf(o.Queryparameters.Select(p => p.Naam).DefaultIfEmpty("onbekend").ToArray())
                .Select(naam => Enumerable.Repeat((naam, o.Queryparameters.FirstOrDefault(p => p.Naam == naam)?.Voorbeelden[0] ?? "x"), 70).ToArray())))
        from volgorde in Gen.Int
        from csv in Gen.Int[0, 5]
        select new Verzoek(o, pad, Schud(query.SelectMany(q => q).Concat(extra), volgorde), csv == 0);

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> Alle<T>(Gen<T>[] gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (alle, gen) => Gen.Select(alle, gen, (a, x) => (T[])[.. a, x]));

    /// <summary>The keys in an order of the generator's choosing (repeatably: shrinking and seeds give the same request).</summary>
    private static List<(string, string)> Schud(IEnumerable<(string, string)> paren, int zaad)
    {
        var toeval = new Random(zaad);
        return paren.OrderBy(_ => toeval.Next()).ToList();
    }

    [Fact]
    public async Task Geen_invoer_geeft_een_5xx_elke_fout_noemt_de_parameter_en_elk_antwoord_klopt_met_zichzelf()
    {
        Contract.Operaties.Should().NotBeEmpty();
        var gen = Gen.OneOf(Contract.Operaties.ToArray()).SelectMany(VerzoekVoor);

        await gen.SampleAsync(Controleer, writeLine: uitvoer.WriteLine, time: 25, threads: 2);

        uitvoer.WriteLine($"Verzoeken geprobeerd: {_verzoeken} ({_geldig} met 200 en gecontroleerd op samenhang, {_afgewezen} afgewezen met een probleem).");
        Meetverslag.Schrijf($"eigenschappen: {_verzoeken} verzoeken geprobeerd ({_geldig} geldig en op samenhang gecontroleerd, {_afgewezen} afgewezen met een probleem), 0 met een 5xx");
        _verzoeken.Should().BeGreaterThan(500, "the run must try enough requests to mean something");
        _geldig.Should().BeGreaterThan(50, "valid combinations must be among them, or the consistency properties are never tried");
        _afgewezen.Should().BeGreaterThan(50);
    }

    private async Task<HttpResponseMessage> Haal(string url, bool csv = false)
    {
        using var bericht = new HttpRequestMessage(HttpMethod.Get, url);
        if (csv) bericht.Headers.Accept.ParseAdd("text/csv");
        Interlocked.Increment(ref _verzoeken);
        return await _client.SendAsync(bericht);
    }

    private async Task Controleer(Verzoek verzoek)
    {
        var url = verzoek.Url();
        using var antwoord = await Haal(url, verzoek.AcceptCsv);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        var status = (int)antwoord.StatusCode;
        status.Should().BeLessThan(500, $"{verzoek}: {tekst}");
        if (status >= 400)
        {
            Interlocked.Increment(ref _afgewezen);
            ControleerProbleem(verzoek, antwoord, tekst);
            return;
        }
        status.Should().Be(200, verzoek.ToString());
        Interlocked.Increment(ref _geldig);
        var soort = antwoord.Content.Headers.ContentType!.MediaType;
        if (IsXlsxGevraagd(verzoek))
        {
            // A workbook: a zip archive (the Excel tests read its figures back with openpyxl); the same query's JSON and CSV follow.
            soort.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", verzoek.ToString());
            (await antwoord.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal("PK"u8.ToArray(), verzoek.ToString());
        }
        var csv = soort == "text/csv";
        csv.Should().Be(IsCsvGevraagd(verzoek), verzoek.ToString());

        // The JSON form of the same query, and its CSV form: the same figures.
        // The form of the file (formaat, and the CSV's dialect, tested on its own in CsvDialectTests) is left out: RFC 4180 is compared.
        var jsonQuery = verzoek.Query.Where(q => !q.Naam.Equals("formaat", StringComparison.OrdinalIgnoreCase) && !q.Naam.Equals("dialect", StringComparison.OrdinalIgnoreCase)).ToList();
        var metDialect = jsonQuery.Count != verzoek.Query.Count(q => !q.Naam.Equals("formaat", StringComparison.OrdinalIgnoreCase));
        var json = csv || IsXlsxGevraagd(verzoek) || metDialect ? await LeesJson(verzoek.Url(jsonQuery)) : JsonNode.Parse(tekst)!.AsObject();
        var csvVanJson = csv && !metDialect ? tekst : null;
        if (json["rijen"] is JsonArray tabelrijen)
        {
            // A dashboard table (/v1/…/tabel): every row has a cell per column, and its CSV is those headings and rows.
            ControleerTabel(verzoek, json, tabelrijen, csvVanJson ?? await LeesCsv(verzoek.Url([.. jsonQuery, ("formaat", "csv")])));
            return;
        }
        var gegevens = json["gegevens"]!.AsArray();
        json["metadata"]!["aantal"]!.GetValue<int>().Should().Be(gegevens.Count, verzoek.ToString());
        var csvTekst = csvVanJson ?? await LeesCsv(verzoek.Url([.. jsonQuery, ("formaat", "csv")]));
        ControleerCsv(verzoek, gegevens, csvTekst);

        switch (verzoek.Operatie.Id)
        {
            case "GetTotalen": await ControleerTotalen(verzoek, jsonQuery, gegevens); break;
            case "GetAandelen": ControleerAandelen(verzoek, gegevens); break;
        }
    }

    private static bool IsXlsxGevraagd(Verzoek verzoek) =>
        string.Join(",", verzoek.Query.Where(q => q.Naam.Equals("formaat", StringComparison.OrdinalIgnoreCase) && q.Waarde.Length > 0).Select(q => q.Waarde))
            .Equals("xlsx", StringComparison.OrdinalIgnoreCase);

    private static bool IsCsvGevraagd(Verzoek verzoek)
    {
        // As the service reads it: the values of every 'formaat' key joined; an empty one leaves the choice to Accept.
        var formaat = string.Join(",", verzoek.Query.Where(q => q.Naam.Equals("formaat", StringComparison.OrdinalIgnoreCase) && q.Waarde.Length > 0).Select(q => q.Waarde));
        return formaat.Length > 0 ? formaat.Equals("csv", StringComparison.OrdinalIgnoreCase) : verzoek.AcceptCsv;
    }

    private async Task<JsonObject> LeesJson(string url)
    {
        using var antwoord = await Haal(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {tekst}");
        return JsonNode.Parse(tekst)!.AsObject();
    }

    private async Task<string> LeesCsv(string url)
    {
        using var antwoord = await Haal(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {tekst}");
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv", url);
        return tekst;
    }

    private static void ControleerProbleem(Verzoek verzoek, HttpResponseMessage antwoord, string tekst)
    {
        antwoord.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{verzoek}: {tekst}");
        var probleem = JsonNode.Parse(tekst)!.AsObject();
        probleem["status"]!.GetValue<int>().Should().Be((int)antwoord.StatusCode, verzoek.ToString());
        probleem["detail"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace(verzoek.ToString());
        probleem["traceId"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace(verzoek.ToString());
        // The declared parameters, formaat (accepted, undeclared since CSV and Excel are operations of their own), and a key sent far
        // too often: the request limit names it whether the operation declares it or not (an operation without query parameters).
        var gedeclareerd = verzoek.Operatie.Parameters.Select(p => p.Naam).Append("formaat")
            .Concat(verzoek.Query.GroupBy(q => q.Naam).Where(g => g.Count() > 64).Select(g => g.Key)).ToHashSet();
        switch (antwoord.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                // Named: every invalid parameter is one the operation declares, and at least one is named.
                var namen = probleem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
                namen.Should().NotBeEmpty(verzoek.ToString());
                namen.Should().OnlyContain(n => gedeclareerd.Contains(n), $"{verzoek}: {tekst}");
                probleem["title"]!.GetValue<string>().Should().ContainAll(namen);
                break;
            case HttpStatusCode.NotFound:
                // A path value that names nothing: the problem names the path parameter. A value that is no path segment at
                // all (a slash, dot segments) leaves the routes, and the framework's 404 says so.
                var titel = probleem["title"]!.GetValue<string>();
                var detail = probleem["detail"]!.GetValue<string>();
                if (titel != "Niet gevonden")
                {
                    titel.Should().StartWith("Niet gevonden: ", $"{verzoek}: {tekst}");
                    verzoek.Operatie.Padparameters.Should().Contain(p => titel.EndsWith(": " + p.Naam, StringComparison.Ordinal)
                        || detail.Contains(p.Naam + " '", StringComparison.Ordinal) || detail.Contains(p.Naam + " ", StringComparison.Ordinal),
                        $"the 404 names the path parameter: {verzoek}: {tekst}");
                }
                verzoek.Pad.Should().NotBeEmpty("only a path value can name something that does not exist: " + verzoek);
                break;
            case HttpStatusCode.RequestUriTooLong:
                (verzoek.Url().Length - verzoek.Url().IndexOf('?', StringComparison.Ordinal) - 1).Should().BeGreaterThan(4096, verzoek.ToString());
                break;
            default:
                throw new Xunit.Sdk.XunitException($"Onverwachte status {(int)antwoord.StatusCode} voor {verzoek}: {tekst}");
        }
    }

    /// <summary>A table's CSV is its JSON: the column titles as the header, then per row its cells, as many as there are columns.</summary>
    private static void ControleerTabel(Verzoek verzoek, JsonObject json, JsonArray rijen, string csvTekst)
    {
        var titels = json["kolommen"]!.AsArray().Select(k => k!["titel"]!.GetValue<string>()).ToList();
        titels.Should().NotBeEmpty(verzoek.ToString());
        using var lezer = new CsvReader(new StringReader(csvTekst.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var regels = new List<string[]>();
        while (lezer.Read()) regels.Add(lezer.Parser.Record!);
        regels.Should().NotBeEmpty(verzoek.ToString());
        regels[0].Should().Equal(titels, verzoek.ToString());
        // A table of a paged list (aansluitingen, bevindingen: Features/TabellenLijsten.cs) is a page of its rows in JSON; its file
        // without pagina and paginaGrootte holds every row of the selection (docs/api.md), of which the JSON's page is the first.
        // Other tables pass their resource's metadata on, whose paging may count something else (standen, not lines).
        var pad = verzoek.Url().Split('?')[0];
        var lijst = pad.EndsWith("/v1/aansluitingen/tabel", StringComparison.Ordinal) || pad.EndsWith("/v1/bevindingen/tabel", StringComparison.Ordinal);
        var bladert = verzoek.Query.Any(q => q.Naam.Equals("pagina", StringComparison.OrdinalIgnoreCase) || q.Naam.Equals("paginaGrootte", StringComparison.OrdinalIgnoreCase));
        var paginering = lijst && !bladert ? json["metadata"]!["paginering"]! : null;
        var verwacht = paginering is not null ? paginering["totaalAantal"]!.GetValue<int>() : rijen.Count;
        if (paginering is not null) paginering["pagina"]!.GetValue<int>().Should().Be(1, verzoek.ToString());
        regels.Should().HaveCount(verwacht + 1, verzoek.ToString());
        foreach (var (rij, regel) in rijen.Zip(regels.Skip(1)))
        {
            var cellen = rij!["cellen"]!.AsArray();
            cellen.Should().HaveCount(titels.Count, verzoek.ToString());
            regel.Should().HaveCount(titels.Count, verzoek.ToString());
            foreach (var (cel, veld) in cellen.Zip(regel))
            {
                if (cel is null) veld.Should().BeEmpty(verzoek.ToString());
                else if (cel.GetValueKind() == System.Text.Json.JsonValueKind.Number && !cel.ToJsonString().Contains('.', StringComparison.Ordinal))
                    veld.Should().Be(cel.ToJsonString(), verzoek.ToString());
            }
        }
    }

    /// <summary>The CSV holds the JSON's figures: the same rows and values for flat rows; the same amounts for nested ones.</summary>
    private static void ControleerCsv(Verzoek verzoek, JsonArray gegevens, string csvTekst)
    {
        using var lezer = new CsvReader(new StringReader(csvTekst.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture));
        var rijen = new List<Dictionary<string, string>>();
        if (lezer.Read())
        {
            lezer.ReadHeader();
            while (lezer.Read()) rijen.Add(lezer.HeaderRecord!.ToDictionary(k => k, k => lezer.GetField(k)!));
        }
        var plat = gegevens.All(r => r!.AsObject().All(v => v.Value is null or JsonValue));
        if (plat)
        {
            rijen.Should().HaveCount(gegevens.Count, verzoek.ToString());
            foreach (var (json, csv) in gegevens.Zip(rijen))
            {
                foreach (var (veld, waarde) in json!.AsObject())
                {
                    csv.Should().ContainKey(veld, verzoek.ToString());
                    csv[veld].Should().Be(AlsCsv(waarde), $"{verzoek}: field {veld}");
                }
            }
            return;
        }
        if (rijen.Count > 0 && !rijen[0].ContainsKey("bedrag"))
        {
            // Nested rows without amounts (a stand and its source files): one CSV row per inner element, at least one per row.
            rijen.Count.Should().BeGreaterThanOrEqualTo(gegevens.Count, verzoek.ToString());
            return;
        }
        var bedragenJson = AlleBedragen(gegevens).Order().ToList();
        var bedragenCsv = rijen.Select(r => r["bedrag"]).Where(b => b.Length > 0).Select(b => long.Parse(b, CultureInfo.InvariantCulture)).Order().ToList();
        bedragenCsv.Should().Equal(bedragenJson, verzoek.ToString());
    }

    private static IEnumerable<long> AlleBedragen(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => kv.Key == "bedrag" && kv.Value is JsonValue v ? [v.GetValue<long>()] : AlleBedragen(kv.Value)),
        JsonArray a => a.SelectMany(AlleBedragen),
        _ => [],
    };

    private static string AlsCsv(JsonNode? waarde) => waarde switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => waarde.ToJsonString(),
    };

    /// <summary>
    /// A total is the sum of its parts: per begroting (or categorie) and year, the amount is the sum of the articles' amounts
    /// for the same query (groepering=artikel); a consolidated group is the sum of its begrotingen; the multi-year total is
    /// the sum of the years.
    /// </summary>
    private async Task ControleerTotalen(Verzoek verzoek, List<(string Naam, string Waarde)> jsonQuery, JsonArray gegevens)
    {
        foreach (var groep in gegevens.GroupBy(r => (B: r!.Tekst("begroting"), A: r!["artikel"]?.ToJsonString(), C: r!["categorie"]?.ToJsonString())))
        {
            var bedragen = groep.Select(r => r!["bedrag"]?.GetValue<long>()).ToList();
            long? som = bedragen.Any(b => b is null) ? null : bedragen.Sum();
            groep.First()!["meerjarigTotaal"]?.GetValue<long>().Should().Be(som, $"{verzoek}: meerjarigTotaal of {groep.Key}");
        }
        var groepering = gegevens.FirstOrDefault()?.Tekst("groepering");
        if (gegevens.Count == 0 || groepering == "artikel") return;
        var artikelQuery = jsonQuery.Where(q => !q.Naam.Equals("groepering", StringComparison.OrdinalIgnoreCase)).Append(("groepering", "artikel")).ToList();
        var artikelen = (await LeesJson(verzoek.Url(artikelQuery)))["gegevens"]!.AsArray();
        foreach (var rij in gegevens)
        {
            var begroting = rij!.Tekst("begroting");
            var delen = begroting.Split('+');
            var categorie = rij!["categorie"]?.GetValue<string>();
            var jaar = rij!["jaar"]!.GetValue<int>();
            var regels = artikelen.Where(a => delen.Contains(a!.Tekst("begroting")) && a!["jaar"]!.GetValue<int>() == jaar
                                              && (categorie is null || a!["categorie"]?.GetValue<string>() == categorie)).ToList();
            regels.Should().NotBeEmpty($"{verzoek}: {begroting} {categorie} {jaar}");
            var bedragen = regels.Select(a => a!["bedrag"]?.GetValue<long>()).ToList();
            long? som = bedragen.Any(b => b is null) ? null : bedragen.Sum();
            (rij["bedrag"]?.GetValue<long>()).Should().Be(som, $"{verzoek}: {begroting} {categorie} {jaar} is the sum of its articles");
        }
    }

    /// <summary>The shares of one level add up to exactly 100.00, of the whole and within each parent.</summary>
    private static void ControleerAandelen(Verzoek verzoek, JsonArray gegevens)
    {
        if (gegevens.Count == 0) return;
        var vanGeheel = gegevens.Select(r => r!["aandeelVanGeheel"]?.GetValue<decimal>()).ToList();
        if (vanGeheel.All(a => a is not null)) vanGeheel.Sum().Should().Be(100.00m, verzoek.ToString());
        foreach (var artikel in gegevens.GroupBy(r => r!["artikel"]!.GetValue<int>()))
        {
            var vanOuder = artikel.Select(r => r!["aandeelVanOuder"]?.GetValue<decimal>()).ToList();
            if (gegevens[0]!.Tekst("niveau") == "waarvan" && vanOuder.All(a => a is not null))
            {
                vanOuder.Sum().Should().Be(100.00m, $"{verzoek}: the parts of artikel {artikel.Key}");
                artikel.Sum(r => r!["bedrag"]?.GetValue<long>() ?? 0).Should().Be(artikel.First()!["bedragOuder"]!.GetValue<long>(), verzoek.ToString());
            }
        }
        // The parts of a level (the articles, or the waarvan lines with each article's remainder) add up to the whole.
        if (gegevens.All(r => r!["bedrag"] is not null))
        {
            gegevens.Sum(r => r!["bedrag"]!.GetValue<long>()).Should().Be(gegevens[0]!["bedragGeheel"]!.GetValue<long>(), $"{verzoek}: the parts add up to the whole");
        }
    }

    [Fact]
    public async Task Een_onbekend_pad_is_een_404_probleem()
    {
        var probleem = await _client.GetProbleem("/v1/begrotingen/JenV/artikelen/31/extra", HttpStatusCode.NotFound);
        probleem.Tekst("title").Should().Be("Niet gevonden");
        probleem.Tekst("detail").Should().Be("Er is geen resource op het pad '/v1/begrotingen/JenV/artikelen/31/extra'. De resources staan onder /v1; zie /v1/openapi.json.");
    }

    [Fact]
    public async Task Een_sleutel_te_vaak_herhaald_is_een_400_die_de_sleutel_noemt()
    {
        var url = "/v1/totalen?" + string.Join("&", Enumerable.Repeat("begroting=JenV", 65));
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("begroting");
        probleem.Tekst("detail").Should().Be("Parameter 'begroting' staat 65 keer in de query; het maximum is 64.");
        (await _client.GetAsync("/v1/totalen?" + string.Join("&", Enumerable.Repeat("begroting=JenV", 64)))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Een_te_lange_query_is_een_414_probleem()
    {
        var probleem = await _client.GetProbleem("/v1/bedragen?sortering=" + new string('a', 4097 - "sortering=".Length), HttpStatusCode.RequestUriTooLong);
        probleem.Tekst("title").Should().Be("Query te lang");
        probleem.Tekst("detail").Should().Be("De query is 4097 tekens lang; het maximum is 4096.");
        (await _client.GetAsync("/v1/bedragen?sortering=" + new string('a', 4096 - "sortering=".Length))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Een_paginagrootte_boven_1000_is_een_400_die_de_parameter_noemt()
    {
        var probleem = await _client.GetProbleem("/v1/bedragen?paginaGrootte=1001", HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("paginaGrootte");
    }

    [Fact]
    public void Het_document_geeft_elke_parameter_een_voorbeeld()
    {
        foreach (var operatie in Contract.Operaties)
        {
            foreach (var p in operatie.Parameters) p.Voorbeelden.Should().NotBeEmpty($"{operatie} {p.Naam}");
        }
        Encoding.UTF8.GetByteCount(Contract.Operaties[0].VoorbeeldUrl()).Should().BeGreaterThan(0);
    }
}
