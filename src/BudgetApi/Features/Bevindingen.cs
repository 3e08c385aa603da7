using System.ComponentModel;
using BudgetApi.Bevindingen;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Features;

public static class BevindingenEndpoints
{
    public static RouteGroupBuilder MapBevindingen(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/bevindingen").WithTags("Bevindingen");
        group.MapGet("", GetBevindingen)
            .WithName("GetBevindingen")
            .WithSummary("Alles in de gegevens wat niet te vertrouwen is")
            .WithDescription(
                "Eén lijst van bevindingen: gedrukte totalen die niet sluiten, cijfers die elkaar tegenspreken, getallen die in Nederlandse notatie " +
                "niet kunnen, meerjarige reeksen met één jaar dat uit het patroon valt, onwaarschijnlijke cijfers en cijfers die nergens bij horen. " +
                "Elke bevinding met soort, ernst (fout, tegenstrijdig, twijfel), een vaste id, een uitleg, elk betrokken cijfer met zijn vindplaats, " +
                "en waar de rekensom die geeft de waarde die de rekensom ondersteunt. In CSV één regel per cijfer van een bevinding (zie docs/bevindingen.md). " +
                "Blader met pagina en paginaGrootte (een pagina telt bevindingen, niet cijfers; links in metadata.paginering en in de Link-header); " +
                "metadata.tellingen telt elke bevinding van de keuze, over alle pagina's, per soort en ernst. begroting kiest ook de bevindingen over de " +
                "cijfers van de organisaties van die begroting; zoek met q.")
            .MetValidatie<BevindingenQuery>();
        group.MapGet("/gegroepeerd", GetBevindingenGegroepeerd)
            .WithName("GetBevindingenGegroepeerd")
            .WithSummary("De bevindingen per probleem, met de jaren waarin het speelt")
            .WithDescription(
                "Dezelfde bevindingen en filters als /bevindingen, maar één rij per probleem: waar dezelfde controle op hetzelfde cijfer in " +
                "meerdere jaren op dezelfde manier faalt (het gedrukte TOTAAL van B. Ontvangsten JenV in 2026 tot en met 2030), staat het " +
                "probleem één keer, met de jaren en per jaar de bevinding met haar eigen id, cijfers en vindplaats. Soort en ernst met hun " +
                "Nederlandse label. Blader met pagina en paginaGrootte (een pagina telt problemen); metadata.paginering.totaalAantal telt de " +
                "problemen, metadata.tellingen de bevindingen per soort en ernst, over alle pagina's. In CSV één regel per jaar van een probleem " +
                "(zie docs/bevindingen.md).")
            .MetValidatie<BevindingenQuery>();
        return group;
    }

    static LijstResultaat<BevindingRegel> GetBevindingen([AsParameters] BevindingenQuery query, Bevindinglijst bevindingen, Gegevens gegevens, Catalogus catalogus, HttpContext http)
    {
        var gekozen = Kies(query, bevindingen, Bevindingonderwerpen.Van(gegevens), catalogus);
        var (pagina, paginering) = Bladeren.Pagina(gekozen, query, http);
        var rijen = pagina.Select(b => BevindingRegel.Van(b, Begroting(b, catalogus))).ToList();
        // The standen and sources are those of every finding chosen, not only of this page's: the same on every page.
        var metadata = Metadata(gekozen, catalogus) with { Aantal = rijen.Count, Paginering = paginering, Tellingen = Tellingen(gekozen) };
        return new LijstResultaat<BevindingRegel>(new Lijst<BevindingRegel>(rijen, metadata), "bevindingen", BevindingPlat.Van, typeof(BevindingPlat));
    }

    /// <summary>The same choice as /bevindingen, one row per problem (<see cref="Probleemindeling"/>); a page counts problems.</summary>
    static LijstResultaat<BevindinggroepRegel> GetBevindingenGegroepeerd([AsParameters] BevindingenQuery query, Bevindinglijst bevindingen, Gegevens gegevens, Catalogus catalogus, HttpContext http)
    {
        var gekozen = Kies(query, bevindingen, Bevindingonderwerpen.Van(gegevens), catalogus);
        var problemen = Probleemindeling.Van(gekozen);
        var (pagina, paginering) = Bladeren.Pagina(problemen, query, http);
        var rijen = pagina.Select(p => BevindinggroepRegel.Van(p, Begroting(p.Eerste, catalogus))).ToList();
        var metadata = Metadata(gekozen, catalogus) with { Aantal = rijen.Count, Paginering = paginering, Tellingen = Tellingen(gekozen) };
        return new LijstResultaat<BevindinggroepRegel>(new Lijst<BevindinggroepRegel>(rijen, metadata), "bevindingen-gegroepeerd", BevindinggroepPlat.Van, typeof(BevindinggroepPlat));
    }

    /// <summary>The findings the filters choose, in the list's order: one way for both forms of the resource.</summary>
    internal static List<Bevinding> Kies(BevindingenQuery query, Bevindinglijst bevindingen, Bevindingonderwerpen onderwerpen, Catalogus catalogus)
    {
        var soort = Queryregels.Canoniek(query.Soort, Bevindingsoorten.Soorten);
        var ernst = Queryregels.Canoniek(query.Ernst, Bevindingsoorten.Ernsten);
        var fase = Queryregels.Canoniek(query.Fase, Begrotingscodes.Fasen);
        var hoofdstuk = catalogus.ZoekBegroting(query.Begroting)?.Hoofdstuk;
        var zoek = Zoekterm.Lees(query.Q);
        return bevindingen.Alle
            .Where(b => soort is null || b.Soort == soort)
            .Where(b => ernst is null || b.Ernst == ernst)
            .Where(b => hoofdstuk is null || onderwerpen.IsVan(b, hoofdstuk))
            .Where(b => query.Begrotingsjaar is null || b.Begrotingsjaar == query.Begrotingsjaar)
            .Where(b => fase is null || b.Fase == fase)
            .Where(b => query.Organisatie is null || Gaat(b, query.Organisatie))
            .Where(b => zoek is null || onderwerpen.Past(b, zoek))
            .ToList();
    }

    /// <summary>The short code of the begroting of a finding's hoofdstuk.</summary>
    internal static string? Begroting(Bevinding b, Catalogus catalogus) => catalogus.Begrotingen.FirstOrDefault(x => x.Hoofdstuk == b.Hoofdstuk)?.Code;

    /// <summary>
    /// The standen the findings are about and their sources; a finding about organisation figures only is the document's.
    /// Findings carry their own units, so there is no valuta or factor.
    /// </summary>
    internal static Metadata Metadata(IReadOnlyList<Bevinding> bevindingen, Catalogus catalogus)
    {
        var standen = bevindingen
            .Where(b => b.Hoofdstuk is not null && b.Begrotingsjaar is not null && b.Fase is not null)
            .Select(b => (b.Hoofdstuk, Jaar: b.Begrotingsjaar!.Value, b.Fase)).Distinct()
            .Select(s => catalogus.ZoekBegroting(s.Hoofdstuk) is { } begroting ? catalogus.ZoekStand(begroting, s.Jaar, s.Fase!) : null)
            .OfType<Stand>().Distinct().OrderBy(s => s.Begroting.Volgorde).ThenBy(s => s.Begrotingsjaar).ThenBy(s => Begrotingscodes.Volgorde(s.Fase)).ToList();
        var metadata = StandVerwijzing.Metadata(standen, bevindingen.Count, Vergelijking) with { Valuta = null, Factor = null, Stand = null };
        var alleenDocument = bevindingen.Any(b => b.Hoofdstuk is null);
        return standen.Count == 0 ? metadata with { Bron = Bronnen.Document, Standen = [] }
            : alleenDocument && !metadata.Bron.Contains(Bronnen.Document, StringComparison.Ordinal) ? metadata with { Bron = $"{Bronnen.Document}; {metadata.Bron}" }
            : metadata;
    }

    /// <summary>How many findings of the choice there are per soort and ernst, over all pages: a chart of them needs no second request.</summary>
    internal static IReadOnlyList<Telling> Tellingen(IReadOnlyList<Bevinding> bevindingen) => bevindingen
        .GroupBy(b => (b.Soort, b.Ernst))
        .Select(g => new Telling(g.Key.Soort, g.Key.Ernst, g.Count()))
        .ToList();

    /// <summary>A finding is about an organisation when it names it, or when one of its figures is that organisation's.</summary>
    static bool Gaat(Bevinding b, string organisatie) =>
        string.Equals(b.Organisatie, organisatie, StringComparison.OrdinalIgnoreCase)
        || b.Cijfers.Any(c => string.Equals(c.Organisatie, organisatie, StringComparison.OrdinalIgnoreCase));

    public const string Vergelijking =
        "Cijfers worden exact in decimalen vergeleken, geld in euro's omgerekend. Twee cijfers kloppen als ze gelijk zijn afgerond (half van nul af) " +
        "op de grofste van hun gedrukte stappen: de laatste gedrukte decimaal, of bij een benadering (ca., ongeveer) van een heel getal de plaats van " +
        "het laatste cijfer dat geen 0 is ('ongeveer 17.400' is op honderdtallen gedrukt). juisteWaarde staat in eenheid.";
}

/// <summary>Eén bevinding: wat niet klopt, hoe zeker dat is, de betrokken cijfers en de waarde die de rekensom ondersteunt.</summary>
/// <param name="Id">Vaste sleutel van de bevinding: soort / waar ze over gaat (organisatie, meting, jaar, regel), nooit een volgnummer; gelijk bij elke herstart met dezelfde gegevens.</param>
/// <param name="Soort">Soort bevinding: totaal-sluit-niet, tegenstrijdigheid, onmogelijk-getal, patroonbreuk, onwaarschijnlijk of wees (zie docs/bevindingen.md).</param>
/// <param name="Ernst">fout (zeker fout), tegenstrijdig (twee cijfers die niet allebei juist kunnen zijn) of twijfel (een mens moet kijken).</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting (VI, XX) waar de bevinding over gaat; leeg als ze alleen over organisatiecijfers gaat.</param>
/// <param name="Begroting">De korte code van die begroting (JenV, AenM); leeg zonder hoofdstuk.</param>
/// <param name="Begrotingsjaar">Het begrotingsjaar van de stand waar de bevinding over gaat; leeg zonder hoofdstuk.</param>
/// <param name="Fase">De fase van die stand (ontwerpbegroting, …); leeg zonder hoofdstuk.</param>
/// <param name="Organisatie">Code van de organisatie waar de bevinding over gaat (zie /organisaties); leeg als ze over begrotingsregels gaat.</param>
/// <param name="Uitleg">In het Nederlands: wat niet klopt, waarom, en welk cijfer de service serveert.</param>
/// <param name="JuisteWaarde">De waarde die de rekensom ondersteunt, in eenheid; leeg als geen rekensom die geeft.</param>
/// <param name="Eenheid">Eenheid van juisteWaarde.</param>
/// <param name="Berekening">De rekensom achter juisteWaarde of achter het oordeel, uitgeschreven.</param>
/// <param name="Cijfers">Elk betrokken cijfer, volledig: waarde, zoals gedrukt, eenheid, jaar of peildatum, organisatie of begrotingsregel, sectie en regel in de bron. Het eerste is het cijfer waar de bevinding om draait.</param>
public sealed record BevindingRegel(
    string Id, string Soort, string Ernst, string? Hoofdstuk, string? Begroting, int? Begrotingsjaar, string? Fase, string? Organisatie,
    string Uitleg, decimal? JuisteWaarde, string? Eenheid, string? Berekening, IReadOnlyList<BevindingcijferRegel> Cijfers)
{
    /// <param name="b">The finding.</param>
    /// <param name="begroting">The short code of its hoofdstuk's begroting.</param>
    public static BevindingRegel Van(Bevinding b, string? begroting) => new(
        b.Id, b.Soort, b.Ernst, b.Hoofdstuk, begroting, b.Begrotingsjaar, b.Fase, b.Organisatie,
        b.Uitleg, b.JuisteWaarde, b.Eenheid, b.Berekening, b.Cijfers.Select(BevindingcijferRegel.Van).ToList());
}

/// <summary>Eén cijfer van een bevinding, volledig.</summary>
/// <param name="Waarde">De waarde zoals de service hem serveert (bij een onmogelijke notatie de lezing die het document ondersteunt); leeg als de bron niets drukt.</param>
/// <param name="ZoalsGedrukt">Het cijfer precies zoals gedrukt ("10.8000", "ca. 436 fte").</param>
/// <param name="Eenheid">Eenheid van de waarde: x € 1.000, € miljoen, fte, personen, aantal, %, ….</param>
/// <param name="Jaar">Het jaar waar het cijfer over gaat; leeg als de bron geen jaar noemt.</param>
/// <param name="Peildatum">De datum waar het cijfer over gaat, als de bron die noemt.</param>
/// <param name="Organisatie">Code van de organisatie, als het een organisatiecijfer is.</param>
/// <param name="Meting">Bij een organisatiecijfer: wat voor cijfer het is (formatie, bezetting, bijdrage, …).</param>
/// <param name="Reikwijdte">Bij een organisatiecijfer: wat het omvat of uitsluit (incl. externe inhuur, …); leeg is het geheel.</param>
/// <param name="Omschrijving">De begrotingsregel ("VI uitgaven artikel 32 > Bijdrage aan Raad voor de Rechtspraak") of wat het organisatiecijfer meet.</param>
/// <param name="BronSectie">Hoofdstuk en paragraaf, of de gedrukte tabel, waar het cijfer staat.</param>
/// <param name="BronBestand">Het bestand waar het cijfer staat (introductiedossier-jenv-2026.txt voor de cijfers uit data/).</param>
/// <param name="BronRegel">Regel in dat bestand.</param>
public sealed record BevindingcijferRegel(
    decimal? Waarde, string? ZoalsGedrukt, string Eenheid, int? Jaar, DateOnly? Peildatum, string? Organisatie, string? Meting, string? Reikwijdte,
    string Omschrijving, string? BronSectie, string BronBestand, int BronRegel)
{
    public static BevindingcijferRegel Van(Bevindingcijfer c) => new(
        c.Waarde, c.ZoalsGedrukt, c.Eenheid, c.Jaar, c.Peildatum, c.Organisatie, c.Meting, c.Reikwijdte, c.Omschrijving, c.BronSectie, c.BronBestand, c.BronRegel);
}

/// <summary>
/// The CSV form of a finding: one row per figure, the finding's own fields repeated on each, the figure's fields prefixed
/// 'cijfer' (cijferNummer 1 is the figure the finding turns on). docs/bevindingen.md describes the columns.
/// </summary>
public sealed record BevindingPlat(
    string Id, string Soort, string Ernst, string? Hoofdstuk, string? Begroting, int? Begrotingsjaar, string? Fase, string? Organisatie,
    string Uitleg, decimal? JuisteWaarde, string? Eenheid, string? Berekening,
    int CijferNummer, decimal? CijferWaarde, string? CijferZoalsGedrukt, string CijferEenheid, int? CijferJaar, DateOnly? CijferPeildatum,
    string? CijferOrganisatie, string? CijferMeting, string? CijferReikwijdte, string CijferOmschrijving, string? CijferBronSectie,
    string CijferBronBestand, int CijferBronRegel)
{
    /// <summary>One row per figure; a finding without figures (a structure the source lacks) is one row with cijferNummer 0.</summary>
    public static IEnumerable<object> Van(BevindingRegel b) => b.Cijfers.Count == 0
        ? [new BevindingPlat(b.Id, b.Soort, b.Ernst, b.Hoofdstuk, b.Begroting, b.Begrotingsjaar, b.Fase, b.Organisatie, b.Uitleg, b.JuisteWaarde, b.Eenheid,
            b.Berekening, 0, null, null, "", null, null, null, null, null, "", null, "", 0)]
        : b.Cijfers.Select((c, i) => new BevindingPlat(
        b.Id, b.Soort, b.Ernst, b.Hoofdstuk, b.Begroting, b.Begrotingsjaar, b.Fase, b.Organisatie, b.Uitleg, b.JuisteWaarde, b.Eenheid, b.Berekening,
        i + 1, c.Waarde, c.ZoalsGedrukt, c.Eenheid, c.Jaar, c.Peildatum, c.Organisatie, c.Meting, c.Reikwijdte, c.Omschrijving, c.BronSectie,
        c.BronBestand, c.BronRegel));
}

/// <summary>Eén probleem: de bevindingen van één controle die voor hetzelfde cijfer op dezelfde manier faalt, met de jaren waarin zij faalt.</summary>
/// <param name="Id">Vaste sleutel van het probleem: de id van zijn bevindingen zonder het jaar (een bevinding over geen jaar houdt haar eigen id).</param>
/// <param name="Soort">Soort bevinding (code), zie /bevindingen.</param>
/// <param name="SoortLabel">De soort in woorden ("Totaal sluit niet").</param>
/// <param name="Ernst">fout, tegenstrijdig of twijfel.</param>
/// <param name="ErnstLabel">De ernst in woorden ("Fout").</param>
/// <param name="Hoofdstuk">Hoofdstuk van de Rijksbegroting waar het probleem over gaat; leeg als het alleen over organisatiecijfers gaat.</param>
/// <param name="Begroting">De korte code van die begroting (JenV, AenM); leeg zonder hoofdstuk.</param>
/// <param name="Begrotingsjaar">Het begrotingsjaar van de stand; leeg zonder hoofdstuk.</param>
/// <param name="Fase">De fase van die stand; leeg zonder hoofdstuk.</param>
/// <param name="Organisatie">Code van de organisatie waar het probleem over gaat.</param>
/// <param name="Uitleg">In het Nederlands: wat niet klopt; bij meer jaren eerst de jaren, dan de uitleg van het eerste jaar.</param>
/// <param name="Jaren">De jaren waarin het probleem speelt, oplopend; leeg voor een bevinding over geen jaar.</param>
/// <param name="Bevindingen">Per jaar de bevinding, met haar eigen id (zoals in /bevindingen), juiste waarde, rekensom en cijfers met vindplaats.</param>
public sealed record BevindinggroepRegel(
    string Id, string Soort, string SoortLabel, string Ernst, string ErnstLabel, string? Hoofdstuk, string? Begroting, int? Begrotingsjaar, string? Fase,
    string? Organisatie, string Uitleg, IReadOnlyList<int> Jaren, IReadOnlyList<BevindingJaarRegel> Bevindingen)
{
    public static BevindinggroepRegel Van(Probleem p, string? begroting) => new(
        p.Id, p.Eerste.Soort, Bevindingsoorten.Label(p.Eerste.Soort), p.Eerste.Ernst, Bevindingsoorten.Label(p.Eerste.Ernst), p.Eerste.Hoofdstuk, begroting,
        p.Eerste.Begrotingsjaar, p.Eerste.Fase, p.Eerste.Organisatie, Probleemindeling.Uitleg(p), p.Jaren, p.Bevindingen.Select(BevindingJaarRegel.Van).ToList());
}

/// <summary>Eén jaar van een probleem: de bevinding van dat jaar, met wat zij zelf heeft.</summary>
/// <param name="Jaar">Het jaar van het cijfer waar de bevinding om draait; leeg als ze over geen jaar gaat.</param>
/// <param name="Id">De id van de bevinding, zoals /bevindingen haar geeft.</param>
/// <param name="JuisteWaarde">De waarde die de rekensom ondersteunt, in eenheid; leeg als geen rekensom die geeft.</param>
/// <param name="Eenheid">Eenheid van juisteWaarde.</param>
/// <param name="Berekening">De rekensom van dit jaar, uitgeschreven.</param>
/// <param name="Cijfers">Elk betrokken cijfer van dit jaar, volledig, met vindplaats; het eerste is het cijfer waar de bevinding om draait.</param>
public sealed record BevindingJaarRegel(int? Jaar, string Id, decimal? JuisteWaarde, string? Eenheid, string? Berekening, IReadOnlyList<BevindingcijferRegel> Cijfers)
{
    public static BevindingJaarRegel Van(Bevinding b) =>
        new(Probleemindeling.Jaar(b), b.Id, b.JuisteWaarde, b.Eenheid, b.Berekening, b.Cijfers.Select(BevindingcijferRegel.Van).ToList());
}

/// <summary>
/// The CSV form of a problem: one row per year (per finding), the problem's fields repeated on each, then that year's finding
/// id, juiste waarde and the figure it turns on with where it stands. The other figures of a year are in /bevindingen's CSV.
/// </summary>
public sealed record BevindinggroepPlat(
    string Id, string Soort, string SoortLabel, string Ernst, string ErnstLabel, string? Hoofdstuk, string? Begroting, int? Begrotingsjaar, string? Fase,
    string? Organisatie, string Uitleg, IReadOnlyList<int> Jaren, int? Jaar, string BevindingId, decimal? JuisteWaarde, string? Eenheid, string? Berekening,
    decimal? CijferWaarde, string? CijferZoalsGedrukt, string? CijferEenheid, string? CijferOmschrijving, string? CijferBronBestand, int? CijferBronRegel)
{
    public static IEnumerable<object> Van(BevindinggroepRegel p) => p.Bevindingen.Select(j =>
    {
        var cijfer = j.Cijfers.Count > 0 ? j.Cijfers[0] : null;
        return new BevindinggroepPlat(
            p.Id, p.Soort, p.SoortLabel, p.Ernst, p.ErnstLabel, p.Hoofdstuk, p.Begroting, p.Begrotingsjaar, p.Fase, p.Organisatie, p.Uitleg, p.Jaren,
            j.Jaar, j.Id, j.JuisteWaarde, j.Eenheid, j.Berekening,
            cijfer?.Waarde, cijfer?.ZoalsGedrukt, cijfer?.Eenheid, cijfer?.Omschrijving, cijfer?.BronBestand, cijfer?.BronRegel);
    });
}

public sealed record BevindingenQuery : IGepagineerd
{
    [Description("Alleen bevindingen van deze soort: totaal-sluit-niet, tegenstrijdigheid, onmogelijk-getal, patroonbreuk, onwaarschijnlijk, wees (en de soorten van de open data). Bijvoorbeeld: patroonbreuk")]
    public string? Soort { get; init; }

    [Description("Alleen bevindingen over deze organisatie (code uit /organisaties, hoofdletters maken niet uit): de bevinding noemt haar, of een van haar cijfers is van haar. Bijvoorbeeld: DGRR")]
    public string? Organisatie { get; init; }

    [Description("Alleen bevindingen van deze begroting (code of hoofdstuk, zie /begrotingen), in elke stand: over haar begrotingsregels, en over de cijfers van haar organisaties (de organisatie waarvan het geld op een regel van die begroting staat, anders die waar ze onder valt; IND hoort bij AenM, DJI bij JenV; zie docs/bevindingen.md). Bijvoorbeeld: JenV")]
    public string? Begroting { get; init; }

    [Description("Alleen bevindingen over standen van dit begrotingsjaar; bevindingen over alleen organisatiecijfers vallen dan weg. Bijvoorbeeld: 2016")]
    public int? Begrotingsjaar { get; init; }

    [Description("Alleen bevindingen over standen in deze fase: ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag of slotwet. Bijvoorbeeld: ontwerpbegroting")]
    public string? Fase { get; init; }

    [Description("Alleen bevindingen met deze ernst: fout, tegenstrijdig of twijfel. Bijvoorbeeld: fout")]
    public string? Ernst { get; init; }

    [Description(Queryregels.ZoekvraagUitleg + " Gezocht in de uitleg, de soort en ernst in woorden, de begroting (code, hoofdstuk, naam), de organisaties (code, naam, afkorting) en de omschrijving van elk cijfer (de begrotingsregel met de naam van het artikel).")]
    public string? Q { get; init; }

    [Description(Bladeren.PaginaUitleg)]
    [DefaultValue(1)]
    public int? Pagina { get; init; }

    [Description(Bladeren.PaginaGrootteUitleg)]
    [DefaultValue(Bladeren.StandaardPaginaGrootte)]
    public int? PaginaGrootte { get; init; }
}

public sealed class BevindingenQueryValidator : AbstractValidator<BevindingenQuery>
{
    public BevindingenQueryValidator(Catalogus catalogus, BudgetDb db)
    {
        // The registry's codes, read once on first use: the data do not change while the service runs.
        var codes = new Lazy<IReadOnlyList<string>>(() => OrganisatiesEndpoints.Organisatiecodes(db, alleenMetOnderdelen: false));
        RuleFor(q => q.Soort).BekendeWaarde("soort", Bevindingsoorten.Soorten);
        RuleFor(q => q.Ernst).BekendeWaarde("ernst", Bevindingsoorten.Ernsten);
        this.PaginaRegels();
        RuleFor(q => q.Begroting).BestaandeBegroting(catalogus);
        RuleFor(q => q.Fase).BekendeWaarde("fase", Begrotingscodes.Fasen);
        RuleFor(q => q.Begrotingsjaar)
            .Must(j => j is null || catalogus.Standen.Any(s => s.Begrotingsjaar == j))
            .WithMessage((_, j) => $"Er is geen stand in begrotingsjaar {j}; beschikbaar: {string.Join(", ", catalogus.Standen.Select(s => s.Begrotingsjaar).Distinct().Order())}.");
        RuleFor(q => q.Organisatie)
            .Must(c => c is null || codes.Value.Contains(c, StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, c) => $"Onbekende organisatie '{c}' voor organisatie; toegestaan: een code uit /organisaties.");
        RuleFor(q => q.Q).Zoekvraag();
    }
}
