using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>
/// The project's own stand format is what /v1/bedragen exports as CSV, and that export escapes every text a spreadsheet would take
/// for a formula with an apostrophe (<see cref="Formule"/>). Reading such a file back takes the apostrophe off again, in every text
/// the export escaped: the hoofdstuk, each step of a path, the description, the code, the table title and a total's name. So an
/// exported stand imports as exactly the stand it was (the same content, 'ongewijzigd'), and exports again byte for byte the same.
/// Only this format: the open-data formats are not our export, and their text is kept as published.
/// </summary>
public static class Exporttekst
{
    public static Leesresultaat Terug(Leesresultaat gelezen)
    {
        if (gelezen.Formaat != Standbestanden.StandenCsvLezer.FormaatCode || !gelezen.Gelukt) return gelezen;
        static Standsleutel Stand(Standsleutel s) => s with { Hoofdstuk = Formule.Terug(s.Hoofdstuk) };
        static string? Tekst(string? t) => t is null ? null : Formule.Terug(t);
        return gelezen with
        {
            Standen = gelezen.Standen.Select(k => k with { Stand = Stand(k.Stand) }).ToList(),
            Regels = gelezen.Regels.Select(r => r with
            {
                Stand = Stand(r.Stand),
                Pad = r.Pad.Select(p => p with { Omschrijving = Formule.Terug(p.Omschrijving) }).ToList(),
                Omschrijving = Formule.Terug(r.Omschrijving),
                Code = Tekst(r.Code),
                BronTabel = Tekst(r.BronTabel),
            }).ToList(),
            Totalen = gelezen.Totalen.Select(t => t with { Stand = Stand(t.Stand), Totaal = Formule.Terug(t.Totaal), BronTabel = Tekst(t.BronTabel) }).ToList(),
        };
    }
}
