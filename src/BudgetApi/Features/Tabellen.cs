using System.ComponentModel;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Opslag;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace BudgetApi.Features;

/// <summary>
/// The tables of the dashboard, one per block, as the API serves them (issue 16 §3): /v1/{resource}/tabel takes the resource's own
/// parameters and answers the table the block shows (headings in Dutch, the rows in the order the screen opens them), as JSON, and as
/// CSV and Excel through the same writers as every collection (/v1/csv/{resource}/tabel, /v1/xlsx/{resource}/tabel). The dashboard
/// draws each table from this JSON and its download links are this table's CSV and Excel, so a download is the screen by construction:
/// one place decides a table's columns, headings and rows, never two codes kept in step. The figures are the resource's own answer,
/// rearranged, never computed again.
/// </summary>
public static partial class TabellenEndpoints
{
    public const string Pad = "/tabel";

    public static RouteGroupBuilder MapTabellen(this RouteGroupBuilder v1)
    {
        v1.MapGet("/totalen" + Pad, GetTotalenTabel).WithTags("Totalen").WithName("GetTotalenTabel")
            .WithSummary("Totalen als tabel: een rij per begroting, een kolom per jaar")
            .WithDescription("De tabel 'Per begroting en geconsolideerd' van het dashboard, met de parameters van /totalen: per begroting (of artikel of categorie) " +
                             "een rij, per jaar een kolom met het bedrag, dan het meerjarig totaal en de gemiddelde groei per jaar.")
            .MetValidatie<TotalenQuery>();
        v1.MapGet("/aandelen" + Pad, GetAandelenTabel).WithTags("Aandelen").WithName("GetAandelenTabel")
            .WithSummary("Aandelen als tabel, grootste aandeel eerst")
            .WithDescription("De tabel 'Aandeel in de begroting' van het dashboard, met de parameters van /aandelen: per artikel (of waarvan-regel en rest) " +
                             "het bedrag en het aandeel, op volgorde van het aandeel in de begroting, grootste eerst.")
            .MetValidatie<AandelenQuery>();
        v1.MapGet("/mutaties" + Pad, GetMutatiesTabel).WithTags("Mutaties").WithName("GetMutatiesTabel")
            .WithSummary("Mutaties als tabel: per artikel beide standen, de mutatie en de totaalrij")
            .WithDescription("De tabel 'Mutaties tussen twee standen, per artikel' van het dashboard, met de parameters van /mutaties: per regel het bedrag in " +
                             "de eerste en de tweede stand (de koppen noemen ze), de mutatie absoluut en in procent en in welke stand de regel staat; de totaalrij onderaan.")
            .MetValidatie<MutatiesQuery>();
        v1.MapGet("/uitputting" + Pad, GetUitputtingTabel).WithTags("Mutaties").WithName("GetUitputtingTabel")
            .WithSummary("Begroting tegen realisatie als tabel")
            .WithDescription("De tabel 'Begroting tegen realisatie, per artikel' van het dashboard, met de parameters van /uitputting; de totaalrij onderaan.")
            .MetValidatie<UitputtingQuery>();
        v1.MapGet("/standenreeks" + Pad, GetStandenreeksTabel).WithTags("Mutaties").WithName("GetStandenreeksTabel")
            .WithSummary("Standenreeks als tabel: een kolom per stand")
            .WithDescription("De tabel van de standenreeks in het dashboard (Inzoomen), met de parameters van /standenreeks: de regel van het gekozen niveau " +
                             "(zonder artikel het totaal van de begroting, met artikel het artikel, met regel die regel) en de regels één niveau lager (het niveau volgt " +
                             "daaruit); per stand " +
                             "van het begrotingsjaar een kolom met het bedrag ('niet in stand' waar de regel in die stand ontbreekt) en vanaf de tweede stand de " +
                             "mutatie ten opzichte van de stand ervoor, dan de uitputting. Elke rij noemt artikel en regel om erop in te zoomen.")
            .MetValidatie<StandenreeksQuery>();
        v1.MapGet("/verloop" + Pad, GetVerloopTabel).WithTags("Mutaties").WithName("GetVerloopTabel")
            .WithSummary("Verloop over begrotingsjaren als tabel, in één of meer fasen")
            .WithDescription("Het verloop van /verloop als één tabel: per begrotingsjaar een rij, per gekozen fase een kolom met het bedrag van het " +
                             "begrotingsjaar zelf (fase mag herhaald worden: ontwerpbegroting en jaarverslag naast elkaar), met de begroting en de naam " +
                             "zoals toen gepubliceerd en de toelichting (verhuizing, breuk, gat, andere omvang). Zonder artikel ook soort=saldo " +
                             "(uitgaven min ontvangsten). De tabellen 'Over begrotingsjaren' en 'Verloop over begrotingsjaren' van het dashboard.")
            .MetValidatie<VerloopTabelQuery>();
        v1.MapGet("/bezetting" + Pad, GetBezettingTabel).WithTags("Bezetting").WithName("GetBezettingTabel")
            .WithSummary("Bezetting en budget per organisatie als tabel")
            .WithDescription("De tabellen van de weergave Bezetting: tabel=aandelen (bezetting en budget met hun aandeel) of tabel=budget-per-fte, " +
                             "in de gekozen volgorde (zoals gedrukt, of grootste eerst op bezetting, budget of budget per fte).")
            .MetValidatie<BezettingTabelQuery>();
        return v1.MapLijsttabellen();
    }

    /// <summary>A fase as a column heading: "Ontwerpbegroting", "1e suppletoire", "Jaarverslag (realisatie)".</summary>
    internal static string Kop(string fase) => fase == Begrotingscodes.Jaarverslag ? "Jaarverslag (realisatie)" : Hoofdletter(Begrotingscodes.FaseLabel(fase));

    private static string Hoofdletter(string tekst) => tekst.Length == 0 ? tekst : char.ToUpperInvariant(tekst[0]) + tekst[1..];

    /// <summary>A soort as a caption starts it: "Uitgaven", "Saldo (uitgaven min ontvangsten)".</summary>
    private static string Soortlabel(string soort) => soort == "saldo" ? "Saldo (uitgaven min ontvangsten)" : Hoofdletter(soort);

    private static string Periode(IReadOnlyList<int> jaren) => jaren.Count switch { 0 => "", 1 => $"{jaren[0]}", _ => $"{jaren[0]}–{jaren[^1]}" };

    private static Tabelkolom K(string sleutel, string titel, string eenheid) => new(sleutel, titel, eenheid);

    static TabelResultaat GetTotalenTabel([AsParameters] TotalenQuery query, BudgetDb db, Catalogus catalogus,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var lijst = TotalenEndpoints.GetTotalen(query, db, catalogus).Lijst;
        var rijen = lijst.Gegevens;
        var jaren = rijen.Select(r => r.Jaar).Distinct().Order().ToList();
        var periode = Periode(jaren);
        var soort = (rijen.Count > 0 ? rijen[0].Soort : null) ?? Queryregels.Canoniek(query.Soort, Queryregels.SoortenMetSaldo) ?? Begrotingscodes.Uitgaven;
        // One row per group the API totals (a begroting, a consolidated group, or an artikel or categorie of one), in the API's order.
        var groepen = rijen.GroupBy(r => (r.Begroting, r.Artikel, r.Categorie)).ToList();
        string Naam(TotaalRegel r) => (r.Begroting.Contains('+') ? $"{r.Begroting} (geconsolideerd)" : r.Begroting)
            + (r.Artikel is { } a ? $" {a} {r.Omschrijving}" : r.Categorie is { } c ? $" {c}" : "");
        var kolommen = new List<Tabelkolom> { K("begroting", "Begroting", Tabeleenheden.Tekst) };
        kolommen.AddRange(jaren.Select(j => K($"{j}", $"{j}", Tabeleenheden.Bedrag)));
        kolommen.Add(K("meerjarigTotaal", $"Totaal {periode}", Tabeleenheden.Bedrag));
        kolommen.Add(K("gemiddeldeGroeiProcent", "Gemiddelde groei per jaar", Tabeleenheden.ProcentMetTeken));
        var tabelrijen = groepen.Select(g =>
        {
            var eerste = g.First();
            var cellen = new List<object?> { Naam(eerste) };
            cellen.AddRange(jaren.Select(j => (object?)g.FirstOrDefault(r => r.Jaar == j)?.Bedrag));
            cellen.Add(eerste.MeerjarigTotaal);
            cellen.Add(eerste.GemiddeldeGroeiProcent);
            return new Tabelrij(cellen);
        }).ToList();
        var wat = (Queryregels.Canoniek(query.Groepering, TotalenQueryValidator.Groeperingen) ?? "begroting") == "begroting" ? "per begroting" : $"per {query.Groepering!.ToLowerInvariant()}";
        return new TabelResultaat(new Tabel($"{Soortlabel(soort)} {wat}, {periode} (× € 1.000)", kolommen, tabelrijen, lijst.Metadata), "totalen-tabel");
    }

    static TabelResultaat GetAandelenTabel([AsParameters] AandelenQuery query, BudgetDb db, Catalogus catalogus,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var lijst = AandelenEndpoints.GetAandelen(query, db, catalogus).Lijst;
        var perWaarvan = Queryregels.Canoniek(query.Niveau, AandelenQueryValidator.Niveaus) == "waarvan";
        // By size, largest share first (who gets the most); a part without a share last; equal shares keep the API's order.
        var rijen = lijst.Gegevens.OrderBy(r => r.AandeelVanGeheel is null).ThenByDescending(r => r.AandeelVanGeheel).ToList();
        List<Tabelkolom> kolommen = perWaarvan
            ?
            [
                K("artikel", "Artikel", Tabeleenheden.Tekst), K("deel", "Deel", Tabeleenheden.Tekst), K("bedrag", "Bedrag", Tabeleenheden.Bedrag),
                K("bedragOuder", "Bedrag artikel", Tabeleenheden.Bedrag), K("aandeelVanOuder", "Aandeel in artikel", Tabeleenheden.Procent),
                K("aandeelVanGeheel", "Aandeel in begroting", Tabeleenheden.Procent), K("bronRegel", "Bronregel", Tabeleenheden.Code),
            ]
            :
            [
                K("artikel", "Artikel", Tabeleenheden.Tekst), K("bedrag", "Bedrag", Tabeleenheden.Bedrag),
                K("aandeelVanGeheel", "Aandeel in begroting", Tabeleenheden.Procent), K("bronRegel", "Bronregel", Tabeleenheden.Code),
            ];
        var tabelrijen = rijen.Select(r => new Tabelrij(perWaarvan
            ? [$"{r.Artikel} {r.ArtikelOmschrijving}", r.Deel, r.Bedrag, r.BedragOuder, r.AandeelVanOuder, r.AandeelVanGeheel, r.BronRegel]
            : [$"{r.Artikel} {r.Deel}", r.Bedrag, r.AandeelVanGeheel, r.BronRegel], Artikel: r.Artikel)).ToList();
        var begroting = catalogus.ZoekBegroting(query.Begroting)!.Code;
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        var jaar = (lijst.Gegevens.Count > 0 ? lijst.Gegevens[0].Jaar : (int?)null) ?? query.Jaar;
        return new TabelResultaat(new Tabel($"Aandelen in de {soort} van {begroting}, {jaar}, {lijst.Metadata.Stand} (bedragen × € 1.000)", kolommen, tabelrijen, lijst.Metadata), "aandelen-tabel");
    }

    private static readonly Dictionary<string, string> Aanwezig = new()
    {
        [MutatiesEndpoints.Beide] = "in beide",
        [MutatiesEndpoints.AlleenVan] = "alleen in de eerste stand",
        [MutatiesEndpoints.AlleenNaar] = "alleen in de tweede stand",
        [MutatiesEndpoints.Verhuisd] = "verhuisd (was → wordt)",
    };

    static TabelResultaat GetMutatiesTabel([AsParameters] MutatiesQuery query, BudgetDb db, Catalogus catalogus,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var lijst = MutatiesEndpoints.GetMutaties(query, db, catalogus).Lijst;
        var standen = lijst.Metadata.Standen!;
        var (van, naar) = (standen[0].Label, standen[^1].Label);
        var jaren = lijst.Gegevens.Select(r => r.Jaar).Distinct().Order().ToList();
        var perJaar = jaren.Count > 1;
        // Per year the lines by artikel (parts under their artikel as the API orders them), its total row last.
        var rijen = lijst.Gegevens.Select((r, i) => (r, i))
            .OrderBy(p => p.r.Jaar).ThenBy(p => p.r.Regelsoort == MutatiesEndpoints.Totaal).ThenBy(p => p.r.Artikel).ThenBy(p => p.i).Select(p => p.r).ToList();
        var kolommen = new List<Tabelkolom>();
        if (perJaar) kolommen.Add(K("jaar", "Jaar", Tabeleenheden.Code));
        kolommen.AddRange([
            K("artikel", "Artikel", Tabeleenheden.Tekst), K("bedragVan", van, Tabeleenheden.Bedrag), K("bedragNaar", naar, Tabeleenheden.Bedrag),
            K("mutatie", "Mutatie", Tabeleenheden.Mutatie), K("mutatieProcent", "Mutatie %", Tabeleenheden.ProcentMetTeken), K("aanwezig", "Aanwezig", Tabeleenheden.Tekst),
        ]);
        var tabelrijen = rijen.Select(r =>
        {
            var totaal = r.Regelsoort == MutatiesEndpoints.Totaal;
            var naam = totaal ? "Totaal"
                : r.Regelsoort == Begrotingscodes.NiveauArtikel ? $"{r.Artikel} {r.Omschrijving}".Trim()
                : $"{r.Artikel} {(r.Pad.Length == 0 ? r.Omschrijving : $"{r.Pad} > {r.Omschrijving}")}";
            var cellen = new List<object?>();
            if (perJaar) cellen.Add(r.Jaar);
            cellen.AddRange([naam, r.BedragVan, r.BedragNaar, r.Mutatie, r.MutatieProcent, Aanwezig.GetValueOrDefault(r.Aanwezig, r.Aanwezig)]);
            return new Tabelrij(cellen, totaal, totaal ? null : r.Artikel);
        }).ToList();
        var wat = (Queryregels.Canoniek(query.Niveau, MutatiesQueryValidator.Niveaus) ?? "artikel") == "artikel" ? "per artikel" : "per regel";
        return new TabelResultaat(new Tabel($"Mutaties {wat}, {van} naar {naar}, {Periode(jaren)} (× € 1.000)", kolommen, tabelrijen, lijst.Metadata), "mutaties-tabel");
    }

    static TabelResultaat GetUitputtingTabel([AsParameters] UitputtingQuery query, BudgetDb db, Catalogus catalogus,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var lijst = UitputtingEndpoints.GetUitputting(query, db, catalogus).Lijst;
        var rijen = lijst.Gegevens.Where(r => r.Artikel is not null).OrderBy(r => r.Artikel).Concat(lijst.Gegevens.Where(r => r.Artikel is null)).ToList();
        List<Tabelkolom> kolommen =
        [
            K("artikel", "Artikel", Tabeleenheden.Tekst), K("begroot", "Begroot", Tabeleenheden.Bedrag), K("begrootFase", "Stand van de begroting", Tabeleenheden.Tekst),
            K("realisatie", "Realisatie", Tabeleenheden.Bedrag), K("verschil", "Verschil", Tabeleenheden.Mutatie),
            K("verschilProcent", "Verschil %", Tabeleenheden.ProcentMetTeken), K("oordeel", "Oordeel", Tabeleenheden.Tekst),
        ];
        var tabelrijen = rijen.Select(r => new Tabelrij(
            [r.Artikel is null ? "Totaal" : $"{r.Artikel} {r.Omschrijving}".Trim(), r.Begroot, r.BegrootFase.Length == 0 ? null : Kop(r.BegrootFase), r.Realisatie, r.Verschil, r.VerschilProcent, r.Oordeel],
            r.Artikel is null, r.Artikel)).ToList();
        var begroting = catalogus.ZoekBegroting(query.Begroting)!.Code;
        var jaar = (lijst.Gegevens.Count > 0 ? lijst.Gegevens[0].Begrotingsjaar : (int?)null) ?? query.Begrotingsjaar;
        return new TabelResultaat(new Tabel($"Begroting tegen realisatie per artikel, {begroting} {jaar} (× € 1.000)", kolommen, tabelrijen, lijst.Metadata), "uitputting-tabel");
    }

    private static string Volledig(StandenreeksRegel r) => r.Pad.Length == 0 ? r.Omschrijving : $"{r.Pad} > {r.Omschrijving}";

    private static string Naam(StandenreeksRegel r) => r.Regelsoort == Begrotingscodes.NiveauArtikel ? $"{r.Artikel} {r.Omschrijving}" : r.Omschrijving;

    static TabelResultaat GetStandenreeksTabel([AsParameters] StandenreeksQuery query, BudgetDb db, Catalogus catalogus, HttpContext http,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        // The level decides the lines: the artikelen under the begroting's total, the parts (niveau=regel) under an artikel.
        var lijst = StandenreeksEndpoints.GetStandenreeks(query with { Niveau = query.Artikel is null ? "artikel" : "regel" }, db, catalogus, http).Lijst;
        var rijen = lijst.Gegevens;
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.Soorten) ?? Begrotingscodes.Uitgaven;
        // The level's own line, and the lines one level below it: what the chart draws and a click zooms into.
        var huidig = query.Artikel is null ? rijen.FirstOrDefault(r => r.Regelsoort == MutatiesEndpoints.Totaal)
            : query.Regel is null ? rijen.FirstOrDefault(r => r.Regelsoort == Begrotingscodes.NiveauArtikel)
            : rijen.FirstOrDefault(r => r.Regelsoort != Begrotingscodes.NiveauArtikel && MutatiesEndpoints.Normaal(Volledig(r)) == MutatiesEndpoints.Normaal(string.Join(" > ", query.Regel.Split('>', StringSplitOptions.TrimEntries))))
              ?? (rijen.Count > 0 ? rijen[0] : null);
        if (huidig is null)
        {
            return new TabelResultaat(new Tabel($"Standenreeks, {soort}", [K("regel", "Regel", Tabeleenheden.Tekst)], [], lijst.Metadata), "standenreeks-tabel");
        }
        var onder = query.Artikel is null ? "" : query.Regel is null ? "" : MutatiesEndpoints.Normaal(Volledig(huidig));
        var kinderen = query.Artikel is null
            ? rijen.Where(r => r.Regelsoort == Begrotingscodes.NiveauArtikel)
            : rijen.Where(r => r.Regelsoort != Begrotingscodes.NiveauArtikel && r.Regelsoort != MutatiesEndpoints.Totaal && MutatiesEndpoints.Normaal(r.Pad) == onder);

        var fasen = huidig.Standen.Select(s => s.Fase).ToList();
        var kolommen = new List<Tabelkolom> { K("regel", "Regel", Tabeleenheden.Tekst) };
        for (var i = 0; i < fasen.Count; i++)
        {
            kolommen.Add(K(fasen[i], Kop(fasen[i]), Tabeleenheden.Bedrag));
            if (i > 0) kolommen.Add(K($"mutatie-{fasen[i]}", $"Mutatie naar {Kop(fasen[i]).ToLowerInvariant()}", Tabeleenheden.Mutatie));
        }
        if (huidig.BegrootFase is { } begroot)
        {
            kolommen.Add(K("verschil", $"Uitputting (realisatie − {Kop(begroot).ToLowerInvariant()})", Tabeleenheden.Mutatie));
            kolommen.Add(K("verschilProcent", "Uitputting in %", Tabeleenheden.ProcentMetTeken));
        }
        Tabelrij Rij(StandenreeksRegel r, bool totaal)
        {
            var cellen = new List<object?> { Naam(r) };
            for (var i = 0; i < fasen.Count; i++)
            {
                var s = i < r.Standen.Count ? r.Standen[i] : null;
                // A line a stand does not print is said in words: a blank (—) would read as "printed without an amount".
                cellen.Add(s is { InStand: true } ? s.Bedrag : "niet in stand");
                if (i > 0) cellen.Add(s?.Mutatie);
            }
            if (huidig.BegrootFase is not null)
            {
                cellen.Add(r.Verschil);
                cellen.Add(r.VerschilProcent);
            }
            var isDeel = r.Regelsoort != Begrotingscodes.NiveauArtikel && r.Regelsoort != MutatiesEndpoints.Totaal;
            return new Tabelrij(cellen, totaal, r.Artikel, isDeel ? Volledig(r) : null);
        }
        var tabelrijen = new List<Tabelrij> { Rij(huidig, true) };
        tabelrijen.AddRange(kinderen.Select(r => Rij(r, false)));
        return new TabelResultaat(new Tabel($"Standenreeks {Naam(huidig)}, {soort} {huidig.Jaar} (× € 1.000)", kolommen, tabelrijen, lijst.Metadata), "standenreeks-tabel");
    }

    private static readonly Dictionary<string, string> Aanwezigheid = new()
    {
        [VerloopEndpoints.Gedrukt] = "gedrukt",
        [VerloopEndpoints.Verhuisd] = "verhuisd (was → wordt)",
        [VerloopEndpoints.GeenStand] = "geen stand in de data",
        [VerloopEndpoints.Breuk] = "breuk: regel ontbreekt",
    };

    static TabelResultaat GetVerloopTabel([AsParameters] VerloopTabelQuery query, BudgetDb db, Catalogus catalogus,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var begroting = catalogus.ZoekBegroting(query.Begroting)!;
        var fasen = (query.Fase ?? []).Select(f => Queryregels.Canoniek(f, Begrotingscodes.Fasen)!).Distinct()
            .OrderBy(Begrotingscodes.Volgorde).ToList();
        if (fasen.Count == 0) fasen.Add(VerloopEndpoints.Standaardfase(catalogus, begroting));
        var soort = Queryregels.Canoniek(query.Soort, Queryregels.SoortenMetSaldo) ?? Begrotingscodes.Uitgaven;
        var reeksen = fasen.Select(f => soort == "saldo" ? Saldo(db, catalogus, begroting, f) : VerloopEndpoints.Reeks(db, catalogus, begroting, query.Artikel, query.Regel, f, soort)).ToList();
        var jaren = reeksen.SelectMany(r => r.Select(p => p.Begrotingsjaar)).Distinct().Order().ToList();
        var enkel = fasen.Count == 1;

        // The figures beside the year, the words after them: on a phone the year column stays and the figures come first.
        var kolommen = new List<Tabelkolom> { K("begrotingsjaar", "Begrotingsjaar", Tabeleenheden.Code) };
        kolommen.AddRange(fasen.Select(f => K(f, Kop(f), Tabeleenheden.Bedrag)));
        kolommen.AddRange([K("begroting", "Begroting toen", Tabeleenheden.Tekst), K("naam", "Naam toen", Tabeleenheden.Tekst)]);
        if (enkel) kolommen.Add(K("aanwezigheid", "Hoe", Tabeleenheden.Tekst));
        kolommen.Add(K("toelichting", "Toelichting", Tabeleenheden.Tekst));

        var tabelrijen = jaren.Select(j =>
        {
            var punten = reeksen.Select(r => r.FirstOrDefault(p => p.Begrotingsjaar == j)).ToList();
            // The begroting and the name as that year published them: from the first fase with a stand that year.
            var toen = punten.FirstOrDefault(p => p?.Stand is not null) ?? punten.First(p => p is not null)!;
            var cellen = new List<object?> { j };
            cellen.AddRange(punten.Select(p => (object?)p?.Bedrag));
            cellen.AddRange([$"{toen.Hoofdstuk} {toen.BegrotingNaamZoalsGepubliceerd ?? toen.BegrotingNaam}", toen.OmschrijvingZoalsGepubliceerd]);
            if (enkel) cellen.Add(Aanwezigheid.GetValueOrDefault(punten[0]!.Aanwezigheid, punten[0]!.Aanwezigheid));
            var toelichting = punten.Select(p => p?.Overgang).OfType<string>().Distinct().ToList();
            cellen.Add(toelichting.Count == 0 ? null : string.Join(" ", toelichting));
            return new Tabelrij(cellen, Artikel: toen.Artikel);
        }).ToList();

        var alle = reeksen.SelectMany(r => r).ToList();
        var standen = alle.Where(r => r.Stand is not null).Select(r => catalogus.ZoekStand(r.Stand!)!).Distinct().ToList();
        var omschrijving = alle.FirstOrDefault()?.Omschrijving ?? begroting.Naam;
        var fasetekst = string.Join(" en ", fasen.Select(f => Kop(f).ToLowerInvariant()));
        return new TabelResultaat(new Tabel($"Verloop {omschrijving}, {Soortlabel(soort).ToLowerInvariant()}, per begrotingsjaar: {fasetekst} (× € 1.000)",
            kolommen, tabelrijen, StandVerwijzing.Metadata(standen, tabelrijen.Count)), "verloop-tabel");
    }

    /// <summary>A begroting's saldo per begrotingsjaar: its uitgaven minus its ontvangsten, as /totalen computes it; a blank on either side is a blank.</summary>
    private static IReadOnlyList<VerloopRegel> Saldo(BudgetDb db, Catalogus catalogus, Begroting begroting, string fase)
    {
        var uitgaven = VerloopEndpoints.Reeks(db, catalogus, begroting, null, null, fase, Begrotingscodes.Uitgaven);
        var ontvangsten = VerloopEndpoints.Reeks(db, catalogus, begroting, null, null, fase, Begrotingscodes.Ontvangsten).ToDictionary(r => r.Begrotingsjaar);
        return uitgaven.Select(u => u with
        {
            Soort = "saldo",
            Bedrag = u.Bedrag is { } a && ontvangsten.GetValueOrDefault(u.Begrotingsjaar)?.Bedrag is { } b ? a - b : null,
        }).ToList();
    }

    static TabelResultaat GetBezettingTabel([AsParameters] BezettingTabelQuery query, BudgetDb db,
        [FromQuery(Name = Tabelsortering.Parameter), Description(Tabelsortering.Uitleg)] string? sorteer)
    {
        var lijst = BezettingEndpoints.GetBezetting(db).Lijst;
        var volgorde = Queryregels.Canoniek(query.Volgorde, BezettingTabelQueryValidator.Volgorden) ?? "bron";
        long? Waarde(BezettingRegel r) => volgorde switch
        {
            "bezetting" => r.BezettingFte, "budget" => r.BudgetMiljoen, "budgetPerFte" => r.BudgetPerFteEuro, _ => null,
        };
        // Largest first; a row without the figure (the printed "Overig" has no budget) last; as printed otherwise.
        var rijen = volgorde == "bron" ? lijst.Gegevens.ToList() : lijst.Gegevens.OrderBy(r => Waarde(r) is null).ThenByDescending(Waarde).ToList();
        if ((Queryregels.Canoniek(query.Tabel, BezettingTabelQueryValidator.Tabellen) ?? "aandelen") == "aandelen")
        {
            return new TabelResultaat(new Tabel("Bezetting (fte, stand 2025) en budget (€ miljoen, ontwerpbegroting 2026) per organisatie",
                [
                    K("organisatie", "Organisatie", Tabeleenheden.Tekst), K("bezettingFte", "Bezetting (fte)", Tabeleenheden.Getal),
                    K("aandeelBezettingProcent", "Aandeel bezetting", Tabeleenheden.Procent), K("budgetMiljoen", "Budget (€ miljoen)", Tabeleenheden.Getal),
                    K("aandeelBudgetProcent", "Aandeel budget", Tabeleenheden.Procent), K("bronRegel", "Bronregel", Tabeleenheden.Code),
                ],
                rijen.Select(r => new Tabelrij([r.OrganisatieZoalsGedrukt, r.BezettingFte, r.AandeelBezettingProcent, r.BudgetMiljoen, r.AandeelBudgetProcent, r.BronRegel])).ToList(),
                lijst.Metadata), "bezetting-tabel");
        }
        return new TabelResultaat(new Tabel("Budget per fte per organisatie (euro)",
            [
                K("organisatie", "Organisatie", Tabeleenheden.Tekst), K("budgetMiljoen", "Budget (€ miljoen)", Tabeleenheden.Getal),
                K("bezettingFte", "Bezetting (fte)", Tabeleenheden.Getal), K("budgetPerFteEuro", "Budget per fte", Tabeleenheden.Euro),
            ],
            rijen.Select(r => new Tabelrij([r.OrganisatieZoalsGedrukt, r.BudgetMiljoen, r.BezettingFte, r.BudgetPerFteEuro])).ToList(),
            lijst.Metadata), "bezetting-tabel");
    }
}

/// <summary>The parameters of /verloop, with fase repeatable: the table puts the fasen side by side.</summary>
public sealed record VerloopTabelQuery
{
    [Description("Code van de begroting of zijn hoofdstuk (verplicht): waar het artikel nu staat, of stond. Bijvoorbeeld: JenV")]
    [System.ComponentModel.DataAnnotations.Required]
    public string? Begroting { get; init; }

    [Description("Artikelnummer; zonder: het totaal van de begroting (de som van de artikelregels). Bijvoorbeeld: 31")]
    public int? Artikel { get; init; }

    [Description("Alleen deze regel onder het artikel: het pad met de eigen omschrijving, gescheiden door ' > ' (zoals /standenreeks). Vraagt artikel.")]
    public string? Regel { get; init; }

    [Description("De fasen, elk een kolom (herhaalbaar: fase=ontwerpbegroting&fase=jaarverslag), in de volgorde van de cyclus. " +
                 "Standaard: de fase die de meeste begrotingsjaren van de begroting hebben. Bijvoorbeeld: ontwerpbegroting")]
    public string[]? Fase { get; init; }

    [Description("verplichtingen, uitgaven of ontvangsten; zonder artikel ook saldo (uitgaven min ontvangsten). Standaard: uitgaven.")]
    [DefaultValue("uitgaven")]
    public string? Soort { get; init; }
}

public sealed class VerloopTabelQueryValidator : AbstractValidator<VerloopTabelQuery>
{
    public VerloopTabelQueryValidator(Catalogus catalogus)
    {
        RuleFor(q => q.Begroting).VerplichteBegroting(catalogus);
        RuleFor(q => q.Soort).BekendeWaarde("soort", Queryregels.SoortenMetSaldo)
            .Must((q, s) => !"saldo".Equals(s, StringComparison.OrdinalIgnoreCase) || q.Artikel is null)
            .WithMessage("soort=saldo is er alleen voor het totaal van een begroting: laat artikel weg, of kies uitgaven of ontvangsten.");
        RuleForEach(q => q.Fase).BekendeWaarde("fase", Begrotingscodes.Fasen).OverridePropertyName("fase");
        RuleFor(q => q.Regel).RegelOnderArtikel(q => q.Artikel);
        RuleFor(q => q).Custom((q, context) =>
        {
            if (catalogus.ZoekBegroting(q.Begroting) is not { } begroting) return;
            foreach (var fout in (q.Fase ?? []).Select(f => Standkeuzes.FaseFout(catalogus, begroting, f)).OfType<string>()) context.AddFailure("fase", fout);
        });
    }
}

/// <summary>Which table of the view Bezetting, and in which order.</summary>
public sealed record BezettingTabelQuery
{
    [Description("aandelen (bezetting en budget met hun aandeel) of budget-per-fte. Standaard: aandelen.")]
    [DefaultValue("aandelen")]
    public string? Tabel { get; init; }

    [Description("bron (zoals gedrukt), bezetting, budget of budgetPerFte (grootste eerst; een rij zonder dat cijfer onderaan). Standaard: bron.")]
    [DefaultValue("bron")]
    public string? Volgorde { get; init; }
}

public sealed class BezettingTabelQueryValidator : AbstractValidator<BezettingTabelQuery>
{
    public static readonly IReadOnlyList<string> Tabellen = ["aandelen", "budget-per-fte"];
    public static readonly IReadOnlyList<string> Volgorden = ["bron", "bezetting", "budget", "budgetPerFte"];

    public BezettingTabelQueryValidator()
    {
        RuleFor(q => q.Tabel).BekendeWaarde("tabel", Tabellen);
        RuleFor(q => q.Volgorde).BekendeWaarde("volgorde", Volgorden);
    }
}
