using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetApi.Opslag;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetApi.Http;

/// <summary>How a column shows in Excel. Every cell of a column gets the same kind; only a decimal's number of places varies per cell.</summary>
public enum Celsoort
{
    /// <summary>Text (strings, closed sets of values): a text cell.</summary>
    Tekst,

    /// <summary>A whole number that names rather than counts (jaar, artikel, bronRegel): format 0, so 2026 never shows as 2.026.</summary>
    Code,

    /// <summary>A whole number that counts or measures (amounts, fte, euros, numbers of lines): format #,##0.</summary>
    Getal,

    /// <summary>A decimal that is not a percentage (355.25 fte, € 9,2 miljard): #,##0 with the places the value carries.</summary>
    Decimaal,

    /// <summary>
    /// A percentage: the API gives it in percent (47.56), the cell holds the fraction (0.4756) with the format 0.00%, so it shows
    /// 47,56% and a formula with it is right (=K3*N3 is 47,56 % of K3, not 47,56 times it).
    /// </summary>
    Procent,

    /// <summary>A date: a date cell, format yyyy-mm-dd.</summary>
    Datum,

    /// <summary>true/false: a boolean cell.</summary>
    Waarheid,
}

/// <summary>
/// The one rule for how a column of a flat row shows in Excel, from its name and type, so every collection (and every field a
/// row gains later) follows it without a per-resource list. Numbers are always numeric cells; only their display differs.
/// </summary>
public static class Kolomopmaak
{
    public static Celsoort Voor(Kolom kolom) => kolom.Soort ?? Voor(kolom.Naam, kolom.Type);

    public static Celsoort Voor(string naam, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool)) return Celsoort.Waarheid;
        if (type == typeof(DateOnly)) return Celsoort.Datum;
        if (!IsGetal(type)) return Celsoort.Tekst;
        // The API's percentages are named so: mutatieProcent, gemiddeldeGroeiProcent, aandeelBudgetProcent, aandeelVanOuder.
        if (naam.EndsWith("Procent", StringComparison.OrdinalIgnoreCase) || naam.StartsWith("aandeel", StringComparison.OrdinalIgnoreCase)) return Celsoort.Procent;
        if (!IsGeheel(type)) return Celsoort.Decimaal;
        // Years (jaar, vanJaar, begrotingsjaar), article numbers and source lines name a thing; a separator would misread them.
        string[] codes = ["jaar", "artikel", "regel"];
        return codes.Any(c => naam.EndsWith(c, StringComparison.OrdinalIgnoreCase)) ? Celsoort.Code : Celsoort.Getal;
    }

    private static bool IsGeheel(Type t) =>
        t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(byte) || t == typeof(ulong) || t == typeof(uint) || t == typeof(ushort) || t == typeof(sbyte);

    private static bool IsGetal(Type t) => IsGeheel(t) || t == typeof(decimal) || t == typeof(double) || t == typeof(float);
}

/// <summary>What the sheet "Toelichting" says about a download: the response's metadata, the request, the data version, the time.</summary>
public sealed record Toelichting(JsonObject Metadata, string Verzoek, string Gegevensversie, DateTimeOffset Gegenereerd)
{
    /// <summary>The data version is resolved per request: a reload may change it between two requests, never within one.</summary>
    public static Toelichting Voor(HttpContext http, JsonObject metadata) => new(
        metadata,
        Publiekadres.Van(http, http.Request.Path, http.Request.QueryString),
        http.RequestServices.GetRequiredService<IGegevensversie>().Versie,
        (http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow());
}

/// <summary>
/// The one Excel writer: the flat rows of a collection (the same columns, in the same order, as the CSV) on the sheet "Gegevens",
/// typed and formatted by <see cref="Kolomopmaak"/>, header frozen with an autofilter; the sheet "Toelichting" beside it.
/// Written with DocumentFormat.OpenXml (MIT): it gives the number formats, frozen pane, autofilter and widths exactly as asked.
/// </summary>
public static class Xlsx
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BladGegevens = "Gegevens";
    public const string BladToelichting = "Toelichting";

    public static byte[] Schrijf(IEnumerable<object> rijen, Type? type, Toelichting toelichting)
    {
        var lijst = rijen.ToList();
        var rijType = type ?? lijst.FirstOrDefault()?.GetType();
        return Schrijf(rijType is null ? [] : Csv.Kolommen(rijType), lijst, toelichting);
    }

    /// <summary>The rows in these columns: the flat rows' properties, or a table's columns with their Dutch headings (<see cref="Tabel"/>).</summary>
    public static byte[] Schrijf(IReadOnlyList<Kolom> kolommen, IEnumerable<object> rijen, Toelichting toelichting)
    {
        var lijst = rijen.ToList();
        var soorten = kolommen.Select(Kolomopmaak.Voor).ToList();

        using var stroom = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stroom, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Creator = "BudgetApi";
            document.PackageProperties.Title = toelichting.Metadata["bron"]?.ToString();
            document.PackageProperties.Created = toelichting.Gegenereerd.UtcDateTime;

            var werkmap = document.AddWorkbookPart();
            werkmap.Workbook = new Workbook();
            werkmap.AddNewPart<WorkbookStylesPart>().Stylesheet = Stijl.Blad();

            var gegevens = werkmap.AddNewPart<WorksheetPart>();
            gegevens.Worksheet = Gegevensblad(kolommen, soorten, lijst);
            var uitleg = werkmap.AddNewPart<WorksheetPart>();
            uitleg.Worksheet = Toelichtingblad(toelichting, kolommen, soorten);

            werkmap.Workbook.Append(new Sheets(
                new Sheet { Id = werkmap.GetIdOfPart(gegevens), SheetId = 1, Name = BladGegevens },
                new Sheet { Id = werkmap.GetIdOfPart(uitleg), SheetId = 2, Name = BladToelichting }));
            if (kolommen.Count > 0)
            {
                // Excel keeps an autofilter's range in this hidden name as well; without it some versions drop the filter.
                werkmap.Workbook.Append(new DefinedNames(new DefinedName
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
                    Text = $"{BladGegevens}!$A$1:${Kolomletters(kolommen.Count - 1)}${lijst.Count + 1}",
                }));
            }
        }
        return stroom.ToArray();
    }

    private static Worksheet Gegevensblad(IReadOnlyList<Kolom> kolommen, IReadOnlyList<Celsoort> soorten, IReadOnlyList<object> rijen)
    {
        var blad = new Worksheet();
        if (kolommen.Count == 0)
        {
            blad.Append(new SheetData());
            return blad;
        }
        // Header plus the filter button: a column is at least as wide as its name needs.
        var breedtes = kolommen.Select(k => k.Naam.Length + 3).ToArray();
        var data = new SheetData();
        var kop = new Row { RowIndex = 1 };
        for (var k = 0; k < kolommen.Count; k++) kop.Append(Tekstcel(Kolomletters(k) + "1", kolommen[k].Naam, Stijl.Kop));
        data.Append(kop);
        for (var r = 0; r < rijen.Count; r++)
        {
            var rijnummer = (uint)r + 2;
            var rij = new Row { RowIndex = rijnummer };
            for (var k = 0; k < kolommen.Count; k++)
            {
                var waarde = kolommen[k].Lees(rijen[r]);
                if (waarde is null or "" or IReadOnlyList<int> { Count: 0 }) continue;  // empty stays empty: a blank in the source is never 0, an empty text or list no cell
                var (cel, weergave) = Cel($"{Kolomletters(k)}{rijnummer}", waarde, soorten[k]);
                rij.Append(cel);
                breedtes[k] = Math.Max(breedtes[k], weergave);
            }
            data.Append(rij);
        }
        var laatste = $"{Kolomletters(kolommen.Count - 1)}{rijen.Count + 1}";
        blad.Append(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { TabSelected = true, WorkbookViewId = 0 }),
            Kolombreedtes(breedtes, grootste: 60),
            data,
            new AutoFilter { Reference = $"A1:{laatste}" });
        return blad;
    }

    private static Worksheet Toelichtingblad(Toelichting toelichting, IReadOnlyList<Kolom> kolommen, IReadOnlyList<Celsoort> soorten)
    {
        var regels = new List<(string Gegeven, Cell Waarde)>();
        void Voeg(string gegeven, string tekst) => regels.Add((gegeven, Tekstcel("", tekst, Stijl.Omloop)));

        // Every field of metadata, whatever it holds now or later (stand, standen, paginering, …), under its JSON name.
        foreach (var (gegeven, waarde) in Plat("", toelichting.Metadata)) regels.Add((gegeven, Metadatacel(waarde)));
        if (toelichting.Metadata["factor"] is JsonValue factor && toelichting.Metadata["valuta"] is JsonValue valuta)
        {
            Voeg("eenheid", $"Bedragen zijn in {valuta} x {factor}: vermenigvuldig een bedrag met {factor} voor het bedrag in {valuta}.");
        }
        var procenten = kolommen.Where((_, i) => soorten[i] == Celsoort.Procent).Select(k => k.Naam).ToList();
        if (procenten.Count > 0)
        {
            Voeg("percentages", $"{string.Join(", ", procenten)}: als fractie met de opmaak 0,00%; de cel toont 47,56% en bevat 0,4756, " +
                                "zodat een formule ermee rekent zoals bedoeld (bedrag × percentage). JSON en CSV geven hetzelfde getal in procenten (47.56).");
        }
        Voeg("verzoek", toelichting.Verzoek);
        Voeg("gegevensversie", toelichting.Gegevensversie);
        Voeg("gegenereerd", toelichting.Gegenereerd.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        var data = new SheetData();
        var kop = new Row { RowIndex = 1 };
        kop.Append(Tekstcel("A1", "gegeven", Stijl.Kop), Tekstcel("B1", "waarde", Stijl.Kop));
        data.Append(kop);
        for (var i = 0; i < regels.Count; i++)
        {
            var rijnummer = (uint)i + 2;
            regels[i].Waarde.CellReference = $"B{rijnummer}";
            data.Append(new Row(Tekstcel($"A{rijnummer}", regels[i].Gegeven, Stijl.Kop), regels[i].Waarde) { RowIndex = rijnummer });
        }
        return new Worksheet(
            Kolombreedtes([Math.Max(16, regels.Max(r => r.Gegeven.Length) + 2), 100], grootste: 100),
            data);
    }

    /// <summary>A metadata value flattened to rows: objects as naam.veld, lists of plain values joined by '; ', other lists as naam[1].veld.</summary>
    private static IEnumerable<(string Gegeven, JsonValue Waarde)> Plat(string pad, JsonNode? knoop)
    {
        switch (knoop)
        {
            case JsonObject o:
                foreach (var (naam, waarde) in o)
                    foreach (var regel in Plat(pad.Length == 0 ? naam : $"{pad}.{naam}", waarde)) yield return regel;
                break;
            case JsonArray a when a.All(e => e is JsonValue):
                if (a.Count > 0) yield return (pad, JsonValue.Create(string.Join("; ", a.Select(e => e is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : e!.ToJsonString()))));
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var regel in Plat($"{pad}[{i + 1}]", a[i])) yield return regel;
                break;
            case JsonValue v:
                yield return (pad, v);
                break;
        }
    }

    private static Cell Metadatacel(JsonValue waarde) => waarde.GetValueKind() switch
    {
        JsonValueKind.Number => new Cell { CellValue = new CellValue(waarde.ToJsonString()), StyleIndex = Stijl.Standaard },
        JsonValueKind.True or JsonValueKind.False => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(waarde.GetValueKind() == JsonValueKind.True ? "1" : "0") },
        JsonValueKind.String => Tekstcel("", waarde.GetValue<string>(), Stijl.Omloop),
        _ => Tekstcel("", waarde.ToJsonString(), Stijl.Omloop),
    };

    /// <summary>One cell, and how many characters it shows (for the column's width).</summary>
    private static (Cell Cel, int Weergave) Cel(string referentie, object waarde, Celsoort soort)
    {
        // A word in a number column of a table ("niet in stand") is a text cell: the column's numbers stay numbers.
        if (waarde is string woord && soort != Celsoort.Tekst) return (Tekstcel(referentie, woord, Stijl.Standaard), woord.Length);
        switch (soort)
        {
            case Celsoort.Code:
            case Celsoort.Getal:
            {
                var getal = Convert.ToDecimal(waarde, CultureInfo.InvariantCulture);
                return (Getalcel(referentie, getal, soort == Celsoort.Code ? Stijl.Code : Stijl.Getal),
                    getal.ToString(soort == Celsoort.Code ? "0" : "#,##0", CultureInfo.InvariantCulture).Length);
            }
            case Celsoort.Procent:
            {
                // Dividing a decimal by 100 is exact: 47.56 becomes 0.4756, never 0.47559999.
                var getal = Convert.ToDecimal(waarde, CultureInfo.InvariantCulture);
                return (Getalcel(referentie, getal / 100m, Stijl.Procent), getal.ToString("#,##0.00", CultureInfo.InvariantCulture).Length + 1);
            }
            case Celsoort.Decimaal:
            {
                var getal = Convert.ToDecimal(waarde, CultureInfo.InvariantCulture);
                var plaatsen = Math.Min((int)getal.Scale, Stijl.MeesteDecimalen);
                var patroon = plaatsen == 0 ? "#,##0" : "#,##0." + new string('0', plaatsen);
                return (Getalcel(referentie, getal, Stijl.Decimaal(plaatsen)), getal.ToString(patroon, CultureInfo.InvariantCulture).Length);
            }
            case Celsoort.Datum:
            {
                // Excel's date is the number of days since 1899-12-30 (its 1900 system, right for every date after February 1900).
                var dagen = ((DateOnly)waarde).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
                return (new Cell { CellReference = referentie, CellValue = new CellValue(dagen.ToString(CultureInfo.InvariantCulture)), StyleIndex = Stijl.Datum }, 10);
            }
            case Celsoort.Waarheid:
                return (new Cell { CellReference = referentie, DataType = CellValues.Boolean, CellValue = new CellValue((bool)waarde ? "1" : "0") }, 6);
            default:
            {
                var tekst = Csv.Tekst(waarde);
                return (Tekstcel(referentie, tekst, Stijl.Standaard), tekst.Length);
            }
        }
    }

    /// <summary>A numeric cell: the exact decimal text (invariant), never a formatted string.</summary>
    private static Cell Getalcel(string referentie, decimal getal, uint stijl) =>
        new() { CellReference = referentie, CellValue = new CellValue(getal.ToString(CultureInfo.InvariantCulture)), StyleIndex = stijl };

    private static Cell Tekstcel(string referentie, string tekst, uint stijl)
    {
        var cel = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Celtekst(tekst)) { Space = SpaceProcessingModeValues.Preserve }), StyleIndex = stijl };
        if (referentie.Length > 0) cel.CellReference = referentie;
        return cel;
    }

    /// <summary>
    /// Text as a cell carries it. Imported files and source lines may hold characters XML 1.0 cannot (control characters,
    /// U+FFFE/U+FFFF): the writer would throw and the request would fail. SpreadsheetML's own escape carries them,
    /// <c>_xHHHH_</c> (ECMA-376 §22.4.2.4), which Excel and other readers turn back into the character; a literal
    /// <c>_xHHHH_</c> in the text is escaped by escaping its underscore (<c>_x005F_</c>) so that it is not read as one.
    /// A lone surrogate is no character at all and cannot be written in UTF-8: it becomes U+FFFD, as in every UTF-8 encoder.
    /// </summary>
    internal static string Celtekst(string tekst)
    {
        if (!tekst.AsSpan().ContainsAnyExcept(GewoneTekens)) return tekst;
        var uit = new System.Text.StringBuilder(tekst.Length + 16);
        for (var i = 0; i < tekst.Length; i++)
        {
            var c = tekst[i];
            if (char.IsHighSurrogate(c) && i + 1 < tekst.Length && char.IsLowSurrogate(tekst[i + 1])) uit.Append(c).Append(tekst[++i]);
            else if (char.IsSurrogate(c)) uit.Append('\uFFFD');
            else if (c == '_' && LijktOpEscape(tekst, i)) uit.Append("_x005F_");
            else if (XmlKanHet(c)) uit.Append(c);
            else uit.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
        }
        return uit.ToString();
    }

    // Printable ASCII but the underscore, plus tab and line feed: text of only these needs no look.
    private static readonly System.Buffers.SearchValues<char> GewoneTekens =
        System.Buffers.SearchValues.Create("\t\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^`abcdefghijklmnopqrstuvwxyz{|}~");

    // A carriage return is XML, but every XML reader turns it into a line feed (XML 1.0 §2.11): escaped, it stays what it was.
    private static bool XmlKanHet(char c) => c is '\t' or '\n' || (c >= ' ' && c < '\uFFFE' && !char.IsSurrogate(c));

    private static bool LijktOpEscape(string tekst, int i) =>
        i + 6 < tekst.Length && tekst[i + 1] == 'x' && tekst[i + 6] == '_'
        && char.IsAsciiHexDigit(tekst[i + 2]) && char.IsAsciiHexDigit(tekst[i + 3]) && char.IsAsciiHexDigit(tekst[i + 4]) && char.IsAsciiHexDigit(tekst[i + 5]);

    /// <summary>Readable widths: what the widest cell shows, within bounds so one long description does not push the rest away.</summary>
    private static Columns Kolombreedtes(IReadOnlyList<int> tekens, int grootste) =>
        new(tekens.Select((t, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(t + 2, 8, grootste), CustomWidth = true }));

    /// <summary>A, B, …, Z, AA, AB, … for a 0-based column index.</summary>
    internal static string Kolomletters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>The workbook's styles: the indices the cells refer to, and the number formats behind them.</summary>
    private static class Stijl
    {
        public const uint Standaard = 0, Kop = 1, Code = 2, Getal = 3, Procent = 4, Datum = 5, Omloop = 6, EersteDecimaal = 7;
        public const int MeesteDecimalen = 10;

        /// <summary>The style for a decimal with this many places (0 is <see cref="Getal"/>).</summary>
        public static uint Decimaal(int plaatsen) => plaatsen == 0 ? Getal : EersteDecimaal + (uint)plaatsen - 1;

        public static Stylesheet Blad()
        {
            // 0-163 are Excel's built-in formats (1 is "0", 3 is "#,##0"); our own start at 164.
            const uint procent = 164, datum = 165, eersteDecimaal = 166;
            var formaten = new NumberingFormats(
                new NumberingFormat { NumberFormatId = procent, FormatCode = "0.00%" },
                new NumberingFormat { NumberFormatId = datum, FormatCode = "yyyy-mm-dd" });
            for (var p = 1; p <= MeesteDecimalen; p++)
                formaten.Append(new NumberingFormat { NumberFormatId = eersteDecimaal + (uint)p - 1, FormatCode = "#,##0." + new string('0', p) });
            formaten.Count = (uint)formaten.ChildElements.Count;

            var cellen = new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                Getalformaat(1),
                Getalformaat(3),
                Getalformaat(procent),
                Getalformaat(datum),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true });
            for (var p = 1; p <= MeesteDecimalen; p++) cellen.Append(Getalformaat(eersteDecimaal + (uint)p - 1));
            cellen.Count = (uint)cellen.ChildElements.Count;

            return new Stylesheet(
                formaten,
                new Fonts(Lettertype(vet: false), Lettertype(vet: true)) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                cellen,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        }

        private static CellFormat Getalformaat(uint formaat) => new() { NumberFormatId = formaat, ApplyNumberFormat = true };

        private static Font Lettertype(bool vet)
        {
            var font = new Font();
            if (vet) font.Append(new Bold());
            font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
            return font;
        }
    }
}
