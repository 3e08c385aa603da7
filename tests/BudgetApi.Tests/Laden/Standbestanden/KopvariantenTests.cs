using System.Diagnostics;
using System.Text;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;
using CsCheck;
using Xunit.Abstractions;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// Issue 14 §1 and issue 18: however a publication words and lays out its header, the same table gives the same standen; and
/// reading takes time in proportion to the size of the file, whatever is in a cell.
/// </summary>
public sealed class KopvariantenTests
{
    /// <summary>Per meaning the wordings the published files use (and two the content must decide: "Begr." and "Soort").</summary>
    private static readonly string[][] Woorden =
    [
        ["Begrotingsjaar", "Jaar"],
        ["Hoofdstuk", "Begrotingsstaat", "Begrotingshoofdstuk", "Hoofdstuknummer", "Begrotingsnummer", "Begr."],
        ["Naam begroting", "Begrotingsnaam", "Begrotingsstaat omschrijving", "Hoofdstuknaam", "Omschrijving begroting"],
        ["V/U/O", "VUO", "Uitgaven (U) Verplichtingen (V) Ontvangsten (O)", "Soort"],
        ["Artikel", "Artikelnummer", "Onderdeel", "Artikel nr"],
        ["Artikelnaam", "Omschrijving", "Omschrijving artikel", "Artikelomschrijving"],
        ["ontwerpbegroting", "Stand ontwerpbegroting", "StandOWB", "Ontwerpbegroting (OWB)"],
        ["vastgestelde begroting", "Stand vastgestelde begroting", "StandVB"],
        ["1ste suppletoire begroting", "Eerste suppletoire begroting", "Stand 1e suppletoire begroting", "StandO1", "1e suppletoire (Voorjaarsnota)"],
        ["2de suppletoire begroting", "Tweede suppletoire begroting", "Stand 2e suppletoire begroting", "StandO2"],
        ["Realisatie", "jaarverslag", "Stand jaarverslag"],
    ];

    private static readonly string[][] Rijen =
    [
        ["2022", "VI", "Justitie en Veiligheid", "U", "31", "Politie", "6100200", "6100200", "6250000", "6300500", "6310700"],
        ["2022", "VI", "Justitie en Veiligheid", "U", "32", "Rechtspleging en rechtsbijstand", "1500000", "1500000", "1520000", "1530000", "1529999"],
        ["2022", "IXB", "Financiën", "O", "1", "Belastingen", "10000", "10000", "12000", "12500", "12400"],
        ["2023", "VI", "Justitie en Veiligheid", "U", "31", "Politie", "6400000", "6400000", "6500000", "", ""],
        ["2023", "A", "Infrastructuurfonds", "V", "11", "Hoofdwatersystemen", "11000", "11000", "11500", "", ""],
    ];

    private sealed record Variant(int[] Woord, int[] Hoofdletters, int[] Spaties, bool[] Accenten, int Volgorde, int ExtraKolom, int HerhaaldeKolom,
        char Scheiding, bool Bom, bool Crlf, bool Windows1252)
    {
        public override string ToString() =>
            $"woorden [{string.Join(",", Woord)}] hoofdletters [{string.Join(",", Hoofdletters)}] spaties [{string.Join(",", Spaties)}] accenten [{string.Join(",", Accenten)}] "
            + $"volgorde {Volgorde} extra {ExtraKolom} herhaald {HerhaaldeKolom} '{Scheiding}' bom {Bom} crlf {Crlf} 1252 {Windows1252}";
    }

    private static readonly Gen<Variant> Varianten =
        from woord in Gen.Int[0, 100].Array[Woorden.Length]
        from hoofdletters in Gen.Int[0, 2].Array[Woorden.Length]
        from spaties in Gen.Int[0, 2].Array[Woorden.Length]
        from accenten in Gen.Bool.Array[Woorden.Length]
        from volgorde in Gen.Int
        from extra in Gen.Int[-1, Woorden.Length]
        from herhaald in Gen.Int[-1, Woorden.Length - 1]
        from scheiding in Gen.Bool.Select(b => b ? ',' : ';')
        from bom in Gen.Bool
        from crlf in Gen.Bool
        from windows in Gen.Bool
        select new Variant(woord, hoofdletters, spaties, accenten, volgorde, extra, herhaald, scheiding, bom && !windows, crlf, windows);

    private static string Kop(Variant v, int betekenis, int verschuiving = 0)
    {
        var woorden = Woorden[betekenis];
        var kop = woorden[(v.Woord[betekenis] + verschuiving) % woorden.Length];
        if (v.Accenten[betekenis])
            kop = new string(kop.Select(c => c switch { 'a' => 'á', 'e' => 'ë', 'o' => 'ö', 'i' => 'ï', 'u' => 'ü', _ => c }).ToArray());
        kop = v.Hoofdletters[betekenis] switch { 1 => kop.ToUpperInvariant(), 2 => kop.ToLowerInvariant(), _ => kop };
        return v.Spaties[betekenis] switch { 1 => "  " + kop.Replace(" ", "  ", StringComparison.Ordinal) + " ", 2 => kop + "\t", _ => kop };
    }

    /// <summary>The table as the variant writes it: columns in its order, an extra and a repeated column, its separator, line ends and encoding.</summary>
    private static byte[] Bestand(Variant v)
    {
        var kolommen = Enumerable.Range(0, Woorden.Length).Select(i => (Kop: Kop(v, i), Waarden: Rijen.Select(r => r[i]).ToArray())).ToList();
        if (v.HerhaaldeKolom >= 0)
            kolommen.Add((Kop(v, v.HerhaaldeKolom, verschuiving: 1), Rijen.Select(r => r[v.HerhaaldeKolom]).ToArray()));
        var random = new Random(v.Volgorde);
        kolommen = kolommen.OrderBy(_ => random.Next()).ToList();
        if (v.ExtraKolom >= 0)
            kolommen.Insert(Math.Min(v.ExtraKolom, kolommen.Count), ("Opmerking", Rijen.Select((_, i) => i % 2 == 0 ? "zie nota" : "").ToArray()));

        string Veld(string s) => s.Contains(v.Scheiding) || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
        var regels = new List<string> { string.Join(v.Scheiding, kolommen.Select(k => Veld(k.Kop))) };
        for (var r = 0; r < Rijen.Length; r++) regels.Add(string.Join(v.Scheiding, kolommen.Select(k => Veld(k.Waarden[r]))));
        var tekst = string.Join(v.Crlf ? "\r\n" : "\n", regels) + (v.Crlf ? "\r\n" : "\n");
        var bytes = v.Windows1252 ? Latin1(tekst) : Encoding.UTF8.GetBytes(tekst);
        return v.Bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>The text's characters are all in Latin-1 here (á, ë, ö, ï, ü): their Windows-1252 bytes are their code points.</summary>
    private static byte[] Latin1(string tekst) => tekst.Select(c => c <= 0xFF ? (byte)c : throw new InvalidOperationException($"'{c}' is not in Windows-1252")).ToArray();

    private static List<string> Standen(Leesresultaat r) =>
        [.. Opendata.Vingerafdruk(r), .. r.Standen.Select(s => $"{s.Stand.Id}={s.NaamZoalsGepubliceerd}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Elke_variant_van_de_kop_geeft_dezelfde_standen()
    {
        var basis = new Variant(new int[Woorden.Length], new int[Woorden.Length], new int[Woorden.Length], new bool[Woorden.Length], 0, -1, -1, ',', false, false, false);
        var verwacht = Standlezers.Lees("basis.csv", Bestand(basis));
        verwacht.Problemen.Should().BeEmpty();
        var standen = Standen(verwacht);
        standen.Should().Contain("VI-2023-1e-suppletoire=Justitie en Veiligheid").And.NotContain(s => s.StartsWith("VI-2023-2e-suppletoire", StringComparison.Ordinal));

        Varianten.Sample(v =>
        {
            var r = Standlezers.Lees("variant.csv", Bestand(v));
            r.Problemen.Should().BeEmpty(v.ToString());
            Standen(r).Should().Equal(standen, v + " gelezen als " + string.Join("; ", r.Indeling!.Kolommen.Concat(r.Indeling.Genegeerd).Select(k => $"{k.Kolom} '{k.Kop}' = {k.Betekenis}")));
            r.Indeling!.Codering.Should().Be(v.Windows1252 ? Tekstcodering.Windows1252 : v.Bom ? Tekstcodering.Utf8MetBom : Tekstcodering.Utf8);
        }, iter: 300);
    }

    // --- Codes from a file are checked as codes (issue 18) ---

    public static TheoryData<string> Vijandig => ["vi", "VІ", "=cmd|x", "../../x", "<b>", new string('X', 500), "VI ", "IIII"];

    [Theory]
    [MemberData(nameof(Vijandig))]
    public void Een_vreemde_hoofdstukcode_weigert_het_bestand_met_regel_en_kolom(string code)
    {
        var zonderSpatie = code.TrimEnd();
        if (zonderSpatie == "VI") return; // "VI " is VI: a stray space is trimmed, as every cell is
        var veld = code.Contains(',') || code.Contains('"') ? $"\"{code}\"" : code;
        var staten = Standlezers.Lees("staten.csv", $"Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting\n2022,VI,U,31,1\n2022,{veld},U,31,2\n");
        staten.Problemen.Should().ContainSingle().Which.Should().Match<Leesprobleem>(p => p.Regel == 3 && p.Kolom == 2 && p.Melding.Contains("geen hoofdstukcode"));
        staten.Standen.Should().BeEmpty();

        var eigen = Standlezers.Lees("eigen.csv",
            "hoofdstuk,begroting,begrotingsjaar,fase,soort,artikel,regelsoort,pad,omschrijving,categorie,jaar,bedrag\n"
            + $"{veld},X,2026,ontwerpbegroting,uitgaven,31,artikel,,Politie,,2026,1\n");
        eigen.Problemen.Should().Contain(p => p.Regel == 2 && p.Kolom == 1 && p.Melding.Contains("geen hoofdstukcode"));
    }

    [Theory]
    [InlineData("6", "VI")]
    [InlineData("06", "VI")]
    [InlineData("9B", "IXB")]
    [InlineData("2A", "IIA")]
    [InlineData("20", "XX")]
    public void Een_hoofdstuk_in_Arabische_cijfers_is_hetzelfde_hoofdstuk(string cel, string code)
    {
        // IBOS files number hoofdstukken as their IBOS number does (2023.6.31…); the registry writes them in Roman numerals.
        var staten = Standlezers.Lees("staten.csv", $"Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting\n2022,{cel},U,31,1\n");
        staten.Problemen.Should().BeEmpty();
        staten.Standen.Select(s => s.Stand.Hoofdstuk).Should().Equal(code);

        var tabellen = Standlezers.Lees("tabellen.csv",
            $"Jaar;Begrotingsnummer;Begrotingsnaam;Fase;Artikelnummer;Artikelnaam;VUO;Bedrag t\n2019;{cel};X;OWB;31;Politie;U;5.500.000\n");
        tabellen.Problemen.Should().BeEmpty();
        tabellen.Standen.Select(s => s.Stand.Hoofdstuk).Should().Equal(code);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("6C")]
    [InlineData("-6")]
    public void Een_getal_dat_geen_hoofdstuk_kan_zijn_weigert_het_bestand(string cel)
    {
        var staten = Standlezers.Lees("staten.csv", $"Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting\n2022,VI,U,31,1\n2022,{cel},U,31,2\n");
        staten.Problemen.Should().ContainSingle().Which.Melding.Should().Contain("geen hoofdstukcode");
    }

    [Fact]
    public void Stuurtekens_en_te_lange_tekst_weigeren_met_regel_en_kolom()
    {
        var r = Standlezers.Lees("staten.csv",
            $"Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,Artikelnaam,ontwerpbegroting\n2022,VI,U,31,\"Poli\u0007tie\",1\n2022,VI,U,32,\"{new string('x', Tekstvelden.MaximaleLengte + 1)}\",1\n");
        r.Problemen.Select(p => (p.Regel, p.Kolom)).Should().Equal((2, 5), (3, 5));
    }

    [Fact]
    public void Een_codering_anders_dan_UTF8_of_Windows1252_wordt_geweigerd_met_de_eerste_regel()
    {
        var kop = "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting\n2022,VI,U,31,1\n"u8.ToArray();
        Standlezers.Lees("x.csv", [.. kop, .. "2022,VI,U,32,"u8.ToArray(), 0x81, (byte)'\n']).Problemen.Should().ContainSingle()
            .Which.Should().Match<Leesprobleem>(p => p.Regel == 3 && p.Melding.Contains("0x81"));
        Standlezers.Lees("x.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Begrotingsjaar")).ToArray()).Problemen.Should().ContainSingle()
            .Which.Melding.Should().Contain("UTF-16");
        Standlezers.Lees("x.csv", [0xEF, 0xBB, 0xBF, .. kop, 0xC3, 0x28, (byte)'\n']).Problemen.Should().ContainSingle()
            .Which.Should().Match<Leesprobleem>(p => p.Regel == 3 && p.Melding.Contains("UTF-8-BOM"));
        var windows = Standlezers.Lees("x.csv", [.. "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,Artikelnaam,ontwerpbegroting\n2022,VI,U,31,Caf"u8.ToArray(), 0xE9, 0x80, (byte)',', (byte)'1', (byte)'\n']);
        windows.Problemen.Should().BeEmpty();
        windows.Indeling!.Codering.Should().Be(Tekstcodering.Windows1252);
        windows.Regels.Single().Omschrijving.Should().Be("Café€");
    }
}

/// <summary>Timing needs the machine to itself as far as the tests go: this collection runs alone.</summary>
[CollectionDefinition(nameof(LineaireTijdTests), DisableParallelization = true)]
public sealed class LineaireTijdCollectie;

/// <summary>Issue 18: reading takes time in proportion to the size of the file, whatever is in a cell or a header.</summary>
[Collection(nameof(LineaireTijdTests))]
public sealed class LineaireTijdTests(ITestOutputHelper uitvoer)
{
    /// <summary>
    /// One reading of the text: the processor time the process spent on it, in milliseconds, after a full collection (the
    /// previous reading's garbage is not charged to it). Processor time, not the clock: on a machine shared with other builds a
    /// long reading is preempted more often than a short one, which the clock would count as work. The collection runs alone,
    /// so no other test's work is in the process's time.
    /// </summary>
    private static double Tijd(string tekst)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var proces = Process.GetCurrentProcess();
        var voor = proces.TotalProcessorTime;
        Standlezers.Lees("groot.csv", tekst);
        proces.Refresh();
        return (proces.TotalProcessorTime - voor).TotalMilliseconds;
    }

    public static TheoryData<string> Grote => ["kopcel", "bedragcel", "tekstcel", "kolommen"];

    /// <summary>
    /// A file whose one cell (or header) is n characters: the header cell that took the old RelatiefJaarPatroon 30 s at 180 KB,
    /// an amount cell, a text cell and a header of n/2 columns. Eight times the size takes 4–20 times as long here (a 2 MiB
    /// string no longer fits the caches of a shared machine), never the 64 times of a quadratic pass: the bound is 32.
    /// </summary>
    private static string Groot(string soort, int n) => soort switch
    {
        "kopcel" => "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,Bedrag" + new string(' ', n / 2) + "t" + new string(' ', n / 2) + "x,ontwerpbegroting\n2022,VI,U,31,,1\n",
        "bedragcel" => "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting\n2022,VI,U,31,\"" + string.Concat(Enumerable.Repeat("1,", n / 2)) + "\"\n",
        "tekstcel" => "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,Artikelnaam,ontwerpbegroting\n2022,VI,U,31,\"" + string.Concat(Enumerable.Repeat("é ", n / 2)) + "\",1\n",
        _ => "Begrotingsjaar,Hoofdstuk,V/U/O,Artikel,ontwerpbegroting" + string.Concat(Enumerable.Repeat(",t", n / 2)) + "\n2022,VI,U,31,1\n",
    };

    [Theory]
    [MemberData(nameof(Grote))]
    public void Lezen_kost_tijd_naar_verhouding_van_de_grootte(string soort)
    {
        const int klein = 128 * 1024, groot = 1024 * 1024;
        var (kleinTekst, grootTekst) = (Groot(soort, klein), Groot(soort, groot));
        Tijd(kleinTekst); // warm up
        // Interleaved, the fastest of three of each: a burst of load on the shared machine hits both sizes alike.
        double tKlein = double.MaxValue, tGroot = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            tKlein = Math.Min(tKlein, Tijd(kleinTekst));
            tGroot = Math.Min(tGroot, Tijd(grootTekst));
        }
        tKlein = Math.Max(tKlein, 5); // the processor clock ticks in milliseconds: no ratio to a near-zero
        uitvoer.WriteLine($"{soort}: {tKlein:F1} ms at 128 KiB, {tGroot:F1} ms at 1 MiB (processor time), ratio {tGroot / tKlein:F1}");
        (tGroot / tKlein).Should().BeLessThan(32, $"{soort}: {tKlein:F0} ms at 128 KiB, {tGroot:F0} ms at 1 MiB (processor time)");
        tGroot.Should().BeLessThan(20_000, $"{soort}: a 1 MiB cell is read in seconds at most");
    }

}
