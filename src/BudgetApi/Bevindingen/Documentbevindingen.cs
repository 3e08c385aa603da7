using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Bevindingen;

/// <summary>
/// The findings in the document's figures (data/*.csv): the six kinds of issue 7, each rule in its own class. Reads the loaded
/// data of the document's standen once and reuses the reconciliations of /aansluitingen as they are.
/// </summary>
public sealed class Documentbevindingen(BudgetDb db, Catalogus catalogus, Aansluitingberekening.Lijst aansluitingen) : IBevindingbron
{
    public IEnumerable<Bevinding> Vind()
    {
        var g = Lees();
        return
        [
            .. TotalenDieNietSluiten.Vind(g),
            .. Tegenstrijdigheden.Vind(g),
            .. OnmogelijkeGetallen.Vind(g),
            .. Patroonbreuken.Vind(g),
            .. OnwaarschijnlijkeCijfers.Vind(g),
            .. Wezen.Vind(g),
        ];
    }

    private const string TotalenSql = """
        SELECT g.code AS Begroting, g.hoofdstuk AS Hoofdstuk, t.soort AS Soort, t.totaal AS Totaal, t.jaar AS Jaar, t.bedrag AS Bedrag,
               t.bron_tabel AS BronTabel, t.bron_regel AS BronRegel
        FROM gedrukt_totaal t JOIN stand s ON s.id = t.stand_id JOIN begroting g ON g.hoofdstuk = s.hoofdstuk
        WHERE t.stand_id IN @Standen ORDER BY t.rowid
        """;

    private const string UitgavenbegrotingSql =
        "SELECT omschrijving AS Omschrijving, bedrag AS Bedrag, artikel AS Artikel, bron_regel AS BronRegel FROM uitgavenbegroting_jenv ORDER BY volgorde";

    private const string BezettingSql = """
        SELECT organisatie_zoals_gedrukt AS ZoalsGedrukt, organisatie AS Organisatie, bezetting_fte AS BezettingFte, budget_miljoen AS BudgetMiljoen,
               komt_overeen_met AS KomtOvereenMet, bron_regel AS BronRegel
        FROM bezetting ORDER BY volgorde
        """;

    private Documentgegevens Lees()
    {
        // The document's figures speak of the document's standen (JenV and AenM, ontwerpbegroting 2026), not of the open data.
        var standen = catalogus.Standen.Where(s => s.Bronnen.Any(b => b.Formaat == Laden.Documentlezer.Formaat)).ToList();
        using var verbinding = db.Open();
        return new Documentgegevens
        {
            Cijfers = db.LeesOrganisatiecijfers(),
            Regels = db.LeesRegelbedragen(standen),
            Aansluitingen = aansluitingen.Voor(standen, metDocumentcijfers: true),
            Totalen = verbinding.Query<Gedrukttotaal>(TotalenSql, new { Standen = standen.Select(s => s.Id).ToArray() }).ToList(),
            Uitgavenbegroting = verbinding.Query<Lijstregel>(UitgavenbegrotingSql).ToList(),
            Bezettingstabel = verbinding.Query<Tabelrij>(BezettingSql).ToList(),
            Begrotingsjaar = standen.Min(s => s.Begrotingsjaar),
        };
    }
}
