using BudgetApi.Domein;
using BudgetApi.Features;
using BudgetApi.Opslag;
using Dapper;

namespace BudgetApi.Bevindingen;

/// <summary>
/// The findings in the document's figures (data/*.csv): the six kinds of issue 7, each rule in its own class. Reads the loaded
/// data once and reuses the reconciliations of /aansluitingen as they are.
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
        SELECT begroting AS Begroting, soort AS Soort, totaal AS Totaal, jaar AS Jaar, bedrag AS Bedrag, bron_tabel AS BronTabel, bron_regel AS BronRegel
        FROM gedrukt_totaal ORDER BY rowid
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
        using var verbinding = db.Open();
        return new Documentgegevens
        {
            Cijfers = db.LeesOrganisatiecijfers(),
            Regels = db.LeesRegelbedragen(),
            Aansluitingen = aansluitingen.Alle,
            Totalen = verbinding.Query<Gedrukttotaal>(TotalenSql).ToList(),
            Uitgavenbegroting = verbinding.Query<Lijstregel>(UitgavenbegrotingSql).ToList(),
            Bezettingstabel = verbinding.Query<Tabelrij>(BezettingSql).ToList(),
            Begrotingsjaar = catalogus.EersteJaar,
        };
    }
}
