using System.ComponentModel;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

/// <summary>Eén artikel (of het totaal van de begroting) in zijn begrotingsjaar: de laatste begrotingsstand tegen de realisatie.</summary>
/// <param name="Begroting">Code van de begroting.</param>
/// <param name="Hoofdstuk">Hoofdstuk van de begroting.</param>
/// <param name="Begrotingsjaar">Het begrotingsjaar (het jaar van de bedragen).</param>
/// <param name="Soort">verplichtingen, uitgaven of ontvangsten.</param>
/// <param name="Artikel">Artikelnummer; leeg op de totaalregel van de begroting.</param>
/// <param name="Omschrijving">Naam van het artikel zoals gedrukt, of "Totaal …".</param>
/// <param name="BegrootFase">De stand waartegen de realisatie gemeten wordt: de laatste begrotingsstand van het jaar (2e-suppletoire, anders 1e-suppletoire, vastgestelde-begroting of ontwerpbegroting).</param>
/// <param name="Begroot">Bedrag in die stand (x € 1.000); leeg als het artikel daar ontbreekt of geen bedrag heeft.</param>
/// <param name="Realisatie">Bedrag in het jaarverslag (x € 1.000); leeg als het artikel daar ontbreekt of geen bedrag heeft.</param>
/// <param name="Verschil">realisatie − begroot (x € 1.000): negatief is onderuitputting, positief overuitputting. Een ontbrekend artikel telt als 0.</param>
/// <param name="VerschilProcent">Verschil in procent van begroot (2 decimalen); leeg zonder begroot of als dat 0 is.</param>
/// <param name="Oordeel">onderuitputting (realisatie lager dan begroot), overuitputting (hoger) of gelijk; leeg als een bedrag ontbreekt.</param>
public sealed record UitputtingRegel(
    string Begroting, string Hoofdstuk, int Begrotingsjaar, string Soort, int? Artikel, string Omschrijving, string BegrootFase,
    long? Begroot, long? Realisatie, long? Verschil, decimal? VerschilProcent, string? Oordeel);

public sealed record UitputtingQuery
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht). Bijvoorbeeld: VI")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Begroting { get; init; }

    [Description("Begrotingsjaar. Standaard: het laatste begrotingsjaar van de begroting met een jaarverslag. Bijvoorbeeld: 2015")]
    public int? Begrotingsjaar { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten. Standaard: uitgaven; verplichtingen alleen waar de bron ze geeft (de begrotingsstaten wel, het document niet): een stand zonder verplichtingen geeft een 400 die zegt welke begrotingsjaren ze hebben.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }
}

public sealed class UitputtingQueryValidator : AbstractValidator<UitputtingQuery>
{
    public UitputtingQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.Soorten);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is not { } begroting) return;
            var keuze = UitputtingEndpoints.Kies(catalogus, begroting, q.Begrotingsjaar);
            if (keuze.Fout is { } fout) context.AddFailure(fout.Name, fout.Reason);
            else if (Standkeuzes.SoortFout(catalogus, q.Soort ?? Begrotingscodes.Uitgaven, [keuze.Begroot!, keuze.Realisatie!]) is { } soort) context.AddFailure("soort", soort);
        });
    }
}

public static class UitputtingEndpoints
{
    public const string Onderuitputting = "onderuitputting";
    public const string Overuitputting = "overuitputting";
    public const string Gelijk = "gelijk";

    /// <summary>The verdicts of a row (its 'oordeel'); a row without both amounts has none.</summary>
    public static readonly IReadOnlyList<string> Oordelen = [Onderuitputting, Overuitputting, Gelijk];

    /// <summary>The begroting standen, last first: the realisatie is measured against the last one the year has.</summary>
    private static readonly string[] Begrotingsfasen =
        [Begrotingscodes.TweedeSuppletoire, Begrotingscodes.EersteSuppletoire, Begrotingscodes.VastgesteldeBegroting, Begrotingscodes.Ontwerpbegroting];

    public static RouteGroupBuilder MapUitputting(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/uitputting").WithTags("Mutaties");
        group.MapGet("", GetUitputting)
            .WithName("GetUitputting")
            .WithSummary("Begroting tegen realisatie: onder- en overuitputting per artikel")
            .WithDescription("Per artikel en voor de hele begroting het bedrag in de laatste begrotingsstand van het jaar (2e suppletoire, anders de stand daarvoor) " +
                             "tegen de realisatie in het jaarverslag, voor het begrotingsjaar zelf: het verschil in euro's (x € 1.000) en in procent, en het oordeel " +
                             "onderuitputting of overuitputting. Dezelfde vergelijking als /mutaties van die stand naar jaarverslag.")
            .MetValidatie<UitputtingQuery>();
        return group;
    }

    internal sealed record Keuze(Stand? Begroot, Stand? Realisatie, OngeldigeParameter? Fout);

    internal static Keuze Kies(Catalogus catalogus, Begroting begroting, int? begrotingsjaar)
    {
        var jaren = catalogus.StandenVan(begroting).Where(s => s.Fase == Begrotingscodes.Jaarverslag).Select(s => s.Begrotingsjaar).Order().ToList();
        if (jaren.Count == 0) return new Keuze(null, null, new("begroting", $"Begroting {begroting.Code} heeft geen jaarverslag in de data; zonder realisatie is er geen uitputting."));
        var jaar = begrotingsjaar ?? jaren[^1];
        var realisatie = catalogus.ZoekStand(begroting, jaar, Begrotingscodes.Jaarverslag);
        if (realisatie is null) return new Keuze(null, null, new("begrotingsjaar", $"Begroting {begroting.Code} heeft geen jaarverslag {jaar}; jaren met een jaarverslag: {string.Join(", ", jaren)}."));
        var begroot = Begrotingsfasen.Select(f => catalogus.ZoekStand(begroting, jaar, f)).FirstOrDefault(s => s is not null);
        if (begroot is null) return new Keuze(null, null, new("begrotingsjaar", $"Begroting {begroting.Code} heeft in {jaar} geen begrotingsstand naast het jaarverslag."));
        return new Keuze(begroot, realisatie, null);
    }

    /// <summary>The verdict on realisatie − begroot: none without both amounts.</summary>
    internal static string? Oordeel(long? verschil) => verschil switch { null => null, < 0 => Onderuitputting, > 0 => Overuitputting, _ => Gelijk };

    internal static LijstResultaat<UitputtingRegel> GetUitputting([AsParameters] UitputtingQuery query, BudgetDb db, Catalogus catalogus)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var keuze = Kies(catalogus, begroting, query.Begrotingsjaar);
        var (begroot, realisatie) = (keuze.Begroot!, keuze.Realisatie!);
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        var jaar = realisatie.Begrotingsjaar;
        var rijen = MutatiesEndpoints.Vergelijk(db, begroot, realisatie, soort, alleenArtikelen: true, (jaar, jaar), alleenJaar: null)
            .Select(m => new UitputtingRegel(m.Begroting, m.Hoofdstuk, jaar, soort, m.Artikel, m.Omschrijving, begroot.Fase, m.BedragVan, m.BedragNaar,
                m.Mutatie, m.MutatieProcent, Oordeel(m.Mutatie)))
            .ToList();
        return new LijstResultaat<UitputtingRegel>(
            new Lijst<UitputtingRegel>(rijen, StandVerwijzing.Metadata([begroot, realisatie], rijen.Count, Rekenen.Afronding)), "uitputting");
    }
}
