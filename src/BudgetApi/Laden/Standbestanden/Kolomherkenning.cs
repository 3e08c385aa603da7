using System.Globalization;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// What a column of an open-data stand file means (issue 14 §1). One table for every reader: a layout is the meanings
/// it needs plus how its amount columns map to years and standen, never its own list of header wordings.
/// </summary>
public enum Betekenis
{
    Begrotingsjaar, Hoofdstuk, Minister, Naam, TypeBegroting, Fase, Artikel, JuridischVerplicht, Artikelnaam, TypeArtikel,
    Uitvoerder, ProgrammaApparaat, Vuo, Totaalregel,
    /// <summary>The artikelonderdeel's number ("Nr. onderverdeling", "Artikelonderdeelnummer").</summary>
    Onderverdeling,
    /// <summary>The artikelonderdeel's name ("Beleidsmatige clustering", "Artikelonderdeel").</summary>
    Clustering,
    /// <summary>The financieel instrument's name.</summary>
    Instrument,
    Instrumentnummer,
    /// <summary>The regeling or detail's name ("Uitsplitsing fin.instrument", "Regeling detailniveau", "Detailnaam").</summary>
    Uitsplitsing,
    Detailnummer,
    Nadere,
    /// <summary>The IBOS number (2023.3.1.1.0.0): begrotingsjaar, hoofdstuk and the artikel's path in one code.</summary>
    Ibosnummer,
    /// <summary>An amount for a year: relative to the begrotingsjaar (Bedrag t+1) or absolute (Bedrag 2016).</summary>
    Bedrag,
    /// <summary>An amount of one stand for the begrotingsjaar (StandOWB, "1ste suppletoire begroting", Realisatie).</summary>
    Stand,
    /// <summary>A computed difference of two stand columns (Verschil = realisatie − vastgestelde begroting): known, never read.</summary>
    Verschil,
    /// <summary>A column without a header.</summary>
    Leeg,
}

/// <summary>One column as recognised: its header as printed, its meaning, and how (by its header or by its content).</summary>
/// <param name="Index">The 0-based column.</param>
/// <param name="Kop">The header as printed, trimmed.</param>
/// <param name="Betekenis">What the column means.</param>
/// <param name="Relatief">Bedrag: the year relative to the begrotingsjaar (t-2 = -2).</param>
/// <param name="Absoluut">Bedrag: the calendar year.</param>
/// <param name="Fase">Stand: the fase the column holds.</param>
/// <param name="DoorInhoud">True when the content decided (the header was unknown or ambiguous).</param>
public sealed record Kolomduiding(int Index, string Kop, Betekenis Betekenis, int? Relatief = null, int? Absoluut = null, string? Fase = null,
    bool DoorInhoud = false)
{
    /// <summary>"begrotingsjaar", "bedrag t+1", "stand 1e-suppletoire": how the import answer names the meaning.</summary>
    public string Naam => Betekenis switch
    {
        Betekenis.Bedrag when Relatief is { } r => r == 0 ? "bedrag t" : $"bedrag t{(r > 0 ? "+" : "")}{r.ToString(CultureInfo.InvariantCulture)}",
        Betekenis.Bedrag => $"bedrag {Absoluut?.ToString(CultureInfo.InvariantCulture)}",
        Betekenis.Stand => $"stand {Fase}",
        _ => Kolomherkenning.Naam(Betekenis),
    };

    /// <summary>Two columns mean the same when meaning, year and fase are the same.</summary>
    public bool ZelfdeBetekenis(Kolomduiding ander) => Betekenis == ander.Betekenis && Relatief == ander.Relatief && Absoluut == ander.Absoluut && Fase == ander.Fase;
}

/// <summary>
/// The columns of one file: each meaning once (the fuller column when the file repeats one), the columns repeated and those ignored.
/// </summary>
public sealed class Kolomindeling
{
    public required IReadOnlyList<Kolomduiding> Kolommen { get; init; }
    /// <summary>A column meaning what another one means, with the column that is read instead (the fuller one).</summary>
    public required IReadOnlyList<(Kolomduiding Kolom, Kolomduiding Gelezen)> Herhaald { get; init; }
    /// <summary>Columns no meaning fits: not read.</summary>
    public required IReadOnlyList<(int Index, string Kop)> Onbekend { get; init; }

    public Kolomduiding? Kolom(Betekenis b) => Kolommen.FirstOrDefault(k => k.Betekenis == b);
    public bool Heeft(Betekenis b) => Kolommen.Any(k => k.Betekenis == b);
    public IEnumerable<Kolomduiding> Alle(Betekenis b) => Kolommen.Where(k => k.Betekenis == b);

    /// <summary>"kolom 1 'Jaar' = begrotingsjaar; kolom 2 'X' = onbekend": what was recognised, for a refusal.</summary>
    public string Beschrijving()
    {
        var alle = Kolommen.Select(k => (k.Index, k.Kop, Wat: k.Naam + (k.DoorInhoud ? " (naar de inhoud)" : "")))
            .Concat(Herhaald.Select(h => (h.Kolom.Index, h.Kolom.Kop, Wat: $"{h.Kolom.Naam} (herhaald, kolom {h.Gelezen.Index + 1} wordt gelezen)")))
            .Concat(Onbekend.Select(o => (o.Index, o.Kop, Wat: "onbekend")))
            .Where(k => k.Wat != Kolomherkenning.Naam(Betekenis.Leeg))
            .OrderBy(k => k.Index);
        return string.Join("; ", alle.Select(k => $"kolom {k.Index + 1} '{Kort(k.Kop)}' = {k.Wat}"));
    }

    internal static string Kort(string kop) => kop.Length > 60 ? kop[..60] + "…" : kop;
}

/// <summary>
/// Recognises the columns of an open-data stand file by their words (case, spacing, accents and punctuation do not matter,
/// <see cref="Standwoorden.Sleutel"/>) and by their content. The header decides when it is clear; the content decides a column
/// whose header is unknown, or a needed meaning no header gives (a column of hoofdstuk codes is the hoofdstuk, whatever it is called).
/// Every step is a plain pass over the text: linear in the size of the file (issue 18).
/// </summary>
public static class Kolomherkenning
{
    /// <summary>How many data rows the content test reads: enough for any header, bounded for a file of a million lines.</summary>
    private const int InhoudRijen = 2000;

    public static string Naam(Betekenis b) => b switch
    {
        Betekenis.Begrotingsjaar => "begrotingsjaar",
        Betekenis.Hoofdstuk => "hoofdstuk",
        Betekenis.Minister => "minister",
        Betekenis.Naam => "begrotingsnaam",
        Betekenis.TypeBegroting => "type begroting",
        Betekenis.Fase => "fase",
        Betekenis.Artikel => "artikel",
        Betekenis.JuridischVerplicht => "juridisch verplicht",
        Betekenis.Artikelnaam => "artikelnaam",
        Betekenis.TypeArtikel => "type artikel",
        Betekenis.Uitvoerder => "uitvoerende dienst",
        Betekenis.ProgrammaApparaat => "programma/apparaat",
        Betekenis.Vuo => "V/U/O",
        Betekenis.Totaalregel => "totaalregel (J/N)",
        Betekenis.Onderverdeling => "artikelonderdeel (nummer)",
        Betekenis.Clustering => "artikelonderdeel (naam)",
        Betekenis.Instrument => "instrument (naam)",
        Betekenis.Instrumentnummer => "instrument (nummer)",
        Betekenis.Uitsplitsing => "regeling/detail (naam)",
        Betekenis.Detailnummer => "regeling/detail (nummer)",
        Betekenis.Nadere => "nadere omschrijving",
        Betekenis.Ibosnummer => "IBOS-nummer",
        Betekenis.Bedrag => "bedrag",
        Betekenis.Stand => "stand",
        Betekenis.Verschil => "verschil (berekend, niet gelezen)",
        Betekenis.Leeg => "leeg",
        _ => b.ToString(),
    };

    /// <summary>The meaning a header's words give, or null when no meaning fits them.</summary>
    public static Kolomduiding? DoorKop(int index, string kop)
    {
        var s = Standwoorden.Sleutel(kop);
        var kort = s.Replace(" ", "", StringComparison.Ordinal);
        bool Bevat(string woorden) => s.Contains(woorden, StringComparison.Ordinal);
        bool KortBevat(string woord) => kort.Contains(woord, StringComparison.Ordinal);
        Kolomduiding K(Betekenis b) => new(index, kop.Trim(), b);

        if (s.Length == 0) return K(Betekenis.Leeg);
        if (Standwoorden.RelatiefJaar(kop) is { } relatief) return new Kolomduiding(index, kop.Trim(), Betekenis.Bedrag, Relatief: relatief);
        if (Standwoorden.AbsoluutJaar(kop) is { } absoluut) return new Kolomduiding(index, kop.Trim(), Betekenis.Bedrag, Absoluut: absoluut);
        if (kort is "verschil" || kort.StartsWith("verschil", StringComparison.Ordinal)) return K(Betekenis.Verschil);
        if (KortBevat("ibos")) return K(Betekenis.Ibosnummer);
        if (Bevat("uitsplitsing")) return K(Betekenis.Uitsplitsing);
        if (Bevat("nadere omschrijving")) return K(Betekenis.Nadere);
        var nummer = Bevat("nummer") || Bevat(" nr") || s.StartsWith("nr ", StringComparison.Ordinal) || s.EndsWith(" nr", StringComparison.Ordinal)
            || s.StartsWith("code ", StringComparison.Ordinal) || kort.EndsWith("nummer", StringComparison.Ordinal) || kort.EndsWith("nr", StringComparison.Ordinal);
        var naam = Bevat("naam") || Bevat("omschrijving");
        if (KortBevat("detail") || KortBevat("regeling"))
            return K(nummer && !naam ? Betekenis.Detailnummer : Betekenis.Uitsplitsing);
        if (Bevat("onderverdeling") || (KortBevat("artikelonderdeel") && nummer && !naam)) return K(Betekenis.Onderverdeling);
        if (Bevat("clustering") || KortBevat("artikelonderdeel")) return K(Betekenis.Clustering);
        if (KortBevat("instrument"))
            return K(nummer && !naam ? Betekenis.Instrumentnummer : Betekenis.Instrument);
        if (Bevat("juridisch verplicht")) return K(Betekenis.JuridischVerplicht);
        if (Bevat("uitvoerende dienst")) return K(Betekenis.Uitvoerder);
        if (KortBevat("totaalregel") || kort.StartsWith("totaal", StringComparison.Ordinal) || kort.StartsWith("indicatietotaal", StringComparison.Ordinal))
            return K(Betekenis.Totaalregel);
        if (Bevat("v u o") || kort is "vuo" || (Bevat("uitgaven") && Bevat("ontvangsten"))) return K(Betekenis.Vuo);
        if (Bevat("programma") && Bevat("apparaat")) return K(Betekenis.ProgrammaApparaat);
        if (s.StartsWith("type begroting", StringComparison.Ordinal) || s.StartsWith("begrotingstype", StringComparison.Ordinal)) return K(Betekenis.TypeBegroting);
        if (s.StartsWith("type artikel", StringComparison.Ordinal) || s.StartsWith("artikeltype", StringComparison.Ordinal) || s.StartsWith("soort artikel", StringComparison.Ordinal))
            return K(Betekenis.TypeArtikel);
        if (Bevat("omschrijving artikel") || Bevat("artikelomschrijving") || Bevat("artikel omschrijving") || Bevat("naam artikel") || Bevat("artikelnaam")
            || kort is "omschrijving" or "onderdeelomschrijving" or "omschrijvingonderdeel" or "onderdeelnaam")
            return K(Betekenis.Artikelnaam);
        if (kort is "artikel" or "onderdeel" or "artikelnr" or "onderdeelnummer" or "onderdeelnr" || (Bevat("artikel") && nummer)) return K(Betekenis.Artikel);
        if (KortBevat("fase")) return K(Betekenis.Fase);
        // A stand column: a fase's words, with or without "Stand" before them (StandOWB, "Stand 1e suppletoire begroting").
        var standwoorden = kort.StartsWith("stand", StringComparison.Ordinal) ? kop.Trim()[Math.Min(kop.Trim().Length, 5)..] : kop;
        if (Standwoorden.Fase(standwoorden) is { } fase) return new Kolomduiding(index, kop.Trim(), Betekenis.Stand, Fase: fase);
        if (KortBevat("minister")) return K(Betekenis.Minister);
        if ((KortBevat("hoofdstuk") || KortBevat("begrotingsstaat") || KortBevat("begroting")) && naam && !KortBevat("artikel")) return K(Betekenis.Naam);
        if (KortBevat("hoofdstuk") || kort is "begrotingsstaat" or "begrotingsnummer" or "begrotingsstaatcode" or "begrotingshoofdstuk") return K(Betekenis.Hoofdstuk);
        if (Bevat("naam begroting") || kort is "begrotingsnaam" or "begroting" or "naambegrotingsstaat" or "omschrijvingbegrotingsstaat" or "begrotingsstaatomschrijving")
            return K(Betekenis.Naam);
        if (kort is "begrotingsjaar" or "jaar") return K(Betekenis.Begrotingsjaar);
        return null;
    }

    /// <summary>
    /// The meaning a column's content gives: V/U/O codes, J/N, hoofdstuk codes (I…XX, IIA, IXB, a fund's letter), four-digit
    /// years. Null when the content fits none, or is empty.
    /// </summary>
    public static Betekenis? DoorInhoud(IEnumerable<string> cellen)
    {
        int aantal = 0, vuo = 0, jn = 0, hoofdstuk = 0, jaar = 0;
        foreach (var ruw in cellen)
        {
            var cel = ruw.Trim();
            if (cel.Length == 0) continue;
            aantal++;
            if (cel is "V" or "U" or "O") vuo++;
            if (cel.Equals("J", StringComparison.OrdinalIgnoreCase) || cel.Equals("N", StringComparison.OrdinalIgnoreCase)
                || cel.Equals("Ja", StringComparison.OrdinalIgnoreCase) || cel.Equals("Nee", StringComparison.OrdinalIgnoreCase)) jn++;
            if (Hoofdstukcodes.IsGeldig(cel)) hoofdstuk++;
            if (cel.Length == 4 && int.TryParse(cel, NumberStyles.None, CultureInfo.InvariantCulture, out var j) && j is >= 1900 and <= 2200) jaar++;
        }
        if (aantal == 0) return null;
        // Nearly all: a stray repeated header or a note in the column does not hide what the rest of it is.
        bool Bijna(int n) => n * 100 >= aantal * 95;
        if (Bijna(vuo)) return Betekenis.Vuo;
        if (Bijna(jn)) return Betekenis.Totaalregel;
        if (Bijna(jaar)) return Betekenis.Begrotingsjaar;
        if (Bijna(hoofdstuk)) return Betekenis.Hoofdstuk;
        return null;
    }

    /// <summary>Meanings a header may give while its content says otherwise ("Begroting" over a column of codes).</summary>
    private static readonly Betekenis[] Zwak = [Betekenis.Naam, Betekenis.Minister, Betekenis.TypeBegroting, Betekenis.Artikelnaam];

    /// <summary>The meanings the content may decide: each has values no other column has.</summary>
    private static readonly Betekenis[] Inhoudelijk = [Betekenis.Vuo, Betekenis.Totaalregel, Betekenis.Begrotingsjaar, Betekenis.Hoofdstuk];

    /// <summary>
    /// The columns of a file: by header, then by content (<paramref name="rijen"/> are the data rows; empty for a header alone).
    /// A meaning in two columns is read from the fuller one (more filled cells; the first when equal).
    /// </summary>
    public static Kolomindeling Deel(IReadOnlyList<string> kop, IReadOnlyList<Csvrij> rijen)
    {
        // A row with one filled cell at most (a source line, a footnote, a stray value) says nothing about what the columns hold.
        var monster = rijen.Where(r => r.Velden.Count(v => !string.IsNullOrWhiteSpace(v)) > 1).Take(InhoudRijen).ToList();
        IEnumerable<string> Cellen(int index) => monster.Select(r => r[index]);
        var duidingen = new List<Kolomduiding?>();
        for (var i = 0; i < kop.Count; i++) duidingen.Add(DoorKop(i, kop[i]));

        // Content decides an unknown header, and a needed meaning no header gives (a weak header over content that is clearly it).
        for (var i = 0; i < kop.Count; i++)
        {
            if (duidingen[i] is not null || monster.Count == 0) continue;
            if (DoorInhoud(Cellen(i)) is { } b) duidingen[i] = new Kolomduiding(i, kop[i].Trim(), b, DoorInhoud: true);
        }
        foreach (var b in Inhoudelijk)
        {
            if (monster.Count == 0 || duidingen.Any(d => d?.Betekenis == b)) continue;
            for (var i = 0; i < kop.Count; i++)
            {
                if (duidingen[i] is { } d && Zwak.Contains(d.Betekenis) && DoorInhoud(Cellen(i)) == b)
                {
                    duidingen[i] = new Kolomduiding(i, kop[i].Trim(), b, DoorInhoud: true);
                    break;
                }
            }
        }

        var kolommen = new List<Kolomduiding>();
        var herhaald = new List<(Kolomduiding, Kolomduiding)>();
        var onbekend = new List<(int, string)>();
        int Gevuld(int index) => rijen.Count(r => r[index].Trim().Length > 0);
        for (var i = 0; i < kop.Count; i++)
        {
            var d = duidingen[i];
            if (d is null) { onbekend.Add((i, kop[i].Trim())); continue; }
            if (d.Betekenis == Betekenis.Leeg) { kolommen.Add(d); continue; }
            var eerder = kolommen.FindIndex(k => k.ZelfdeBetekenis(d));
            if (eerder < 0) { kolommen.Add(d); continue; }
            // The fuller column is read; the other is compared with it row by row (Verschillen).
            if (rijen.Count > 0 && Gevuld(i) > Gevuld(kolommen[eerder].Index))
            {
                herhaald.Add((kolommen[eerder], d));
                for (var h = 0; h < herhaald.Count; h++)
                    if (herhaald[h].Item2 == kolommen[eerder]) herhaald[h] = (herhaald[h].Item1, d);
                kolommen[eerder] = d;
            }
            else herhaald.Add((d, kolommen[eerder]));
        }
        return new Kolomindeling { Kolommen = kolommen, Herhaald = herhaald, Onbekend = onbekend };
    }

    /// <summary>
    /// The file-level findings of a reading: one per ignored column, and per repeated column every row where it says
    /// something other than the column read (both values, with the line).
    /// </summary>
    public static List<Bevinding> Bevindingen(string bestand, Kolomindeling indeling, IReadOnlyList<Csvrij> rijen)
    {
        var bevindingen = new List<Bevinding>();
        foreach (var (index, kop) in indeling.Onbekend)
        {
            bevindingen.Add(new Bevinding
            {
                Id = Bevindingmaker.Id(Bevindingsoorten.OnbekendeKolom, bestand, index + 1),
                Soort = Bevindingsoorten.OnbekendeKolom,
                Ernst = Bevindingsoorten.Twijfel,
                Uitleg = $"Kolom {index + 1} ('{Kolomindeling.Kort(kop)}') van {bestand} heeft geen bekende betekenis, naar de kop noch naar de inhoud. "
                    + "Regel: de kolom wordt niet gelezen; de rest van het bestand wel.",
                Cijfers = [Bevindingmaker.Tekst(Kolomindeling.Kort(kop), $"kop van kolom {index + 1}", bestand, 1)],
            });
        }
        foreach (var (kolom, gelezen) in indeling.Herhaald)
        {
            var verschillen = rijen.Where(r => r[kolom.Index].Trim().Length > 0 && r[gelezen.Index].Trim().Length > 0
                && !Standwoorden.Gelijk(r[kolom.Index], r[gelezen.Index])).ToList();
            foreach (var r in verschillen)
            {
                bevindingen.Add(new Bevinding
                {
                    Id = Bevindingmaker.Id(Bevindingsoorten.Tegenstrijdigheid, bestand, $"kolom-{kolom.Index + 1}", r.Regel),
                    Soort = Bevindingsoorten.Tegenstrijdigheid,
                    Ernst = Bevindingsoorten.Tegenstrijdig,
                    Uitleg = $"Regel {r.Regel}: kolom {kolom.Index + 1} ('{Kolomindeling.Kort(kolom.Kop)}') en kolom {gelezen.Index + 1} ('{Kolomindeling.Kort(gelezen.Kop)}') "
                        + $"betekenen allebei {kolom.Naam}, maar geven '{r[kolom.Index].Trim()}' en '{r[gelezen.Index].Trim()}'. "
                        + $"Regel: de vollere kolom ({gelezen.Index + 1}) wordt gelezen; de andere waarde staat hier.",
                    Cijfers = [Bevindingmaker.Tekst(r[gelezen.Index].Trim(), $"kolom {gelezen.Index + 1} (gelezen)", bestand, r.Regel),
                        Bevindingmaker.Tekst(r[kolom.Index].Trim(), $"kolom {kolom.Index + 1} (herhaald)", bestand, r.Regel)],
                });
            }
        }
        return bevindingen;
    }

    /// <summary>
    /// A header row repeated inside the data as the budgettaire tabellen of some years print it: a cell says "Bedragen x € 1.000"
    /// and the amount columns hold years (2016, t+1) or nothing, never an amount.
    /// </summary>
    public static bool IsBedragenkop(Csvrij rij, IEnumerable<Kolomduiding> bedragKolommen)
    {
        if (!rij.Velden.Any(v => KanBWordenGesleuteld(v) && Standwoorden.Sleutel(v).StartsWith("bedragen", StringComparison.Ordinal))) return false;
        return bedragKolommen.All(k =>
        {
            var cel = rij[k.Index].Trim();
            return cel.Length == 0 || Standwoorden.AbsoluutJaar(cel) is not null || Standwoorden.RelatiefJaar(cel) is not null || DoorKop(k.Index, cel) is not null;
        });
    }

    /// <summary>
    /// False when the key of <paramref name="veld"/> cannot hold a 'b': ASCII text without b or B (its key only lowercases it), so
    /// the key need not be made. Every row of a file is asked whether it is a header of amounts; almost none holds a 'b'.
    /// </summary>
    private static bool KanBWordenGesleuteld(string veld)
    {
        foreach (var c in veld)
        {
            if (c is 'b' or 'B' or > '\u007F') return true;
        }
        return false;
    }

    /// <summary>
    /// A note among the rows: one cell with text (a letter in it) and every other cell empty, outside the amount columns ("Bron:
    /// Ministerie van Financiën", "* bedragen x € 1.000", a title between blocks). It carries no line and no figure. A lone number
    /// is not a note: it stays a stray cell (losse-cel) as the readers report it.
    /// </summary>
    public static bool IsNotitie(Csvrij rij, IEnumerable<Kolomduiding> bedragKolommen)
    {
        var gevuld = -1;
        for (var i = 0; i < rij.Velden.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(rij.Velden[i])) continue;
            if (gevuld >= 0) return false;
            gevuld = i;
        }
        return gevuld >= 0 && rij.Velden[gevuld].Any(char.IsLetter) && bedragKolommen.All(k => k.Index != gevuld);
    }

    /// <summary>The refusal when a needed meaning is missing: what each column was recognised as, and what is missing.</summary>
    public static Leesprobleem Ontbreekt(string bestand, string indeling, Kolomindeling kolommen, IEnumerable<Betekenis> ontbrekend) =>
        new(bestand, 1, 0, $"de kopregel mist voor {indeling} de kolom met {string.Join(", ", ontbrekend.Select(Naam))}. "
            + $"Herkend: {kolommen.Beschrijving()}");
}
