using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>One record of a CSV file: its fields exactly as written (untrimmed) and the 1-based line it starts on.</summary>
public sealed record Csvrij(int Regel, IReadOnlyList<string> Velden)
{
    /// <summary>The field in a 0-based column, or "" when the row is shorter than the header.</summary>
    public string this[int kolom] => kolom >= 0 && kolom < Velden.Count ? Velden[kolom] : "";

    /// <summary>True when every field is empty or whitespace: a blank line, or a line of empty cells (",,,").</summary>
    public bool IsLeeg => Velden.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// RFC 4180 as the open data and our own export write it: ',' or ';' as the separator (decided from the header), CRLF, LF or CR line ends,
/// fields quoted with "" as the escaped quote, quoted fields may hold line ends. Kept here rather than CsvHelper
/// because every problem must name the line a record starts on, and the readers need the fields untrimmed
/// (each reader decides what a stray space means: "V " is V, a description is kept trimmed).
/// </summary>
public static class Csvbestand
{
    /// <summary>
    /// Splits the whole text into records. An unterminated quote is a problem at the line where the field opened; a file without
    /// a single record (not even a header) is a problem at line 1.
    /// </summary>
    public static (IReadOnlyList<Csvrij> Rijen, IReadOnlyList<Leesprobleem> Problemen) Lees(string bestand, TextReader inhoud)
    {
        var tekst = inhoud.ReadToEnd();
        var scheiding = Scheidingsteken(tekst);
        var rijen = new List<Csvrij>();
        var problemen = new List<Leesprobleem>();
        var start = tekst.Length > 0 && tekst[0] == '\uFEFF' ? 1 : 0;

        var velden = new List<string>();
        var veld = new System.Text.StringBuilder();
        var regel = 1;
        var rijStart = 1;
        var i = start;
        var rijBegonnen = false;
        while (i < tekst.Length)
        {
            var c = tekst[i];
            if (c == '"' && veld.Length == 0)
            {
                // A quoted field: runs to the closing quote; "" inside is one quote.
                var openRegel = regel;
                i++;
                var gesloten = false;
                while (i < tekst.Length)
                {
                    var q = tekst[i];
                    if (q == '"')
                    {
                        if (i + 1 < tekst.Length && tekst[i + 1] == '"') { veld.Append('"'); i += 2; continue; }
                        i++;
                        gesloten = true;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && (i + 1 >= tekst.Length || tekst[i + 1] != '\n'))) regel++;
                    veld.Append(q);
                    i++;
                }
                rijBegonnen = true;
                if (!gesloten)
                {
                    problemen.Add(new Leesprobleem(bestand, openRegel, velden.Count + 1,
                        "een veld tussen aanhalingstekens wordt niet afgesloten (RFC 4180: een \" in een veld schrijf je als \"\")"));
                    velden.Add(veld.ToString());
                    rijen.Add(new Csvrij(rijStart, velden.ToArray()));
                    return (rijen, problemen);
                }
                // Text after the closing quote up to the separator is kept, as spreadsheets do.
                continue;
            }
            if (c == scheiding)
            {
                velden.Add(veld.ToString());
                veld.Clear();
                rijBegonnen = true;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                velden.Add(veld.ToString());
                veld.Clear();
                rijen.Add(new Csvrij(rijStart, velden.ToArray()));
                velden.Clear();
                rijBegonnen = false;
                i += c == '\r' && i + 1 < tekst.Length && tekst[i + 1] == '\n' ? 2 : 1;
                regel++;
                rijStart = regel;
                continue;
            }
            veld.Append(c);
            rijBegonnen = true;
            i++;
        }
        if (rijBegonnen || veld.Length > 0)
        {
            velden.Add(veld.ToString());
            rijen.Add(new Csvrij(rijStart, velden.ToArray()));
        }
        // Every format starts with its header: a file without one is refused, whatever its format would have been.
        if (rijen.Count == 0) problemen.Add(new Leesprobleem(bestand, 1, 0, "het bestand is leeg: geen kopregel"));
        return (rijen, problemen);
    }

    /// <summary>
    /// The separator: ';' or ',', whichever the widest of the first lines uses more (outside quotes). The header is the widest line;
    /// a title above it ("Budgettaire tabellen 2024, bedragen x € 1.000") has a stray comma or none, so it never decides.
    /// </summary>
    public static char Scheidingsteken(string tekst)
    {
        int komma = 0, puntkomma = 0, besteKomma = 0, bestePuntkomma = 0, regels = 0;
        var binnen = false;
        for (var i = 0; i < tekst.Length && regels < 12; i++)
        {
            var c = tekst[i];
            if (c == '"') binnen = !binnen;
            else if (binnen) continue;
            else if (c == ',') komma++;
            else if (c == ';') puntkomma++;
            else if (c is '\n' or '\r')
            {
                if (Math.Max(komma, puntkomma) > Math.Max(besteKomma, bestePuntkomma)) (besteKomma, bestePuntkomma) = (komma, puntkomma);
                komma = puntkomma = 0;
                regels++;
            }
        }
        if (Math.Max(komma, puntkomma) > Math.Max(besteKomma, bestePuntkomma)) (besteKomma, bestePuntkomma) = (komma, puntkomma);
        return bestePuntkomma > besteKomma ? ';' : ',';
    }

    /// <summary>The fields of the first line only, for recognising the format by its header.</summary>
    public static IReadOnlyList<string> Kopregel(string tekst)
    {
        var (rijen, _) = Lees("", new StringReader(EersteRecord(tekst)));
        return rijen.Count > 0 ? rijen[0].Velden : [];
    }

    private static string EersteRecord(string tekst)
    {
        // The header never holds a line end inside quotes in any known format; cut at the first line end outside quotes.
        var binnen = false;
        for (var i = 0; i < tekst.Length; i++)
        {
            if (tekst[i] == '"') binnen = !binnen;
            else if (!binnen && (tekst[i] == '\n' || tekst[i] == '\r')) return tekst[..i];
        }
        return tekst;
    }
}
