using System.ComponentModel;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BudgetApi.Features;

/// <summary>The figure of one line in one year.</summary>
/// <param name="Jaar">Begrotingsjaar.</param>
/// <param name="Bedrag">Bedrag x € 1.000; null waar de bron geen cijfer drukt (een lege cel is geen 0).</param>
public sealed record Jaarbedrag(int Jaar, long? Bedrag);

/// <summary>A named part of an article ("waarvan"), as printed.</summary>
/// <param name="Omschrijving">Omschrijving zoals gedrukt, zonder "waarvan".</param>
/// <param name="Bedragen">Bedragen per jaar, x € 1.000.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record Waarvanregel(string Omschrijving, IReadOnlyList<Jaarbedrag> Bedragen, int BronRegel);

/// <summary>A budget article with its figures per year, its waarvan lines and the unspecified remainder.</summary>
/// <param name="Begroting">Code van de begroting.</param>
/// <param name="Soort">uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer.</param>
/// <param name="Omschrijving">Naam van het artikel zoals gedrukt.</param>
/// <param name="Categorie">beleidsartikel of niet-beleidsartikel.</param>
/// <param name="Bedragen">Bedragen van het artikel per jaar, x € 1.000.</param>
/// <param name="Waarvanregels">De waarvanregels (benoemde delen) van het artikel, zoals gedrukt.</param>
/// <param name="Overig">"overig, niet gespecificeerd": het artikel min zijn waarvanregels, per jaar, zodat de delen optellen tot het artikel. Null als het artikel geen waarvanregels heeft.</param>
/// <param name="BronTabel">Titel van de tabel in het brondocument.</param>
/// <param name="BronRegel">Regel in het brondocument.</param>
public sealed record Begrotingsartikel(
    string Begroting, string Soort, int Artikel, string Omschrijving, string Categorie,
    IReadOnlyList<Jaarbedrag> Bedragen, IReadOnlyList<Waarvanregel> Waarvanregels, IReadOnlyList<Jaarbedrag>? Overig,
    string BronTabel, int BronRegel);

/// <summary>The flat form of an article (one row per line and year), as the CSV gives it.</summary>
public sealed record ArtikelregelPlat(
    string Begroting, string Soort, int Artikel, string Categorie, string Regelsoort, string Omschrijving,
    int Jaar, long? Bedrag, string BronTabel, int? BronRegel);

public sealed record ArtikelenQuery
{
    /// <summary>Code van de begroting: JenV of AenM.</summary>
    [Description("Code van de begroting: JenV of AenM.")]
    [DefaultValue("JenV")]
    public required string Begroting { get; init; }

    /// <summary>uitgaven of ontvangsten; zonder soort beide.</summary>
    [Description("uitgaven of ontvangsten; zonder deze parameter beide. Bijvoorbeeld: uitgaven")]
    public string? Soort { get; init; }
}

public sealed class ArtikelenQueryValidator : AbstractValidator<ArtikelenQuery>
{
    public ArtikelenQueryValidator() => RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
}

public static class ArtikelenEndpoints
{
    public static RouteGroupBuilder MapArtikelen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/begrotingen/{begroting}/artikelen").WithTags("Artikelen");
        group.MapGet("", GetArtikelen)
            .WithName("GetArtikelen")
            .WithSummary("De artikelen van een begroting")
            .WithDescription("Elk artikel met zijn bedragen per jaar (x € 1.000), zijn waarvanregels en de rest 'overig, niet gespecificeerd' " +
                             "(artikel min waarvanregels), zodat de delen optellen tot het artikel. In CSV één regel per artikel-, waarvan- of restregel en jaar.")
            .MetValidatie<ArtikelenQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{artikel}", GetArtikel)
            .WithName("GetArtikel")
            .WithSummary("Eén artikel van een begroting")
            .WithDescription("Het artikel (uitgaven en/of ontvangsten) met zijn bedragen per jaar, waarvanregels en rest. Bijvoorbeeld artikel 31 (Politie) van JenV.")
            .MetValidatie<ArtikelenQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    static Results<LijstResultaat<Begrotingsartikel>, ProblemHttpResult> GetArtikelen([AsParameters] ArtikelenQuery query, BudgetDb db, Catalogus catalogus)
    {
        if (catalogus.ZoekBegroting(query.Begroting) is not { } begroting) return OnbekendeBegroting(query.Begroting, catalogus);
        var artikelen = LeesArtikelen(db, begroting, Queryregels.Canoniek(query.Soort, Queryregels.Soorten), artikel: null);
        return Antwoord(begroting, artikelen, $"artikelen-{begroting.Code}");
    }

    static Results<LijstResultaat<Begrotingsartikel>, ProblemHttpResult> GetArtikel(
        [AsParameters] ArtikelenQuery query,
        [Description("Artikelnummer, bijvoorbeeld 31 (Politie).")] [DefaultValue(31)] int artikel,
        BudgetDb db, Catalogus catalogus)
    {
        if (catalogus.ZoekBegroting(query.Begroting) is not { } begroting) return OnbekendeBegroting(query.Begroting, catalogus);
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten);
        var artikelen = LeesArtikelen(db, begroting, soort, artikel);
        if (artikelen.Count == 0)
        {
            return Problemen.NietGevonden("artikel", $"Begroting {begroting.Code} heeft geen artikel {artikel}{(soort is null ? "" : " bij de " + soort)}.");
        }
        return Antwoord(begroting, artikelen, $"artikel-{begroting.Code}-{artikel}");
    }

    private static ProblemHttpResult OnbekendeBegroting(string begroting, Catalogus catalogus) =>
        Problemen.NietGevonden("begroting", $"De begroting '{begroting}' bestaat niet; bekend: {string.Join(", ", catalogus.Begrotingen.Select(b => b.Code))}.");

    private static LijstResultaat<Begrotingsartikel> Antwoord(Begroting begroting, IReadOnlyList<Begrotingsartikel> artikelen, string bestandsnaam) =>
        new(new Lijst<Begrotingsartikel>(artikelen, new Metadata { Stand = begroting.Stand, Valuta = "EUR", Factor = 1000, Aantal = artikelen.Count }),
            bestandsnaam, Plat);

    /// <summary>The CSV form: the article line, each waarvan line and the remainder, one row per year.</summary>
    private static IEnumerable<object> Plat(Begrotingsartikel a)
    {
        foreach (var b in a.Bedragen)
            yield return new ArtikelregelPlat(a.Begroting, a.Soort, a.Artikel, a.Categorie, "artikel", a.Omschrijving, b.Jaar, b.Bedrag, a.BronTabel, a.BronRegel);
        foreach (var w in a.Waarvanregels)
            foreach (var b in w.Bedragen)
                yield return new ArtikelregelPlat(a.Begroting, a.Soort, a.Artikel, a.Categorie, "waarvan", w.Omschrijving, b.Jaar, b.Bedrag, a.BronTabel, w.BronRegel);
        foreach (var b in a.Overig ?? [])
            yield return new ArtikelregelPlat(a.Begroting, a.Soort, a.Artikel, a.Categorie, "overig", Regelbedragen.Overig, b.Jaar, b.Bedrag, a.BronTabel, null);
    }

    internal static IReadOnlyList<Begrotingsartikel> LeesArtikelen(BudgetDb db, Begroting begroting, string? soort, int? artikel)
    {
        var rijen = db.LeesRegelbedragen([begroting.Code], soort is null ? null : [soort], artikel);
        return rijen
            .OrderBy(r => r.Soort == "uitgaven" ? 0 : 1).ThenBy(r => r.Artikel).ThenBy(r => r.RegelId).ThenBy(r => r.Jaar)
            .GroupBy(r => (r.Soort, r.Artikel))
            .Select(g =>
            {
                var artikelRijen = g.Where(r => r.Waarvan is null).ToList();
                var kop = artikelRijen[0];
                var bedragen = artikelRijen.Select(r => new Jaarbedrag((int)r.Jaar, r.Bedrag)).ToList();
                var waarvan = g.Where(r => r.Waarvan is not null)
                    .GroupBy(r => r.Waarvan!)
                    .Select(w => new Waarvanregel(w.Key, w.Select(r => new Jaarbedrag((int)r.Jaar, r.Bedrag)).ToList(), (int)w.First().BronRegel))
                    .ToList();
                return new Begrotingsartikel(begroting.Code, g.Key.Soort, (int)g.Key.Artikel, kop.Omschrijving, kop.Categorie, bedragen, waarvan,
                    waarvan.Count == 0 ? null : Rest(bedragen, waarvan), kop.BronTabel, (int)kop.BronRegel);
            })
            .ToList();
    }

    /// <summary>The article minus its waarvan lines, per year (<see cref="Regelbedragen.Rest"/>).</summary>
    private static List<Jaarbedrag> Rest(IReadOnlyList<Jaarbedrag> artikel, IReadOnlyList<Waarvanregel> waarvan) =>
        artikel.Select(a => new Jaarbedrag(a.Jaar,
            Regelbedragen.Rest(a.Bedrag, waarvan.Select(w => w.Bedragen.FirstOrDefault(b => b.Jaar == a.Jaar)?.Bedrag)))).ToList();
}
