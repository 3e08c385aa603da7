using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace BudgetApi.ClientTests;

/// <summary>
/// The OData feed read as an OData client reads it: the model from $metadata with the OData library's CSDL reader, every answer
/// with its ODataMessageReader (the reader Microsoft's OData clients are built on; Microsoft.OData.Client and Simple.OData.Client
/// are not served by this project's package source). Nothing here parses OData JSON by hand: if the feed's payloads, context
/// URLs, nextLinks or counts were not valid OData for its own $metadata, the reader would throw. The figures are compared with
/// the REST resources.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class ODataClientTests(BudgetApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    private static readonly Uri Root = new("http://localhost/odata/");

    [Fact]
    public async Task Metadata_beschrijft_de_zes_entiteitensets_met_geld_als_Int64()
    {
        var model = await LeesModel();

        model.EntityContainer.EntitySets().Select(s => s.Name).Should()
            .BeEquivalentTo("Regels", "Artikelen", "Standen", "Begrotingen", "Organisatiecijfers", "Bevindingen");
        foreach (var set in new[] { "Regels", "Artikelen" })
        {
            var bedrag = model.EntityContainer.FindEntitySet(set).EntityType.FindProperty("Bedrag");
            bedrag.Type.PrimitiveKind().Should().Be(EdmPrimitiveTypeKind.Int64, $"{set}.Bedrag is money: integer thousands of euros");
            bedrag.Type.IsNullable.Should().BeTrue("a blank in the source is null, never 0");
        }
        // No figure of the budget lines is a Decimal or a Double anywhere in the model.
        model.SchemaElements.OfType<IEdmEntityType>().Where(t => t.Name is "Regel" or "Artikel")
            .SelectMany(t => t.DeclaredStructuralProperties())
            .Should().NotContain(p => p.Type.IsDecimal() || p.Type.IsDouble() || p.Type.IsSingle());

        var dienst = await Lees(model, Root, lezer => lezer.ReadServiceDocument());
        dienst.EntitySets.Select(s => s.Name).Should().Contain(["Regels", "Artikelen", "Standen", "Begrotingen", "Organisatiecijfers", "Bevindingen"]);
    }

    [Fact]
    public async Task Elke_nextLink_tot_het_eind_geeft_alle_regels_van_een_stand_en_het_aantal_klopt()
    {
        var model = await LeesModel();
        var filter = Uri.EscapeDataString("Stand eq 'VI-2016-ontwerpbegroting'");
        var (rijen, aantal, paginas) = await LeesAlles(model, "Regels", $"Regels?$filter={filter}&$count=true");

        aantal.Should().Be(rijen.Count);
        paginas.Should().BeGreaterThan(1, "the stand has more lines than one page holds: the test must follow nextLinks");
        // The REST resource for the same stand: the same number of amounts, and the same total of its artikel lines per soort and year.
        var bedragen = await Json("/v1/bedragen?begroting=VI&begrotingsjaar=2016&fase=ontwerpbegroting&paginaGrootte=1");
        rijen.Count.Should().Be((int)bedragen["metadata"]!["paginering"]!["totaalAantal"]!);
        rijen.Select(r => (long)r["RegelId"]! * 10_000 + (int)r["Jaar"]!).Should().OnlyHaveUniqueItems("a row appears on one page only");

        var uitgaven2016 = rijen.Where(r => (string)r["Soort"]! == "uitgaven" && (int)r["Jaar"]! == 2016 && (string)r["Regelsoort"]! == "artikel")
            .Sum(r => (long?)r["Bedrag"] ?? 0);
        uitgaven2016.Should().Be(11_456_930L, "README: the ontwerpbegroting 2016 of VI, uitgaven 2016, is 11.456.930");
    }

    [Fact]
    public async Task Alle_regels_van_de_feed_tot_de_laatste_pagina()
    {
        var model = await LeesModel();
        var (rijen, aantal, paginas) = await LeesAlles(model, "Regels", "Regels?$count=true&$select=RegelId,Jaar,Bedrag");

        aantal.Should().Be(rijen.Count);
        paginas.Should().Be((int)Math.Ceiling(aantal / 1000.0));
        var totaal = await LeesTekst("Regels/$count");
        long.Parse(totaal, CultureInfo.InvariantCulture).Should().Be(aantal);
    }

    [Fact]
    public async Task Apply_geeft_JenV_uitgaven_2026_als_de_REST_totalen()
    {
        var model = await LeesModel();
        var apply = Uri.EscapeDataString(
            "filter(Begroting eq 'JenV' and Begrotingsjaar eq 2026 and Fase eq 'ontwerpbegroting' and Soort eq 'uitgaven' and Jaar eq 2026)/aggregate(Bedrag with sum as Totaal)");
        var (rijen, _, _) = await LeesAlles(model, "Artikelen", $"Artikelen?$apply={apply}");

        var totaal = Getal(rijen.Single()["Totaal"]);
        totaal.Should().Be(18_596_347L);
        var rest = await Json("/v1/totalen?begroting=JenV&soort=uitgaven&groepering=begroting&vanJaar=2026&totJaar=2026");
        totaal.Should().Be((long)rest["gegevens"]![0]!["bedrag"]!);
    }

    [Fact]
    public async Task Apply_per_stand_geeft_VI_artikel_31_2015_van_ontwerpbegroting_tot_jaarverslag()
    {
        var model = await LeesModel();
        var apply = Uri.EscapeDataString(
            "filter(Hoofdstuk eq 'VI' and Begrotingsjaar eq 2015 and Soort eq 'uitgaven' and Artikel eq 31 and Jaar eq 2015)/groupby((Fase),aggregate(Bedrag with sum as Bedrag))");
        var (rijen, _, _) = await LeesAlles(model, "Artikelen", $"Artikelen?$apply={apply}");
        var perFase = rijen.ToDictionary(r => (string)r["Fase"]!, r => Getal(r["Bedrag"]));

        perFase["ontwerpbegroting"].Should().Be(5_132_936L);
        perFase["jaarverslag"].Should().Be(5_146_049L);
        foreach (var (fase, bedrag) in perFase)
        {
            var rest = await Json($"/v1/begrotingen/VI/artikelen/31?begrotingsjaar=2015&fase={fase}&soort=uitgaven");
            var jaar = rest["gegevens"]![0]!["bedragen"]!.AsArray().Single(b => (int)b!["jaar"]! == 2015)!;
            bedrag.Should().Be((long)jaar["bedrag"]!, $"the {fase} 2015 of VI artikel 31 as /v1/begrotingen/VI/artikelen/31 gives it");
        }
    }

    [Fact]
    public async Task Filter_en_apply_per_artikel_geven_de_artikelen_van_de_REST_resource()
    {
        var model = await LeesModel();
        // Every line of the stand, paged through, then summed per artikel and year by the feed: the artikel lines only, as totals do.
        var apply = Uri.EscapeDataString(
            "filter(Stand eq 'VI-2026-ontwerpbegroting' and Soort eq 'uitgaven' and Regelsoort eq 'artikel')/groupby((Artikel,Jaar),aggregate(Bedrag with sum as Bedrag))");
        var (groepen, _, _) = await LeesAlles(model, "Regels", $"Regels?$apply={apply}");
        var rest = await Json("/v1/begrotingen/JenV/artikelen?begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven");

        var verwacht = rest["gegevens"]!.AsArray()
            .SelectMany(a => a!["bedragen"]!.AsArray().Select(b => ((int)a["artikel"]!, (int)b!["jaar"]!, (long?)b["bedrag"])))
            .ToList();
        verwacht.Should().NotBeEmpty();
        groepen.Select(g => ((int)g["Artikel"]!, (int)g["Jaar"]!, g["Bedrag"] is null ? (long?)null : Getal(g["Bedrag"]))).Should().BeEquivalentTo(verwacht);

        // $filter alone: the lines of one artikel, the same as the REST resource's artikel line.
        var filter = Uri.EscapeDataString("Stand eq 'VI-2026-ontwerpbegroting' and Soort eq 'uitgaven' and Artikel eq 31 and Jaar eq 2026 and Regelsoort eq 'artikel'");
        var (regels, _, _) = await LeesAlles(model, "Regels", $"Regels?$filter={filter}");
        ((long?)regels.Single()["Bedrag"]).Should().Be(verwacht.Single(v => v.Item1 == 31 && v.Item2 == 2026).Item3);
    }

    /// <summary>$metadata through the library's CSDL reader: what a client builds its model from.</summary>
    private async Task<IEdmModel> LeesModel()
    {
        using var antwoord = await _http.GetAsync(new Uri(Root, "$metadata"));
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        using var xml = XmlReader.Create(await antwoord.Content.ReadAsStreamAsync());
        CsdlReader.TryParse(xml, out var model, out var fouten).Should().BeTrue(string.Join("; ", fouten?.Select(f => f.ErrorMessage) ?? []));
        return model;
    }

    /// <summary>Reads a resource set and follows every nextLink to the end: the rows (top-level resources), @odata.count and the number of pages.</summary>
    private async Task<(List<Dictionary<string, object?>> Rijen, long Aantal, int Paginas)> LeesAlles(IEdmModel model, string set, string verzoek)
    {
        var entiteitenset = model.EntityContainer.FindEntitySet(set);
        var rijen = new List<Dictionary<string, object?>>();
        long? aantal = null;
        var paginas = 0;
        Uri? volgende = new(Root, verzoek);
        while (volgende is not null)
        {
            paginas++;
            paginas.Should().BeLessThan(1000, "paging must end");
            var pagina = volgende;
            (volgende, var telling) = await Lees(model, pagina, lezer =>
            {
                var reader = lezer.CreateODataResourceSetReader(entiteitenset, entiteitenset.EntityType);
                Uri? next = null;
                long? count = null;
                var diepte = 0;
                while (reader.Read())
                {
                    switch (reader.State)
                    {
                        case ODataReaderState.ResourceStart:
                            diepte++;
                            break;
                        case ODataReaderState.ResourceEnd:
                            if (diepte-- == 1 && reader.Item is ODataResource rij)
                            {
                                rijen.Add(rij.Properties.OfType<ODataProperty>().ToDictionary(p => p.Name, p => (object?)p.Value));
                            }
                            break;
                        case ODataReaderState.ResourceSetEnd when diepte == 0:
                            var resourceSet = (ODataResourceSet)reader.Item;
                            next = resourceSet.NextPageLink;
                            count = resourceSet.Count;
                            break;
                    }
                }
                return (next, count);
            });
            aantal ??= telling;
        }
        return (rijen, aantal ?? -1, paginas);
    }

    private async Task<T> Lees<T>(IEdmModel model, Uri uri, Func<ODataMessageReader, T> lees)
    {
        using var antwoord = await _http.GetAsync(uri);
        var lichaam = await antwoord.Content.ReadAsByteArrayAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(lichaam));
        var bericht = new Antwoordbericht(antwoord, lichaam);
        var instellingen = new ODataMessageReaderSettings
        {
            BaseUri = Root,
            // An $apply answer has the aggregates' own names (Totaal), which the entity type does not declare.
            Validations = ValidationKinds.All & ~ValidationKinds.ThrowOnUndeclaredPropertyForNonOpenType,
        };
        using var lezer = new ODataMessageReader((IODataResponseMessage)bericht, instellingen, model);
        return lees(lezer);
    }

    /// <summary>An aggregate: Int64 as the model's type when declared, or the untyped JSON number the reader keeps for an undeclared name.</summary>
    private static long Getal(object? waarde) => waarde switch
    {
        long l => l,
        int i => i,
        ODataUntypedValue ruw => long.Parse(ruw.RawValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Geen geheel getal: {waarde} ({waarde?.GetType().Name})"),
    };

    private async Task<string> LeesTekst(string pad)
    {
        using var antwoord = await _http.GetAsync(new Uri(Root, pad));
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        return await antwoord.Content.ReadAsStringAsync();
    }

    private async Task<JsonNode> Json(string pad)
    {
        using var antwoord = await _http.GetAsync(pad);
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!;
    }

    /// <summary>An HTTP response as the OData library's reader takes it.</summary>
    private sealed class Antwoordbericht(HttpResponseMessage antwoord, byte[] lichaam) : IODataResponseMessage
    {
        public IEnumerable<KeyValuePair<string, string>> Headers => antwoord.Headers.Concat(antwoord.Content.Headers)
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)));

        public int StatusCode { get => (int)antwoord.StatusCode; set => throw new NotSupportedException(); }

        public string? GetHeader(string headerName) => Headers.FirstOrDefault(h => string.Equals(h.Key, headerName, StringComparison.OrdinalIgnoreCase)).Value;

        public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

        public Stream GetStream() => new MemoryStream(lichaam, writable: false);
    }
}
