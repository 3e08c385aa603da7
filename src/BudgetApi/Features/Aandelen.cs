using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>The query of /v1/aandelen.</summary>
public sealed record AandelenQuery
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht, één begroting). Bijvoorbeeld: JenV")]
    [Required]
    public string? Begroting { get; init; }

    [Description("Begrotingsjaar van de stand. Standaard: het laatste begrotingsjaar van de begroting. Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Fase van de stand: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Standaard: de laatste fase van het begrotingsjaar. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten. Standaard: uitgaven; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }

    [Description("Het jaar. Standaard: het begrotingsjaar van de stand (2026 voor de ontwerpbegroting 2026). Bijvoorbeeld: 2026")]
    public int? Jaar { get; init; }

    [Description("artikel: het aandeel van elk artikel in de begroting; waarvan: het aandeel van elk deel direct onder een artikel (de waarvan-regels, of de eerste laag van een budgettaire tabel, en de rest 'overig, niet gespecificeerd') in zijn artikel en in de begroting. Standaard: artikel.")]
    [DefaultValue("artikel")]
    public string? Niveau { get; init; }
}

public sealed class AandelenQueryValidator : AbstractValidator<AandelenQuery>
{
    public static readonly IReadOnlyList<string> Niveaus = ["artikel", "waarvan"];

    /// <summary>What a part is (soortDeel): the artikel, the level of a part, or the computed remainder of an artikel.</summary>
    public static readonly IReadOnlyList<string> SoortenDeel = [.. Domein.Begrotingscodes.Niveaus, AandelenEndpoints.Overig];

    public AandelenQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q.Niveau).BekendeWaarde("niveau", Niveaus);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is not { } begroting) return;
            var keuze = Standkeuzes.Een(catalogus, begroting, q.Begrotingsjaar, q.Fase);
            Standkeuzes.VoegFoutenToe(context, keuze);
            if (keuze.IsGeldig && Standkeuzes.JaarFout(q.Jaar, "jaar", keuze.Standen) is { } fout) context.AddFailure("jaar", fout);
            if (keuze.IsGeldig && Standkeuzes.SoortFout(catalogus, q.Soort ?? "uitgaven", keuze.Standen) is { } soort) context.AddFailure("soort", soort);
        });
    }
}

/// <summary>Eén deel van een begroting in één jaar, met zijn aandeel in de hele begroting en in zijn ouder.</summary>
/// <param name="Begroting">Code van de begroting.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting.</param>
/// <param name="Begrotingsjaar">Begrotingsjaar van de stand.</param>
/// <param name="Fase">Fase van de stand.</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Jaar">Het jaar.</param>
/// <param name="Niveau">artikel of waarvan: het niveau waarvan de delen samen 100 zijn.</param>
/// <param name="Artikel">Artikelnummer van het deel (of van het artikel waar het deel onder valt).</param>
/// <param name="ArtikelOmschrijving">Naam van het artikel zoals gedrukt.</param>
/// <param name="Deel">Naam van het deel: het artikel, de waarvan-regel zoals gedrukt, of 'overig, niet gespecificeerd' (artikel min zijn waarvan-regels).</param>
/// <param name="SoortDeel">artikel, het niveau van het deel (waarvan, artikelonderdeel, …) of overig (de berekende rest van een artikel).</param>
/// <param name="Bedrag">Bedrag van het deel (x € 1.000); leeg als de bron geen bedrag geeft.</param>
/// <param name="BedragOuder">Bedrag van de ouder (x € 1.000): het artikel bij niveau waarvan, de hele begroting bij niveau artikel.</param>
/// <param name="BedragGeheel">Som van de artikelregels van de begroting in dit jaar (x € 1.000), niet het gedrukte totaal.</param>
/// <param name="AandeelVanOuder">Aandeel in de ouder in procent (2 decimalen, grootste resten: de delen van één ouder zijn samen 100,00); leeg bij een leeg bedrag of een ouder van 0.</param>
/// <param name="AandeelVanGeheel">Aandeel in de hele begroting in procent (2 decimalen, grootste resten: alle delen van het niveau zijn samen 100,00); leeg bij een leeg bedrag.</param>
/// <param name="BronTabel">De tabel in de bron.</param>
/// <param name="BronBestand">Het bronbestand.</param>
/// <param name="BronRegel">Regel in het bronbestand van het deel; bij 'overig' die van het artikel waarvan het de rest is.</param>
public sealed record AandeelRegel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Fase, string Soort, int Jaar, string Niveau, int Artikel, string ArtikelOmschrijving, string Deel, string SoortDeel,
    long? Bedrag, long? BedragOuder, long BedragGeheel, decimal? AandeelVanOuder, decimal? AandeelVanGeheel, string BronTabel, string BronBestand, int BronRegel);

public static class AandelenEndpoints
{
    /// <summary>soortDeel of the remainder of an artikel: the artikel minus its parts.</summary>
    public const string Overig = "overig";

    public static RouteGroupBuilder MapAandelen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/aandelen").WithTags("Aandelen");
        group.MapGet("", GetAandelen)
            .WithName("GetAandelen")
            .WithSummary("Aandelen van artikelen en waarvan-regels in een begroting")
            .WithDescription("Het aandeel van elk deel in de hele begroting en in zijn ouder, in procent, voor één begroting, soort en jaar. " +
                             "niveau=artikel: elk artikel in de begroting (ouder = de begroting, dus beide aandelen gelijk). niveau=waarvan: elke " +
                             "waarvan-regel in zijn artikel en in de begroting, met per artikel de rest 'overig, niet gespecificeerd', zodat de delen " +
                             "van één artikel samen 100,00 zijn en alle delen samen 100,00 van de begroting (grootste-restenmethode).")
            .MetValidatie<AandelenQuery>();
        return group;
    }

    internal static LijstResultaat<AandeelRegel> GetAandelen([AsParameters] AandelenQuery query, BudgetDb db, Catalogus catalogus)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var stand = Standkeuzes.Een(catalogus, begroting, query.Begrotingsjaar, query.Fase).Standen[0];
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? "uitgaven";
        var niveau = Queryregels.Canoniek(query.Niveau, AandelenQueryValidator.Niveaus) ?? "artikel";
        var jaar = query.Jaar ?? stand.Begrotingsjaar;

        // Per artikel only the artikel lines are read; per waarvan line also their parts, at whatever depth their parent is the artikel.
        var regels = db.LeesRegelbedragen([stand], [soort], jaar: jaar, alleenArtikelen: niveau == "artikel")
            .OrderBy(r => r.Artikel).ThenBy(r => r.RegelId).ToList();
        var artikelen = regels.Where(r => r.IsArtikel).ToList();
        // The whole is the sum of the article lines, never the printed total (which is wrong for JenV ontvangsten).
        var geheel = artikelen.Sum(a => a.Bedrag ?? 0);

        // The parts of the level, each with its parent article (null parent for niveau=artikel: the parent is the whole).
        var delen = new List<(Regelbedrag Artikel, string Deel, string SoortDeel, long? Bedrag, Regelbedrag Bron)>();
        foreach (var artikel in artikelen)
        {
            if (niveau == "artikel")
            {
                delen.Add((artikel, artikel.Omschrijving, "artikel", artikel.Bedrag, artikel));
                continue;
            }
            var waarvan = regels.Where(r => r.OuderId == artikel.RegelId).ToList();
            delen.AddRange(waarvan.Select(w => (artikel, w.Omschrijving, w.Niveau, w.Bedrag, w)));
            delen.Add((artikel, Regelbedragen.Overig, Overig, Regelbedragen.Rest(artikel.Bedrag, waarvan.Select(w => w.Bedrag)), artikel));
        }

        var vanGeheel = Rekenen.AandelenTot100(delen.Select(d => d.Bedrag).ToList());
        var vanOuder = new decimal?[delen.Count];
        if (niveau == "artikel")
        {
            vanGeheel.ToList().CopyTo(vanOuder);
        }
        else
        {
            foreach (var artikelGroep in delen.Select((d, i) => (d, i)).GroupBy(x => x.d.Artikel.Artikel))
            {
                var aandelen = Rekenen.AandelenTot100(artikelGroep.Select(x => x.d.Bedrag).ToList());
                foreach (var (x, aandeel) in artikelGroep.Zip(aandelen)) vanOuder[x.i] = aandeel;
            }
        }

        var rijen = delen.Select((d, i) => new AandeelRegel(
            begroting.Code, begroting.Hoofdstuk, stand.Begrotingsjaar, stand.Fase, soort, jaar, niveau, (int)d.Artikel.Artikel, d.Artikel.Omschrijving, d.Deel, d.SoortDeel,
            d.Bedrag, niveau == "artikel" ? geheel : d.Artikel.Bedrag, geheel, vanOuder[i], vanGeheel[i],
            d.Bron.BronTabel, d.Bron.BronBestand, (int)d.Bron.BronRegel)).ToList();

        return new LijstResultaat<AandeelRegel>(new Lijst<AandeelRegel>(rijen, StandVerwijzing.Metadata([stand], rijen.Count, Rekenen.AfrondingAandelen)), "aandelen");
    }
}
