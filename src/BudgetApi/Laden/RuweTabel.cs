using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace BudgetApi.Laden;

/// <summary>One data row as read from a CSV file: its fields as text, with where it stands.</summary>
public sealed record RuweRij(string Bestand, int Regel, IReadOnlyList<string> Kolommen, IReadOnlyDictionary<string, string> Velden)
{
    /// <summary>The trimmed field; empty when the column is missing or blank.</summary>
    public string this[string kolom] => Velden.TryGetValue(kolom, out var waarde) ? waarde : "";

    /// <summary>1-based column of a header name, so a problem can point at file, line and column.</summary>
    public int KolomNummer(string kolom)
    {
        for (var i = 0; i < Kolommen.Count; i++)
        {
            if (Kolommen[i] == kolom) return i + 1;
        }
        return 0;
    }
}

/// <summary>A CSV file of data/: its header and rows, or the problems that made it unreadable.</summary>
public sealed record RuweTabel(string Bestand, IReadOnlyList<string> Kolommen, IReadOnlyList<RuweRij> Rijen)
{
    public static RuweTabel Lees(string map, string bestandsnaam, List<Laadprobleem> problemen)
    {
        var pad = Path.Combine(map, bestandsnaam);
        if (!File.Exists(pad))
        {
            problemen.Add(new Laadprobleem(bestandsnaam, 0, 0, "het bestand ontbreekt"));
            return new RuweTabel(bestandsnaam, [], []);
        }

        using var reader = new StreamReader(pad, System.Text.Encoding.UTF8);
        return Lees(bestandsnaam, reader, problemen);
    }

    /// <summary>The same from text (an imported file): every problem names <paramref name="bestandsnaam"/>.</summary>
    public static RuweTabel Lees(string bestandsnaam, TextReader reader, List<Laadprobleem> problemen)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // Every field is read as text; types are checked by the validators, which report all problems at once.
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config, leaveOpen: true);
        var rijen = new List<RuweRij>();
        string[] kolommen = [];
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                problemen.Add(new Laadprobleem(bestandsnaam, 1, 0, "het bestand heeft geen kopregel"));
                return new RuweTabel(bestandsnaam, [], []);
            }
            kolommen = csv.HeaderRecord;
            while (csv.Read())
            {
                var regel = csv.Parser.RawRow;
                var velden = csv.Parser.Record ?? [];
                if (velden.Length == 1 && velden[0].Length == 0) continue; // an empty line
                if (velden.Length != kolommen.Length)
                {
                    problemen.Add(new Laadprobleem(bestandsnaam, regel, Math.Min(velden.Length, kolommen.Length) + 1,
                        $"de regel heeft {velden.Length} velden, de kopregel {kolommen.Length}"));
                    continue;
                }
                var dict = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < kolommen.Length; i++) dict[kolommen[i]] = velden[i].Trim();
                rijen.Add(new RuweRij(bestandsnaam, regel, kolommen, dict));
            }
        }
        catch (CsvHelperException e)
        {
            var regel = e.Context?.Parser?.RawRow ?? 0;
            problemen.Add(new Laadprobleem(bestandsnaam, (int)regel, 0, $"het bestand is geen geldige CSV: {e.GetType().Name}"));
        }
        return new RuweTabel(bestandsnaam, kolommen, rijen);
    }

    /// <summary>Checks that the header has every required column; a missing column is one problem, not one per row.</summary>
    public bool HeeftKolommen(IEnumerable<string> verplicht, List<Laadprobleem> problemen)
    {
        var ontbrekend = verplicht.Where(k => !Kolommen.Contains(k)).ToList();
        foreach (var k in ontbrekend)
        {
            problemen.Add(new Laadprobleem(Bestand, 1, 0, $"de kolom '{k}' ontbreekt in de kopregel"));
        }
        return ontbrekend.Count == 0;
    }
}

/// <summary>One problem in a file of the load: folder and file, line and column (1-based; 0 when it concerns the whole file or line).</summary>
public sealed record Laadprobleem(string Bestand, int Regel, int Kolom, string Melding, string Map = "data")
{
    public override string ToString() => $"{Map}/{Bestand}:{Regel}:{Kolom}: {Melding}";
}
