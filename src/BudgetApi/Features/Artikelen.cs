using System.ComponentModel;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetApi.Features;

/// <summary>Het bedrag van één regel in één jaar.</summary>
/// <param name="Jaar">Het jaar.</param>
/// <param name="Bedrag">Bedrag x € 1.000; null waar de bron geen cijfer drukt (een lege cel is geen 0).</param>
public sealed record Jaarbedrag(int Jaar, long? Bedrag);

/// <summary>Een benoemd deel van een regel, zoals gedrukt: een waarvan-regel van het document, of een regel van de budgettaire tabellen onder zijn artikel.</summary>
/// <param name="Omschrijving">Omschrijving zoals gedrukt, zonder "waarvan".</param>
/// <param name="Bedragen">Bedragen per jaar, x € 1.000.</param>
/// <param name="BronRegel">Regel in het bronbestand.</param>
/// <param name="Niveau">waarvan (het document), of programma-apparaat, artikelonderdeel, financieel-instrument, uitsplitsing, nadere-omschrijving (budgettaire tabellen).</param>
/// <param name="Code">Code zoals gedrukt (het artikelonderdeel 31.2); leeg als de bron er geen geeft.</param>
/// <param name="Waarvanregels">De delen van deze regel, op hun diepte; leeg als de bron de regel niet verder uitsplitst.</param>
/// <param name="Overig">"overig, niet gespecificeerd": deze regel min zijn delen, per jaar. Null als de regel geen delen heeft.</param>
public sealed record Waarvanregel(
    string Omschrijving, IReadOnlyList<Jaarbedrag> Bedragen, int BronRegel, string Niveau, string? Code,
    IReadOnlyList<Waarvanregel> Waarvanregels, IReadOnlyList<Jaarbedrag>? Overig);

/// <summary>Een begrotingsartikel van één stand met zijn bedragen per jaar, zijn delen en de niet-gespecificeerde rest.</summary>
/// <param name="Begroting">Code van de begroting (JenV).</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting (VI).</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de stand.</param>
/// <param name="Fase">Fase van de stand.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer.</param>
/// <param name="Omschrijving">Naam van het artikel zoals gedrukt.</param>
/// <param name="Categorie">beleidsartikel of niet-beleidsartikel; leeg waar de bron het niet zegt (begrotingsstaten).</param>
/// <param name="Bedragen">Bedragen van het artikel per jaar, x € 1.000.</param>
/// <param name="Waarvanregels">De delen van het artikel zoals gedrukt (waarvanregels, of de regels van de budgettaire tabel), elk met zijn eigen delen.</param>
/// <param name="Overig">"overig, niet gespecificeerd": het artikel min zijn delen, per jaar, zodat de delen optellen tot het artikel. Null als het artikel geen delen heeft.</param>
/// <param name="BronTabel">Titel van de tabel in de bron.</param>
/// <param name="BronBestand">Het bronbestand: het introductiedossier of een standbestand.</param>
/// <param name="BronRegel">Regel in het bronbestand.</param>
public sealed record Begrotingsartikel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Soort, int Artikel, string Omschrijving, string? Categorie,
    IReadOnlyList<Jaarbedrag> Bedragen, IReadOnlyList<Waarvanregel> Waarvanregels, IReadOnlyList<Jaarbedrag>? Overig,
    string BronTabel, string BronBestand, int BronRegel);

/// <summary>The flat form of an article (one row per line and year), as the CSV gives it.</summary>
public sealed record ArtikelregelPlat(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Soort, int Artikel, string? Categorie, string Regelsoort,
    [property: Domein.Pad] string Pad, string Omschrijving, int Jaar, long? Bedrag, string BronTabel, string BronBestand, int? BronRegel);

public sealed record ArtikelenQuery
{
    /// <summary>Code van de begroting: JenV of AenM.</summary>
    [Description("Code van de begroting (JenV, AenM, IXB …) of het hoofdstuk (VI).")]
    public required string Begroting { get; init; }

    /// <summary>uitgaven of ontvangsten; zonder soort alle.</summary>
    [Description("verplichtingen, uitgaven of ontvangsten; zonder deze parameter alle; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben. Bijvoorbeeld: uitgaven")]
    public string? Soort { get; init; }

    [Description("Begrotingsjaar van de stand. Standaard: het laatste begrotingsjaar van de begroting. Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Fase van de stand: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. " +
                 "Standaard: de laatste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in het nummer en de naam van het artikel en in de namen van al zijn delen; een artikel dat past komt heel.")]
    public string? Q { get; init; }
}

public sealed class ArtikelenQueryValidator : AbstractValidator<ArtikelenQuery>
{
    public ArtikelenQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Q).Zoekvraag();
        // An unknown begroting in the path is a 404 (the handler's); the stand is checked for a begroting that exists.
        RuleFor(q => q).Custom((q, context) =>
        {
            if (ArtikelenEndpoints.MetStanden(catalogus, q.Begroting) is not { } begroting) return;
            var keuze = Standkeuzes.Een(catalogus, begroting, q.Begrotingsjaar, q.Fase);
            Standkeuzes.VoegFoutenToe(context, keuze);
            if (keuze.IsGeldig && Standkeuzes.SoortFout(catalogus, q.Soort, keuze.Standen) is { } soort) context.AddFailure("soort", soort);
        });
    }
}

public static class ArtikelenEndpoints
{
    public static RouteGroupBuilder MapArtikelen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/begrotingen/{begroting}/artikelen").WithTags("Artikelen");
        group.MapGet("", GetArtikelen)
            .WithName("GetArtikelen")
            .WithSummary("De artikelen van een stand van een begroting")
            .WithDescription("Elk artikel met zijn bedragen per jaar (x € 1.000), zijn delen (de waarvanregels van het document, of de regels van de " +
                             "budgettaire tabel op elke diepte) en per regel met delen de rest 'overig, niet gespecificeerd', zodat de delen optellen tot " +
                             "de regel. Standaard de laatste stand van de begroting. In CSV één regel per artikel-, deel- of restregel en jaar.")
            .MetValidatie<ArtikelenQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artikel}", GetArtikel)
            .WithName("GetArtikel")
            .WithSummary("Eén artikel van een stand van een begroting")
            .WithDescription("Het artikel (elke soort, of de gevraagde) met zijn bedragen per jaar, delen en rest. Bijvoorbeeld artikel 31 (Politie) van JenV.")
            .MetValidatie<ArtikelenQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static Results<LijstResultaat<Begrotingsartikel>, ProblemHttpResult> GetArtikelen([AsParameters] ArtikelenQuery query, BudgetDb db, Catalogus catalogus)
    {
        if (MetStanden(catalogus, query.Begroting) is not { } begroting) return OnbekendeBegroting(query.Begroting, catalogus);
        var stand = Standkeuzes.Een(catalogus, begroting, query.Begrotingsjaar, query.Fase).Standen[0];
        var zoek = Domein.Zoekterm.Lees(query.Q);
        var artikelen = LeesArtikelen(db, stand, Queryregels.Canoniek(query.Soort, Queryregels.Soorten), artikel: null)
            .Where(a => zoek is null || Past(zoek, a)).ToList();
        return Antwoord(stand, artikelen, $"artikelen-{begroting.Code}");
    }

    static Results<LijstResultaat<Begrotingsartikel>, ProblemHttpResult> GetArtikel(
        [AsParameters] ArtikelenQuery query,
        [Description("Artikelnummer, bijvoorbeeld 31 (Politie).")] int artikel,
        BudgetDb db, Catalogus catalogus)
    {
        if (MetStanden(catalogus, query.Begroting) is not { } begroting) return OnbekendeBegroting(query.Begroting, catalogus);
        var stand = Standkeuzes.Een(catalogus, begroting, query.Begrotingsjaar, query.Fase).Standen[0];
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten);
        var zoek = Domein.Zoekterm.Lees(query.Q);
        var artikelen = LeesArtikelen(db, stand, soort, artikel).Where(a => zoek is null || Past(zoek, a)).ToList();
        if (artikelen.Count == 0)
        {
            return Problemen.NietGevonden("artikel", $"Begroting {begroting.Code} heeft in de stand {stand.Label} geen artikel {artikel}{(soort is null ? "" : " bij de " + soort)}" +
                                                     (zoek is null ? "." : $" waarvan de naam of een deel past bij q '{query.Q}'."));
        }
        return Antwoord(stand, artikelen, $"artikel-{begroting.Code}-{artikel}");
    }

    /// <summary>An artikel that answers a search: its number, its name, or the name of any of its parts at any depth.</summary>
    private static bool Past(Domein.Zoekterm zoek, Begrotingsartikel a)
    {
        static IEnumerable<string> Namen(IEnumerable<Waarvanregel> delen) => delen.SelectMany(w => Namen(w.Waarvanregels).Prepend(w.Omschrijving));
        return zoek.Past([a.Artikel.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Omschrijving])
               || Namen(a.Waarvanregels).Any(n => zoek.Past(n));
    }

    /// <summary>The begroting in the path, when the data has standen of it: a begroting without standen has no artikelen to find (404).</summary>
    internal static Begroting? MetStanden(Catalogus catalogus, string code) =>
        catalogus.ZoekBegroting(code) is { } b && catalogus.StandenVan(b).Any() ? b : null;

    private static ProblemHttpResult OnbekendeBegroting(string begroting, Catalogus catalogus) =>
        Problemen.NietGevonden("begroting", $"De begroting '{begroting}' bestaat niet of heeft geen standen in de data; bekend: {string.Join(", ", catalogus.BegrotingenMetStanden.Select(b => b.Code))}.");

    private static LijstResultaat<Begrotingsartikel> Antwoord(Stand stand, IReadOnlyList<Begrotingsartikel> artikelen, string bestandsnaam) =>
        new(new Lijst<Begrotingsartikel>(artikelen, StandVerwijzing.Metadata([stand], artikelen.Count)), bestandsnaam, Plat);

    /// <summary>The CSV form: the article line, each part at every depth and each remainder, one row per year.</summary>
    private static IEnumerable<object> Plat(Begrotingsartikel a)
    {
        ArtikelregelPlat Rij(string regelsoort, string pad, string omschrijving, Jaarbedrag b, int? bronRegel) =>
            new(a.Begroting, a.Hoofdstuk, a.Begrotingsjaar, a.Fase, a.Soort, a.Artikel, a.Categorie, regelsoort, pad, omschrijving, b.Jaar, b.Bedrag, a.BronTabel, a.BronBestand, bronRegel);

        IEnumerable<ArtikelregelPlat> Delen(IReadOnlyList<Waarvanregel> delen, IReadOnlyList<Jaarbedrag>? overig, string pad, int bronRegel)
        {
            foreach (var w in delen)
            {
                foreach (var b in w.Bedragen) yield return Rij(w.Niveau, pad, w.Omschrijving, b, w.BronRegel);
                foreach (var rij in Delen(w.Waarvanregels, w.Overig, pad.Length == 0 ? w.Omschrijving : pad + " > " + w.Omschrijving, w.BronRegel)) yield return rij;
            }
            foreach (var b in overig ?? []) yield return Rij("overig", pad, Regelbedragen.Overig, b, null);
        }

        foreach (var b in a.Bedragen) yield return Rij("artikel", "", a.Omschrijving, b, a.BronRegel);
        foreach (var rij in Delen(a.Waarvanregels, a.Overig, "", a.BronRegel)) yield return rij;
    }

    internal static IReadOnlyList<Begrotingsartikel> LeesArtikelen(BudgetDb db, Stand stand, string? soort, int? artikel)
    {
        var rijen = db.LeesRegelbedragen([stand], soort is null ? null : [soort], artikel);
        var perRegel = rijen.GroupBy(r => r.RegelId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Jaar).ToList());
        var kinderen = perRegel.Values.Where(r => r[0].OuderId is not null).ToLookup(r => r[0].OuderId!.Value);

        List<Jaarbedrag> Bedragen(List<Regelbedrag> regel) => regel.Select(r => new Jaarbedrag((int)r.Jaar, r.Bedrag)).ToList();

        (List<Waarvanregel> Delen, List<Jaarbedrag>? Overig) Onder(List<Regelbedrag> regel)
        {
            var delen = kinderen[regel[0].RegelId].OrderBy(k => k[0].RegelId)
                .Select(k =>
                {
                    var (onder, overig) = Onder(k);
                    return new Waarvanregel(k[0].Omschrijving, Bedragen(k), (int)k[0].BronRegel, k[0].Niveau, k[0].Code, onder, overig);
                }).ToList();
            return (delen, delen.Count == 0 ? null : Rest(Bedragen(regel), delen));
        }

        return perRegel.Values.Where(r => r[0].IsArtikel)
            .OrderBy(r => Queryregels.Soorten.ToList().IndexOf(r[0].Soort)).ThenBy(r => r[0].Artikel).ThenBy(r => r[0].RegelId)
            .Select(r =>
            {
                var kop = r[0];
                var (delen, overig) = Onder(r);
                return new Begrotingsartikel(kop.Begroting, kop.Hoofdstuk, stand.Begrotingsjaar, stand.Fase, kop.Soort, (int)kop.Artikel, kop.Omschrijving,
                    kop.Categorie, Bedragen(r), delen, overig, kop.BronTabel, kop.BronBestand, (int)kop.BronRegel);
            })
            .ToList();
    }

    /// <summary>A line minus its parts, per year (<see cref="Regelbedragen.Rest"/>).</summary>
    private static List<Jaarbedrag> Rest(IReadOnlyList<Jaarbedrag> geheel, IReadOnlyList<Waarvanregel> delen) =>
        geheel.Select(a => new Jaarbedrag(a.Jaar,
            Regelbedragen.Rest(a.Bedrag, delen.Select(w => w.Bedragen.FirstOrDefault(b => b.Jaar == a.Jaar)?.Bedrag)))).ToList();
}
