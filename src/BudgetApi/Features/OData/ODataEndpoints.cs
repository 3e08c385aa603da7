using System.Collections;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BudgetApi.Features.Standen;
using BudgetApi.Http;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using Microsoft.OData.UriParser;

namespace BudgetApi.Features.OData;

/// <summary>The feed's limits, from "Budget:OData" (docs/odata.md, "Limits").</summary>
public sealed class ODataOpties
{
    public const string Sectie = "Budget:OData";

    /// <summary>Rows per page: a longer answer ends with @odata.nextLink (server-driven paging).</summary>
    public int Paginagrootte { get; set; } = 1000;

    /// <summary>The largest $top a client may ask for.</summary>
    public int MaximaleTop { get; set; } = 10000;

    /// <summary>The most nodes a $filter or $orderby expression may have.</summary>
    public int MaximaalAantalKnopen { get; set; } = 100;

    /// <summary>How long one query may compute; beyond it the answer is a 400 that says so, not a late or a 5xx answer.</summary>
    public double TijdslimietSeconden { get; set; } = 10;
}

/// <summary>
/// The OData v4 feed at /odata for Excel, Power BI and any OData client (docs/odata.md): the service document, $metadata and
/// six entity sets, read-only. Microsoft.AspNetCore.OData parses and applies every query option ($filter, $select, $orderby,
/// $top, $skip, $count, $apply) and writes the OData JSON; this class only chooses the rows (<see cref="Feedgegevens"/>), the
/// limits and the answers around them (ETag per data version, problems for what the feed refuses).
/// </summary>
public static class ODataEndpoints
{
    public const string Prefix = "/odata";

    public const string Namespace = "BudgetApi";

    /// <summary>The model: entity sets, keys, and the names the EDM gives the types.</summary>
    public static IEdmModel Model { get; } = Bouw();

    /// <summary>
    /// Starts building <see cref="Model"/> on a thread-pool thread, from the first line of Program.cs: the convention builder
    /// reflects over six types and loads and compiles much of the OData libraries, which took about half of the time from
    /// process start to listening (bench/toelichting.md, "Cold start and memory"). It then runs beside the host's build and
    /// the data's load; <see cref="MapOData"/> takes the model when it maps the feed, waiting for the rest if it is not done.
    /// </summary>
    public static void BouwVooraf() => ThreadPool.UnsafeQueueUserWorkItem(_ =>
    {
        try
        {
            _ = Model;
        }
        catch
        {
            // MapOData meets the same failure on the main thread, where it stops the start with its message.
        }
    }, null);

    private static IEdmModel Bouw()
    {
        var model = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Budget" };
        var regel = model.EntitySet<Regel>("Regels").EntityType;
        regel.HasKey(r => new { r.RegelId, r.Jaar });
        var artikel = model.EntitySet<Artikelbedrag>("Artikelen").EntityType;
        artikel.HasKey(r => new { r.RegelId, r.Jaar });
        artikel.Name = "Artikel";
        var stand = model.EntitySet<StandRegel>("Standen").EntityType;
        stand.HasKey(s => s.Id);
        stand.Name = "Stand";
        model.ComplexType<StandbronRegel>().Name = "Standbron";
        var begroting = model.EntitySet<BegrotingRegel>("Begrotingen").EntityType;
        begroting.HasKey(b => b.Code);
        begroting.Name = "Begroting";
        model.EntitySet<Organisatiecijfer>("Organisatiecijfers").EntityType.HasKey(o => o.Nummer);
        var bevinding = model.EntitySet<BevindingRegel>("Bevindingen").EntityType;
        bevinding.HasKey(b => b.Id);
        bevinding.Name = "Bevinding";
        model.ComplexType<BevindingcijferRegel>().Name = "Bevindingcijfer";
        foreach (var type in model.StructuralTypes) type.Namespace = Namespace;
        return model.GetEdmModel();
    }

    public static IServiceCollection VoegODataToe(this IServiceCollection services, IConfiguration configuratie)
    {
        var opties = configuratie.GetSection(ODataOpties.Sectie).Get<ODataOpties>() ?? new ODataOpties();
        services.AddSingleton(opties);
        // $expand has nothing to expand (the sets have no navigation properties); every other query option is on, $apply included.
        services.AddOData(o => o.Select().Filter().OrderBy().Count().SetMaxTop(opties.MaximaleTop));
        return services;
    }

    public static IEndpointRouteBuilder MapOData(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup(Prefix).ExcludeFromDescription().WithMetadata(new Versieafhankelijk());
        groep.AddEndpointFilter(Omhul);
        groep.MapODataServiceDocument("", Model).WithODataBaseAddressFactory(Basisadres);
        groep.MapGet("$metadata", Metadata);
        Set<Regel>(groep, "Regels", f => f.Regels);
        Set<Artikelbedrag>(groep, "Artikelen", f => f.Artikelen);
        Set<StandRegel>(groep, "Standen", f => f.Standen);
        Set<BegrotingRegel>(groep, "Begrotingen", f => f.Begrotingen);
        Set<Organisatiecijfer>(groep, "Organisatiecijfers", f => f.Organisatiecijfers);
        Set<BevindingRegel>(groep, "Bevindingen", f => f.Bevindingen);
        return app;
    }

    /// <summary>
    /// $metadata as XML CSDL, whatever the Accept header prefers: the library would answer JSON CSDL (OData 4.01) to an Accept
    /// that lists application/json first, as Power Query's does, and a 4.0 client (Excel, Power BI, most libraries) reads only XML.
    /// The document is written by the library's own CSDL writer.
    /// </summary>
    private static IResult Metadata(HttpContext http)
    {
        http.Response.Headers["OData-Version"] = "4.0";
        return Results.Text(MetadataXml.Value, "application/xml; charset=utf-8", Encoding.UTF8);
    }

    private static readonly Lazy<string> MetadataXml = new(() =>
    {
        using var tekst = new Utf8StringWriter();
        using (var xml = System.Xml.XmlWriter.Create(tekst))
        {
            if (!Microsoft.OData.Edm.Csdl.CsdlWriter.TryWriteCsdl(Model, xml, Microsoft.OData.Edm.Csdl.CsdlTarget.OData, out var fouten))
            {
                throw new InvalidOperationException("Het OData-model is ongeldig: " + string.Join("; ", fouten.Select(f => f.ErrorMessage)));
            }
        }
        return tekst.ToString();
    });

    private sealed class Utf8StringWriter() : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }

    private static void Set<T>(RouteGroupBuilder groep, string naam, Func<Feedgegevens, IReadOnlyList<T>> rijen) where T : class
    {
        groep.MapGet(naam, (ODataQueryOptions<T> opties, Gegevens gegevens, ODataOpties limieten, HttpContext http) =>
                Beantwoord(opties, rijen(Feedgegevens.Van(gegevens)), limieten, http))
            .WithODataResult()
            .WithODataModel(Model)
            .WithODataServices(diensten => diensten.AddSingleton<IAggregationBinder, Somregel>())
            .WithODataBaseAddressFactory(Basisadres)
            // The path names the entity set itself: an $apply answer's rows are of a type the model does not know, so the
            // library's default (the set of the rows' type) cannot find it.
            .WithODataPathFactory((_, _) => new ODataPath(new EntitySetSegment(Model.EntityContainer.FindEntitySet(naam))));

        // /Regels/$count: the number of rows that match $filter, as text (OData's raw count).
        groep.MapGet(naam + "/$count", (ODataQueryOptions<T> opties, Gegevens gegevens, ODataOpties limieten, HttpContext http) =>
        {
            http.Response.Headers["OData-Version"] = "4.0";
            return Results.Text(Tel(opties, rijen(Feedgegevens.Van(gegevens)), limieten).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "text/plain; charset=utf-8", Encoding.UTF8);
        }).WithODataModel(Model);
    }

    /// <summary>The rows that match $filter (the only option a count takes), counted under the same limits.</summary>
    private static long Tel<T>(ODataQueryOptions<T> opties, IReadOnlyList<T> rijen, ODataOpties limieten)
    {
        var validatie = Validatie(limieten);
        if (opties.RawValues.Filter is null) return rijen.Count;
        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(limieten.TijdslimietSeconden));
        try
        {
            opties.Filter.Validate(validatie);
            return Uitgepakt(() => opties.Filter.ApplyTo(Bewaakt(rijen, tijd, limieten, tijd.Token).AsQueryable(), new ODataQuerySettings()).Cast<object>().LongCount());
        }
        catch (ODataException fout)
        {
            throw new Weigering(Problemen.OngeldigeParameter("$filter", fout.Message));
        }
        catch (OperationCanceledException) when (tijd.IsCancellationRequested)
        {
            throw new Weigering(Problemen.OngeldigeParameter("$filter", Tijdslimietmelding(limieten)));
        }
        catch (ArithmeticException fout)
        {
            throw new Weigering(Problemen.OngeldigeParameter("$filter", $"De query kan over deze gegevens niet worden uitgerekend: {fout.Message}"));
        }
    }

    /// <summary>The service root: the context URL and every nextLink are absolute URLs below it.</summary>
    private static Uri Basisadres(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}/");

    /// <summary>
    /// Validates the query against the limits, applies it to the version's rows with the page size, and computes the page
    /// (and $count) within the time limit, before a byte is written: what fails is a 400 problem naming the query option.
    /// </summary>
    private static object Beantwoord<T>(ODataQueryOptions<T> opties, IReadOnlyList<T> rijen, ODataOpties limieten, HttpContext http)
    {
        var validatie = Validatie(limieten);
        foreach (var (optie, valideer) in Onderdelen(opties, validatie))
        {
            try
            {
                valideer();
            }
            catch (ODataException fout)
            {
                throw new Weigering(Problemen.OngeldigeParameter(optie, fout.Message));
            }
        }

        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(limieten.TijdslimietSeconden));
        using var samen = CancellationTokenSource.CreateLinkedTokenSource(tijd.Token, http.RequestAborted);
        try
        {
            var bron = Bewaakt(rijen, tijd, limieten, samen.Token).AsQueryable();
            var instellingen = new ODataQuerySettings { PageSize = limieten.Paginagrootte, EnsureStableOrdering = true };
            var feature = http.ODataFeature();
            var pagina = Uitgepakt(() =>
            {
                var resultaat = opties.ApplyTo(bron, instellingen);
                // The page and the count are computed here, under the time limit, not while the answer is being written.
                var rijen = Materialiseer(resultaat);
                if (feature.TotalCountFunc is { } telling) feature.TotalCount = telling();
                return rijen;
            });
            return feature.ApplyClause is null ? pagina : new Aggregatie<T>(pagina);
        }
        catch (ODataException fout)
        {
            throw new Weigering(Problemen.OngeldigeParameter(Optienaam(opties), fout.Message));
        }
        catch (OperationCanceledException) when (tijd.IsCancellationRequested)
        {
            throw new Weigering(Problemen.OngeldigeParameter(Optienaam(opties), Tijdslimietmelding(limieten)));
        }
        catch (ArithmeticException fout)
        {
            // A query the rows cannot answer: 'Bedrag div 0', a sum past Int64. The client's expression, so a 400, never a 500.
            throw new Weigering(Problemen.OngeldigeParameter(Optienaam(opties), $"De query kan over deze gegevens niet worden uitgerekend: {fout.Message}"));
        }
    }

    private static ODataValidationSettings Validatie(ODataOpties limieten) => new()
    {
        MaxTop = limieten.MaximaleTop,
        MaxNodeCount = limieten.MaximaalAantalKnopen,
        MaxOrderByNodeCount = 10,
        MaxAnyAllExpressionDepth = 2,
        AllowedQueryOptions = AllowedQueryOptions.Supported & ~AllowedQueryOptions.Expand,
    };

    private static string Tijdslimietmelding(ODataOpties limieten) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"De query duurde langer dan de tijdslimiet van {limieten.TijdslimietSeconden:0.#} s en is afgebroken; beperk hem met $filter of $top (docs/odata.md).");

    /// <summary>Each query option the request has, with its own validation, so a refusal names the option.</summary>
    private static IEnumerable<(string Optie, Action Valideer)> Onderdelen<T>(ODataQueryOptions<T> opties, ODataValidationSettings validatie)
    {
        var ruw = opties.RawValues;
        if (ruw.Expand is not null) yield return ("$expand", () => throw new ODataException("$expand wordt niet ondersteund: de entiteitensets hebben geen navigatie-eigenschappen."));
        if (ruw.Filter is not null) yield return ("$filter", () => opties.Filter.Validate(validatie));
        if (ruw.Select is not null) yield return ("$select", () => opties.SelectExpand.Validate(validatie));
        if (ruw.OrderBy is not null) yield return ("$orderby", () => opties.OrderBy.Validate(validatie));
        if (ruw.Top is not null) yield return ("$top", () => opties.Top.Validate(validatie));
        if (ruw.Skip is not null) yield return ("$skip", () => opties.Skip.Validate(validatie));
        if (ruw.Count is not null) yield return ("$count", () => { _ = opties.Count.Value; opties.Count.Validate(validatie); });
        if (ruw.Apply is not null) yield return ("$apply", () => Aggregaatregels.Controleer(opties.Apply.ApplyClause));
        if (ruw.Search is not null) yield return ("$search", () => throw new ODataException("$search wordt niet ondersteund; filter met $filter (contains(Omschrijving,'…')))."));
        yield return ("query", () => opties.Validate(validatie));
    }

    /// <summary>The option a failure while computing is reported under: $apply when there is one, else $filter, else the query as a whole.</summary>
    private static string Optienaam<T>(ODataQueryOptions<T> opties) =>
        opties.RawValues.Apply is not null ? "$apply" : opties.RawValues.Filter is not null ? "$filter" : "query";

    /// <summary>
    /// Runs the query. The library applies parts of it through reflection, so what a row throws (the time limit, 'Bedrag div 0')
    /// arrives wrapped in a TargetInvocationException: unwrapped here, so it is answered as what it is.
    /// </summary>
    private static TUitkomst Uitgepakt<TUitkomst>(Func<TUitkomst> reken)
    {
        try
        {
            return reken();
        }
        catch (System.Reflection.TargetInvocationException fout) when (fout.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fout.InnerException);
            throw;
        }
    }

    /// <summary>The source rows, with the time limit checked at every row any operator (filter, group, sort) reads.</summary>
    private static IEnumerable<T> Bewaakt<T>(IReadOnlyList<T> rijen, CancellationTokenSource tijd, ODataOpties limieten, CancellationToken token)
    {
        // The timer of 'tijd' fires no sooner than the clock's tick (a millisecond or more), so a short query on a quiet machine
        // could outrun a limit below it; the elapsed time is therefore also read off the clock every 256 rows and at the end,
        // which makes the limit hold whatever it is set to.
        var limiet = TimeSpan.FromSeconds(limieten.TijdslimietSeconden);
        var begin = Stopwatch.GetTimestamp();
        var teller = 0;
        foreach (var rij in rijen)
        {
            if ((++teller & 255) == 0 && Stopwatch.GetElapsedTime(begin) > limiet) tijd.Cancel();
            token.ThrowIfCancellationRequested();
            yield return rij;
        }
        if (Stopwatch.GetElapsedTime(begin) > limiet) tijd.Cancel();
        token.ThrowIfCancellationRequested();
    }

    /// <summary>The answer's rows in a list of their own element type ($select and $apply give the OData library's own types).</summary>
    private static IQueryable Materialiseer(IQueryable resultaat)
    {
        var lijst = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(resultaat.ElementType))!;
        foreach (var rij in resultaat) lijst.Add(rij);
        return lijst.AsQueryable();
    }

    /// <summary>
    /// The rows of an $apply answer (groups and aggregates, of types the library makes), declared as a set of the entity set's
    /// type. The minimal-API OData result picks its serializer by the runtime type of the value, and finds none for the
    /// library's aggregate types; a controller declares the action's type instead (IQueryable of the entity), and the resource
    /// set serializer, which enumerates the rows untyped, writes them. This declares the same, so the same serializer writes them.
    /// </summary>
    private sealed class Aggregatie<T>(IQueryable rijen) : IEnumerable<T>
    {
        IEnumerator<T> IEnumerable<T>.GetEnumerator() =>
            throw new NotSupportedException("De rijen van een $apply zijn groepen, geen entiteiten; lees ze ongetypeerd.");

        IEnumerator IEnumerable.GetEnumerator() => rijen.GetEnumerator();
    }

    /// <summary>
    /// A refused query, carried past the OData result filter (which would write anything a handler returns as OData) to
    /// <see cref="Omhul"/>, which answers it as the problem it is.
    /// </summary>
    private sealed class Weigering(IResult probleem) : Exception("De OData-query is geweigerd.")
    {
        public IResult Probleem { get; } = probleem;
    }

    /// <summary>
    /// Around every entity set: a refused query becomes its problem (400); a 200 names the data version in a strong ETag
    /// (If-None-Match then answers 304, <see cref="Voorwaardelijk"/>). The Accept header and $format are in the tag too: a
    /// representation the OData writer chooses by them is never under the tag of another.
    /// </summary>
    private static async ValueTask<object?> Omhul(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        object? resultaat;
        try
        {
            resultaat = await next(context);
        }
        catch (Weigering weigering)
        {
            return weigering.Probleem;
        }
        var http = context.HttpContext;
        var representatie = $"{http.Request.Headers.Accept}|{http.Request.Query["$format"]}";
        var kort = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(representatie)))[..8];
        http.Response.Headers.ETag = $"\"{Voorwaardelijk.Gegevensversie(http)}-{Voorwaardelijk.Bouw}-odata-{kort}\"";
        http.Response.Headers.Vary = "Accept";
        return resultaat;
    }
}
