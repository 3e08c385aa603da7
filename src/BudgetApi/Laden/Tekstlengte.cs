using BudgetApi.Domein;

namespace BudgetApi.Laden;

/// <summary>
/// The longest text an import may bring in one field (a description, a path step, a code, a table title, a total's name): 1.000
/// characters. The longest name in the published budgets is far below it; Excel's limit for a cell (32.767) is the ceiling any
/// limit must stay under, because every text is also written into the Excel downloads. A longer text is a refusal naming its line.
/// </summary>
public static class Tekstlengte
{
    public const int Maximum = 1_000;

    /// <summary>Every text of the reading that is too long, one problem each (at most 20: the rest is more of the same).</summary>
    public static IReadOnlyList<Leesprobleem> TeLang(Leesresultaat gelezen)
    {
        var problemen = new List<Leesprobleem>();
        void Controleer(string? tekst, string wat, Vindplaats waar)
        {
            if (tekst is null || tekst.Length <= Maximum || problemen.Count >= 20) return;
            problemen.Add(new Leesprobleem(waar.Bestand, waar.Regel, waar.Kolom ?? 0,
                $"{wat} heeft {tekst.Length} tekens; een tekst mag er hoogstens {Maximum} hebben"));
        }
        foreach (var kop in gelezen.Standen)
        {
            Controleer(kop.Stand.Hoofdstuk, "het hoofdstuk", new Vindplaats(gelezen.Regels.FirstOrDefault(r => r.Stand == kop.Stand)?.Herkomst.Bestand ?? "", 0));
            Controleer(kop.NaamZoalsGepubliceerd, "de naam van de begroting", new Vindplaats(gelezen.Regels.FirstOrDefault(r => r.Stand == kop.Stand)?.Herkomst.Bestand ?? "", 0));
        }
        foreach (var r in gelezen.Regels)
        {
            Controleer(r.Omschrijving, "de omschrijving", r.Herkomst);
            foreach (var stap in r.Pad) Controleer(stap.Omschrijving, "een stap van het pad", r.Herkomst);
            Controleer(r.Code, "de code", r.Herkomst);
            Controleer(r.BronTabel, "de tabeltitel", r.Herkomst);
        }
        foreach (var t in gelezen.Totalen)
        {
            Controleer(t.Totaal, "de naam van het totaal", t.Herkomst);
            Controleer(t.BronTabel, "de tabeltitel", t.Herkomst);
        }
        return problemen;
    }
}
