using System.ComponentModel;
using System.Globalization;
using System.Text;
using BudgetApi.Bevindingen;
using Tabelrij = BudgetApi.Http.Tabelrij;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Features;

/// <summary>
/// The tables of the view "Aansluitingen en bevindingen" and of an organisation in Inzoomen (issue 16 §3), as /tabel of their
/// resources: the same parameters (paging and q= included) and the same 400s, because they validate with the resource's own
/// validator. Their cells name source lines; each such line is a link in the table's JSON (<see cref="Tabellink"/>), which the
/// screen draws and the files leave as text.
/// A paged resource's table is paged in JSON as the resource is (the screen shows a page); its CSV and Excel without pagina and
/// paginaGrootte hold every row of the selection, because a file has no pages: an analyst filters and sorts it in Excel, and
/// a download of the 20 rows that happen to be on screen would be a trap. With pagina or paginaGrootte the file is that page.
/// </summary>
public static partial class TabellenEndpoints
{
    private static RouteGroupBuilder MapLijsttabellen(this RouteGroupBuilder v1)
    {
        v1.MapGet("/aansluitingen" + Pad, GetAansluitingenTabel).WithTags("Aansluitingen").WithName("GetAansluitingenTabel")
            .WithSummary("Aansluitingen als tabel: gedrukt tegen berekend, met de bron van elk cijfer")
            .WithDescription("De tabel 'Aansluitingen: gedrukt tegen berekend' van het dashboard, met de parameters van /aansluitingen (ook pagina, paginaGrootte en q): " +
                             "per aansluiting wat vergeleken wordt, het jaar, gedrukt, berekend, het verschil en de eenheid, het oordeel in woorden, de juiste waarde en de bron " +
                             "(de regel van het gedrukte cijfer en die van de delen; elke regel een link in rijen[].links). In JSON een pagina zoals /aansluitingen; " +
                             "in CSV en Excel zonder pagina en paginaGrootte elke rij van de keuze (een bestand heeft geen pagina's).")
            .MetValidatie<AansluitingenQuery>();
        v1.MapGet("/bevindingen" + Pad, GetBevindingenTabel).WithTags("Bevindingen").WithName("GetBevindingenTabel")
            .WithSummary("Bevindingen als tabel: één rij per probleem, met de jaren en elk cijfer met zijn bron")
            .WithDescription("De tabel 'Bevindingen' van het dashboard, met de parameters van /bevindingen (ook pagina, paginaGrootte en q): één rij per probleem zoals " +
                             "/bevindingen/gegroepeerd (een pagina telt problemen): ernst en soort in woorden, de uitleg, de jaren, waarover, de juiste waarde, het cijfer " +
                             "waar het om draait zoals gedrukt met zijn regel, en elk cijfer met bestand en regel (één per regel in de cel; elke regel een link in rijen[].links). " +
                             "In JSON een pagina; in CSV en Excel zonder pagina en paginaGrootte elk probleem van de keuze.")
            .MetValidatie<BevindingenQuery>();
        v1.MapGet("/organisaties/{code}" + Pad, GetOrganisatieTabel).WithTags("Organisaties").WithName("GetOrganisatieTabel")
            .WithSummary("De cijfers van één organisatie als tabel")
            .WithDescription("De tabel van een organisatie in het dashboard (Inzoomen): per cijfer van /organisaties/{code} wat het is, de waarde en de eenheid, " +
                             "zoals gedrukt, het jaar en de bronregel (een link in rijen[].links).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    /// <summary>The request for a source line with two lines either side: the link a table cell carries to its source (rijen[].links).</summary>
    internal static string Regeladres(string bestand, int regel) =>
        $"/v1/bronnen/{Uri.EscapeDataString(bestand)}/regels?van={Math.Max(1, regel - 2).ToString(CultureInfo.InvariantCulture)}&tot={(regel + 2).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The text of a cell with the links in it, as it is written: each link's place is where its text was appended.</summary>
    private sealed class Celtekst(string kolom)
    {
        private readonly StringBuilder _tekst = new();
        public List<Tabellink> Links { get; } = [];

        public Celtekst Tekst(string? tekst)
        {
            _tekst.Append(tekst);
            return this;
        }

        /// <summary>"regel 533", a link to that line of its file.</summary>
        public Celtekst Regel(string bestand, int regel, bool kort = false)
        {
            var tekst = kort ? regel.ToString(CultureInfo.InvariantCulture) : $"regel {regel.ToString(CultureInfo.InvariantCulture)}";
            Links.Add(new Tabellink(kolom, _tekst.Length, tekst, Regeladres(bestand, regel), $"regel {regel.ToString(CultureInfo.InvariantCulture)} van {bestand}"));
            _tekst.Append(tekst);
            return this;
        }

        public string? Klaar() => _tekst.Length == 0 ? null : _tekst.ToString();
    }

    /// <summary>One page of a paged table in JSON; every row in a file that names no page (see the class).</summary>
    private static (List<Tabelrij> Rijen, Paginering Paginering) Pagina(IReadOnlyList<Tabelrij> alle, IGepagineerd query, HttpContext http) =>
        Formaat.Kies(http.Request) != Uitvoer.Json && query.Pagina is null && query.PaginaGrootte is null
            ? ([.. alle], Bladeren.Pagineer(http, 1, Math.Max(1, alle.Count), alle.Count))
            : Bladeren.Pagina(alle, query, http);

    /// <summary>A unit as a column names it: "€ duizend" for x € 1.000, "€ miljoen", "fte".</summary>
    private static string Eenheidlabel(string eenheid) => eenheid switch
    {
        "x € 1.000" => "€ duizend",
        _ => eenheid,
    };

    static TabelResultaat GetAansluitingenTabel([AsParameters] AansluitingenQuery query, Aansluitingberekening.Lijst aansluitingen, Catalogus catalogus, BudgetDb db,
        HttpContext http, [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var (keuze, gekozen) = AansluitingenEndpoints.Gekozen(query, aansluitingen, catalogus, db);
        List<Tabelkolom> kolommen =
        [
            K("wat", "Wat", Tabeleenheden.Tekst), K("jaar", "Jaar", Tabeleenheden.Code), K("gedrukt", "Gedrukt", Tabeleenheden.Getal),
            K("berekend", "Berekend", Tabeleenheden.Getal), K("verschil", "Verschil", Tabeleenheden.GetalMetTeken), K("eenheid", "Eenheid", Tabeleenheden.Tekst),
            K("oordeel", "Oordeel", Tabeleenheden.Tekst), K("juisteWaarde", "Juiste waarde", Tabeleenheden.Getal), K("bron", "Bron", Tabeleenheden.Tekst),
        ];
        var alle = gekozen.Select(a =>
        {
            // What is compared, without its table in brackets: the table is named beside the source line.
            var wat = a.BronTabel is { } t ? a.Omschrijving.Replace($" ({t})", "", StringComparison.Ordinal) : a.Omschrijving;
            var bron = new Celtekst("bron").Regel(a.BronBestand, a.BronRegel).Tekst(a.BronTabel is null ? null : $" ({a.BronTabel})");
            if (a.BronRegels.Count > 0)
            {
                bron.Tekst(a.BronRegels.Count == 1 ? "; delen: regel " : "; delen: regels ");
                for (var i = 0; i < a.BronRegels.Count; i++)
                {
                    var bestand = i < a.BronBestandenDelen.Count ? a.BronBestandenDelen[i] : a.BronBestand;
                    bron.Tekst(i > 0 ? ", " : null).Regel(bestand, a.BronRegels[i], kort: true).Tekst(bestand != a.BronBestand ? $" ({bestand})" : null);
                }
                if (a.BronTabelDelen is { } delen && delen != a.BronTabel) bron.Tekst($" ({delen})");
            }
            return new Tabelrij([wat, a.Jaar, a.Gedrukt, a.Berekend, a.Verschil, Eenheidlabel(a.Eenheid), a.Oordeel.Replace('-', ' '), a.JuisteWaarde, bron.Klaar()],
                Artikel: a.Artikel, Links: bron.Links);
        }).ToList();
        var (rijen, paginering) = Pagina(Tabelsortering.Sorteer(kolommen, alle, sorteer), query, http);
        var metadata = AansluitingenEndpoints.Metadata(keuze, rijen.Count) with { Paginering = paginering };
        var titel = "Aansluitingen: gedrukt tegen berekend, met de bron van elk cijfer" +
                    (paginering.AantalPaginas > 1 ? $", {Bereik(paginering)} van {paginering.TotaalAantal}" : "");
        return new TabelResultaat(new Tabel(titel, kolommen, rijen, metadata), "aansluitingen-tabel");
    }

    /// <summary>Which rows of all a page holds: "21–40".</summary>
    private static string Bereik(Paginering p)
    {
        var eerste = (long)(p.Pagina - 1) * p.PaginaGrootte + 1;
        var laatste = Math.Min((long)p.Pagina * p.PaginaGrootte, p.TotaalAantal);
        return $"{eerste.ToString(CultureInfo.InvariantCulture)}–{laatste.ToString(CultureInfo.InvariantCulture)}";
    }

    static TabelResultaat GetBevindingenTabel([AsParameters] BevindingenQuery query, Bevindinglijst bevindingen, Gegevens gegevens, Catalogus catalogus,
        HttpContext http, [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var gekozen = BevindingenEndpoints.Kies(query, bevindingen, Bevindingonderwerpen.Van(gegevens), catalogus);
        List<Tabelkolom> kolommen =
        [
            K("ernst", "Ernst", Tabeleenheden.Tekst), K("soort", "Soort", Tabeleenheden.Tekst), K("uitleg", "Uitleg", Tabeleenheden.Tekst),
            K("jaren", "Jaren", Tabeleenheden.Tekst), K("waarover", "Waarover", Tabeleenheden.Tekst), K("juisteWaarde", "Juiste waarde", Tabeleenheden.Tekst),
            K("cijfer", "Cijfer zoals gedrukt", Tabeleenheden.Tekst), K("cijfers", "Alle cijfers en hun bron", Tabeleenheden.Tekst),
        ];
        var alle = Probleemindeling.Van(gekozen).Select(p =>
        {
            var b = p.Eerste;
            var waarover = string.Join(", ", new[]
            {
                BevindingenEndpoints.Begroting(b, catalogus) ?? b.Hoofdstuk, b.Begrotingsjaar?.ToString(CultureInfo.InvariantCulture),
                b.Fase is null ? null : Begrotingscodes.FaseLabel(b.Fase).ToLowerInvariant(), b.Organisatie,
            }.Where(d => !string.IsNullOrEmpty(d)));
            var enkel = p.Bevindingen.Count == 1;
            var metWaarde = p.Bevindingen.Where(x => x.JuisteWaarde is not null).ToList();
            var juist = metWaarde.Count == 0 ? null
                : enkel ? Cijfers.Getal(b.JuisteWaarde, b.Eenheid ?? "aantal") + (b.Berekening is { } som ? $" ({som})" : "")
                : string.Join("; ", metWaarde.Select(x => $"{Probleemindeling.Jaar(x)?.ToString(CultureInfo.InvariantCulture) ?? ""}: {Cijfers.Getal(x.JuisteWaarde, x.Eenheid ?? "aantal")}"));
            // The figure each year turns on, as printed, with its line; then every figure with its file and line, one per line of the cell.
            var cijfer = new Celtekst("cijfer");
            var eerste = true;
            foreach (var x in p.Bevindingen.Where(x => x.Cijfers.Count > 0))
            {
                cijfer.Tekst(eerste ? null : "; ").Tekst(enkel ? null : $"{Probleemindeling.Jaar(x)?.ToString(CultureInfo.InvariantCulture) ?? ""}: ")
                    .Tekst($"{ZoalsGedrukt(x.Cijfers[0])}, ").Regel(x.Cijfers[0].BronBestand, x.Cijfers[0].BronRegel);
                eerste = false;
            }
            var cijfers = new Celtekst("cijfers");
            eerste = true;
            foreach (var c in p.Bevindingen.SelectMany(x => x.Cijfers))
            {
                cijfers.Tekst(eerste ? null : "\n").Tekst($"{ZoalsGedrukt(c)}: {c.Omschrijving}{(c.Jaar is { } j ? $" ({j.ToString(CultureInfo.InvariantCulture)})" : "")}. {c.BronBestand}, ")
                    .Regel(c.BronBestand, c.BronRegel).Tekst(c.BronSectie is { } s && s != c.BronBestand ? $" ({s})" : null);
                eerste = false;
            }
            return new Tabelrij(
                [Bevindingsoorten.Label(b.Ernst), Bevindingsoorten.Label(b.Soort), Probleemindeling.Uitleg(p),
                    p.Jaren.Count == 0 ? null : string.Join(", ", p.Jaren.Select(j => j.ToString(CultureInfo.InvariantCulture))),
                    waarover.Length == 0 ? null : waarover, juist, cijfer.Klaar(), cijfers.Klaar()],
                Links: [.. cijfer.Links, .. cijfers.Links]);
        }).ToList();
        var (rijen, paginering) = Pagina(Tabelsortering.Sorteer(kolommen, alle, sorteer), query, http);
        var metadata = BevindingenEndpoints.Metadata(gekozen, catalogus) with { Aantal = rijen.Count, Paginering = paginering, Tellingen = BevindingenEndpoints.Tellingen(gekozen) };
        var titel = "Bevindingen per probleem, met de jaren en elk cijfer zoals gedrukt en waar het staat" +
                    (paginering.AantalPaginas > 1 ? $", {Bereik(paginering)} van {paginering.TotaalAantal}" : "");
        return new TabelResultaat(new Tabel(titel, kolommen, rijen, metadata), "bevindingen-tabel");
    }

    /// <summary>
    /// A figure as printed: a print with words or signs of its own ("ca. € 3,3 miljard", "17.400 fte") as it stands; a bare number as
    /// the value with its unit, and the print beside it where it is written otherwise ("5,199,190" in an open-data file).
    /// </summary>
    private static string ZoalsGedrukt(Bevindingcijfer c)
    {
        if (c.ZoalsGedrukt is { } gedrukt && gedrukt.Any(t => !char.IsAsciiDigit(t) && t is not '.' and not ',' and not '-' && !char.IsWhiteSpace(t))) return gedrukt;
        var tekst = Cijfers.Getal(c.Waarde, c.Eenheid);
        return c.ZoalsGedrukt is { } g && c.Waarde is { } w && g != Cijfers.Getal(w) ? $"{tekst} (gedrukt {g})" : tekst;
    }

    const string OrganisatieSql = "SELECT code AS Code, naam AS Naam, afkorting AS Afkorting FROM organisatie WHERE code = @code COLLATE NOCASE";

    static Results<TabelResultaat, ProblemHttpResult> GetOrganisatieTabel(
        [Description("Code van de organisatie zoals in /organisaties, hoofdletterongevoelig. Bijvoorbeeld: DJI")] string code, BudgetDb db,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        (string Code, string Naam, string? Afkorting)? organisatie;
        using (var verbinding = db.Open()) organisatie = verbinding.QuerySingleOrDefault<(string Code, string Naam, string? Afkorting)?>(OrganisatieSql, new { code });
        if (organisatie is not { } o)
        {
            return Problemen.NietGevonden("organisatie", $"Er is geen organisatie met code '{code}'; de codes staan in /organisaties.");
        }
        var cijfers = db.LeesOrganisatiecijfers(o.Code);
        List<Tabelkolom> kolommen =
        [
            K("omschrijving", "Wat", Tabeleenheden.Tekst), K("waarde", "Waarde", Tabeleenheden.Getal), K("eenheid", "Eenheid", Tabeleenheden.Tekst),
            K("zoalsGedrukt", "Zoals gedrukt", Tabeleenheden.Tekst), K("jaar", "Jaar", Tabeleenheden.Code), K("bron", "Bron", Tabeleenheden.Tekst),
        ];
        var rijen = cijfers.Select(c =>
        {
            var bron = new Celtekst("bron").Regel(Bronnen.DocumentBestand, c.BronRegel).Tekst($" ({c.BronSectie})");
            return new Tabelrij([c.Omschrijving, c.Waarde, c.Eenheid, c.ZoalsGedrukt, c.Jaar, bron.Klaar()], Links: bron.Links);
        }).ToList();
        return new TabelResultaat(new Tabel($"Cijfers van {o.Naam}{(o.Afkorting is { } afkorting ? $" ({afkorting})" : "")}, elk in zijn eigen eenheid", kolommen, rijen, new Metadata { Aantal = rijen.Count, Bron = Bronnen.Document }),
            $"organisatie-tabel-{o.Code}");
    }
}
