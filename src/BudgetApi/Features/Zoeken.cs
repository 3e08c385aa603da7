using System.ComponentModel;
using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using Dapper;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén suggestie voor een zoekvak: een begroting, een organisatie, een artikel of een regel onder een artikel.</summary>
/// <param name="Soort">begroting, organisatie, artikel of regel.</param>
/// <param name="Tekst">Wat de zoekbox toont, bijvoorbeeld "VI artikel 31 Politie (2026)".</param>
/// <param name="Begroting">Code van de begroting (bij begroting, artikel en regel).</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting (bij begroting, artikel en regel).</param>
/// <param name="Begrotingsjaar">Het laatste begrotingsjaar waarin het artikel of de regel onder deze naam staat.</param>
/// <param name="Artikel">Artikelnummer (bij artikel en regel).</param>
/// <param name="Pad">De regels boven de regel, onder het artikel, gescheiden door ' > ' (bij regel).</param>
/// <param name="Omschrijving">Naam zoals gedrukt.</param>
/// <param name="Code">Code van de organisatie (bij organisatie), te gebruiken in /organisaties/{code}.</param>
/// <param name="Url">Het verzoek aan deze API dat de cijfers geeft: de standenreeks van het artikel of de regel, de artikelen van de begroting, de cijfers van de organisatie.</param>
public sealed record Suggestie(
    string Soort, string Tekst, string? Begroting, string? Hoofdstuk, int? Begrotingsjaar, int? Artikel, [property: Pad] string? Pad, string Omschrijving, string? Code, string Url);

public sealed record ZoekenQuery
{
    [Description(Queryregels.ZoekvraagUitleg + " Verplicht.")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Q { get; init; }

    [Description("Hoeveel suggesties ten hoogste, 1 tot en met 50. Standaard: 10.")]
    [DefaultValue(10)]
    public int? Aantal { get; init; }
}

public sealed class ZoekenQueryValidator : AbstractValidator<ZoekenQuery>
{
    public const int MaximaalAantal = 50;

    public ZoekenQueryValidator()
    {
        RuleFor(q => q.Q).NotNull().WithMessage("q is verplicht: de woorden om op te zoeken (bijvoorbeeld q=Politie).").Zoekvraag();
        RuleFor(q => q.Aantal).Must(a => a is null or >= 1 and <= MaximaalAantal)
            .WithMessage((_, a) => $"aantal {a} kan niet; toegestaan: 1 tot en met {MaximaalAantal}.");
    }
}

/// <summary>
/// GET /v1/zoeken: suggestions for a search box, from an index made once per data version (<see cref="Zoekindex"/>) and matched by
/// the one search rule (<see cref="Zoekterm"/>), the same the collections' q= use.
/// </summary>
public static class ZoekenEndpoints
{
    public const string Begroting = "begroting";
    public const string Organisatie = "organisatie";
    public const string Artikel = "artikel";
    public const string Regel = "regel";

    /// <summary>The kinds of suggestion, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> Soorten = [Begroting, Organisatie, Artikel, Regel];

    public static RouteGroupBuilder MapZoeken(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/zoeken").WithTags("Zoeken");
        group.MapGet("", GetZoeken)
            .WithName("GetZoeken")
            .WithSummary("Suggesties voor een zoekbox: begrotingen, organisaties, artikelen en regels")
            .WithDescription("Wat bij q past, in deze volgorde: begrotingen (code, hoofdstuk, naam, ook zoals gepubliceerd), organisaties (code, naam, afkorting), " +
                             "artikelen en regels onder een artikel (naam zoals gedrukt, in elk begrotingsjaar van de data; het laatste jaar staat erbij). " +
                             "Binnen een soort eerst wat de woorden heel bevat. Hoofdletters en accenten maken niet uit; elk woord moet een woord beginnen. " +
                             "Elke suggestie noemt het verzoek (url) dat zijn cijfers geeft. Bijvoorbeeld q=DJI, q=Halt, q=justitiele.")
            .MetValidatie<ZoekenQuery>();
        return group;
    }

    static LijstResultaat<Suggestie> GetZoeken([AsParameters] ZoekenQuery query, Gegevens gegevens)
    {
        var zoek = Zoekterm.Lees(query.Q)!;
        var rijen = gegevens.Berekend(Zoekindex.Maak).Zoek(zoek, query.Aantal ?? 10);
        return new LijstResultaat<Suggestie>(new Lijst<Suggestie>(rijen, new Metadata { Bron = StandVerwijzing.Bronnaam(gegevens.Catalogus.Standen), Aantal = rijen.Count }), "zoeken");
    }
}

/// <summary>
/// Everything a search box can find in one data version, each with its words folded once (<see cref="Zoekterm.Woordenvan"/>), so a
/// question is a scan over prepared words: made on first use and kept with the version, like the reconciliations.
/// </summary>
public sealed class Zoekindex
{
    private sealed record Ingang(Suggestie Suggestie, int Soortvolgorde, IReadOnlyList<string> Woorden);

    private readonly IReadOnlyList<Ingang> _ingangen;

    private Zoekindex(IReadOnlyList<Ingang> ingangen) => _ingangen = ingangen;

    /// <summary>The suggestions that answer the question: per soort in the order of <see cref="ZoekenEndpoints.Soorten"/>, the best first, then the newest, then the shortest.</summary>
    public IReadOnlyList<Suggestie> Zoek(Zoekterm zoek, int aantal) =>
        _ingangen.Select(i => (Ingang: i, Score: zoek.ScoreOp(i.Woorden)))
            .Where(x => x.Score > 0)
            .OrderBy(x => x.Ingang.Soortvolgorde).ThenByDescending(x => x.Score).ThenByDescending(x => x.Ingang.Suggestie.Begrotingsjaar ?? 0)
            .ThenBy(x => x.Ingang.Suggestie.Tekst.Length).ThenBy(x => x.Ingang.Suggestie.Tekst, StringComparer.Ordinal)
            .Take(aantal).Select(x => x.Ingang.Suggestie).ToList();

    // Every printed line's name once per begroting, artikel and path, with the last begrotingsjaar that prints it.
    const string RegelsSql = """
        SELECT s.hoofdstuk AS Hoofdstuk, r.artikel AS Artikel, r.niveau AS Niveau, r.pad AS Pad, r.omschrijving AS Omschrijving, MAX(s.begrotingsjaar) AS Begrotingsjaar
        FROM regel r JOIN stand s ON s.id = r.stand_id
        GROUP BY s.hoofdstuk, r.artikel, r.niveau = 'artikel', r.pad, r.omschrijving
        """;

    const string OrganisatiesSql = "SELECT code AS Code, naam AS Naam, afkorting AS Afkorting FROM organisatie ORDER BY rowid";

    public static Zoekindex Maak(Gegevens gegevens)
    {
        var catalogus = gegevens.Catalogus;
        var ingangen = new List<Ingang>();
        var volgorde = ZoekenEndpoints.Soorten.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        static string Getal(long g) => g.ToString(CultureInfo.InvariantCulture);

        foreach (var b in catalogus.BegrotingenMetStanden)
        {
            var laatste = catalogus.Standaardstand(b)!;
            var url = $"/v1/begrotingen/{Uri.EscapeDataString(b.Code)}/artikelen";
            ingangen.Add(new(new Suggestie(ZoekenEndpoints.Begroting, $"{b.Code} — {b.Naam} ({b.Hoofdstuk})", b.Code, b.Hoofdstuk, laatste.Begrotingsjaar, null, null, b.Naam, null, url),
                volgorde[ZoekenEndpoints.Begroting], Woorden([b.Code, b.Hoofdstuk, b.Naam, .. BegrotingenEndpoints.Gepubliceerd(catalogus, b.Hoofdstuk)])));
        }

        using var verbinding = gegevens.Db.Open();
        foreach (var o in verbinding.Query<(string Code, string Naam, string? Afkorting)>(OrganisatiesSql))
        {
            var tekst = o.Afkorting is null || o.Afkorting == o.Naam ? o.Naam : $"{o.Naam} ({o.Afkorting})";
            ingangen.Add(new(new Suggestie(ZoekenEndpoints.Organisatie, tekst, null, null, null, null, null, o.Naam, o.Code, $"/v1/organisaties/{Uri.EscapeDataString(o.Code)}"),
                volgorde[ZoekenEndpoints.Organisatie], Woorden([o.Code, o.Naam, o.Afkorting])));
        }

        foreach (var r in verbinding.Query<RegelRij>(RegelsSql))
        {
            if (catalogus.ZoekBegroting(r.Hoofdstuk) is not { } b) continue;
            var isArtikel = r.Niveau == Begrotingscodes.NiveauArtikel;
            var url = $"/v1/standenreeks?begroting={Uri.EscapeDataString(b.Code)}&begrotingsjaar={Getal(r.Begrotingsjaar)}&artikel={Getal(r.Artikel)}&niveau=regel";
            if (isArtikel)
            {
                ingangen.Add(new(new Suggestie(ZoekenEndpoints.Artikel, $"{b.Hoofdstuk} artikel {Getal(r.Artikel)} {r.Omschrijving} ({Getal(r.Begrotingsjaar)})", b.Code, b.Hoofdstuk,
                    (int)r.Begrotingsjaar, (int)r.Artikel, null, r.Omschrijving, null, url), volgorde[ZoekenEndpoints.Artikel], Woorden([r.Omschrijving])));
                continue;
            }
            var volledig = r.Pad.Length == 0 ? r.Omschrijving : $"{r.Pad} > {r.Omschrijving}";
            ingangen.Add(new(new Suggestie(ZoekenEndpoints.Regel, $"{b.Hoofdstuk} artikel {Getal(r.Artikel)} › {volledig.Replace(" > ", " › ", StringComparison.Ordinal)} ({Getal(r.Begrotingsjaar)})",
                    b.Code, b.Hoofdstuk, (int)r.Begrotingsjaar, (int)r.Artikel, r.Pad, r.Omschrijving, null, url + "&regel=" + Uri.EscapeDataString(volledig)),
                volgorde[ZoekenEndpoints.Regel], Woorden([r.Omschrijving])));
        }
        return new Zoekindex(ingangen);
    }

    private static IReadOnlyList<string> Woorden(IEnumerable<string?> teksten) =>
        teksten.Where(t => t is not null).SelectMany(t => Zoekterm.Woordenvan(t!)).Distinct().ToArray();

    private sealed class RegelRij
    {
        public string Hoofdstuk { get; set; } = "";
        public long Artikel { get; set; }
        public string Niveau { get; set; } = "";
        public string Pad { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public long Begrotingsjaar { get; set; }
    }
}
