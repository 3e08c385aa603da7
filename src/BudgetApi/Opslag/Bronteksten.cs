using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using BudgetApi.Laden;
using Dapper;
using Microsoft.Win32.SafeHandles;

namespace BudgetApi.Opslag;

/// <summary>
/// A source file of one data version, as its database records it (the loader stores each source's name, format and SHA-256, not its
/// text), with the standen it feeds and where the loader read it: the document's text in data/bron/, a placed stand file in
/// data/standen/, an import in the import folder.
/// </summary>
public sealed record Brontekst(
    string Naam, string Formaat, string Sha256, DateTimeOffset? GeimporteerdOp, string? GeimporteerdDoor, IReadOnlyList<string> Standen, string Pad);

/// <summary>One line of a source file: its 1-based number and its text exactly as it stands, without its line end.</summary>
public sealed record Bronregel(int Regel, string Tekst);

/// <summary>
/// Lines of a source file as this version loaded it, or why they cannot be given: the file on disk no longer holds the bytes the
/// version was loaded from (<see cref="Afwijking"/>: a reload is pending, or failed).
/// </summary>
public sealed record Bronregels(Brontekst Bestand, IReadOnlyList<Bronregel> Regels, int AantalRegels, string? Afwijking)
{
    public static Bronregels Afwijkend(Brontekst bestand, string afwijking) => new(bestand, [], 0, afwijking);
}

/// <summary>
/// The source files of one version of the data and their lines. A line is read from the file where the loader read it, never from a
/// copy, and only while that file still holds the bytes the version was loaded from (its SHA-256 as loaded): lines of other bytes
/// would cite a figure that is not the one served. Per file an index of where each line starts is made once per version, when the
/// SHA-256 is verified, so a range of a large file is read without scanning it; the index is trusted while the file's size and
/// modification time are those it was verified with, and any change of either verifies the SHA-256 again. Line ends are those the
/// readers count (CRLF, LF or a lone CR), so line numbers here are the bronRegel of every row.
/// </summary>
public sealed class Bronteksten
{
    private readonly ConcurrentDictionary<string, Regelindex> _indexen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Brontekst> _perNaam;

    private Bronteksten(IReadOnlyList<Brontekst> bestanden)
    {
        Bestanden = bestanden;
        _perNaam = bestanden.ToDictionary(b => b.Naam, StringComparer.Ordinal);
    }

    /// <summary>The source files of a version, in load order (the document, the stand files of data/standen by name, then the imports).</summary>
    public IReadOnlyList<Brontekst> Bestanden { get; }

    /// <summary>The source files of this version, read once per version like every computed value (<see cref="Gegevens.Berekend{T}"/>).</summary>
    public static Bronteksten Van(Gegevens gegevens, string dataMap, string importMap) =>
        gegevens.Berekend(g => Lees(g, dataMap, importMap));

    private static Bronteksten Lees(Gegevens gegevens, string dataMap, string importMap)
    {
        using var verbinding = gegevens.Db.Open();
        var rijen = verbinding.Query<BronRij>("""
            SELECT naam AS Naam, formaat AS Formaat, sha256 AS Sha256, geimporteerd_op AS GeimporteerdOp, geimporteerd_door AS GeimporteerdDoor
            FROM bronbestand ORDER BY id
            """).ToList();
        var standen = gegevens.Catalogus.Standen;
        return new Bronteksten(rijen.Select(r => new Brontekst(
            r.Naam, r.Formaat, r.Sha256,
            r.GeimporteerdOp is null ? null : DateTimeOffset.Parse(r.GeimporteerdOp, System.Globalization.CultureInfo.InvariantCulture),
            r.GeimporteerdDoor,
            standen.Where(s => s.Bronnen.Any(b => b.Naam == r.Naam)).Select(s => s.Sleutel.Id).ToList(),
            Pad(r, dataMap, importMap))).ToList());
    }

    /// <summary>Where the loader read a source: the document's text, an import (it has an import time), or a file placed in data/standen.</summary>
    private static string Pad(BronRij bron, string dataMap, string importMap) =>
        bron.Formaat == Documentlezer.Formaat ? Documentlezer.Tekstpad(dataMap)
        : bron.GeimporteerdOp is not null ? Path.Combine(importMap, bron.Naam)
        : Path.Combine(dataMap, Standbestandsmappen.Submap, bron.Naam);

    /// <summary>The file of this name: exactly as named, or, where only the case differs and one file fits, that one.</summary>
    public Brontekst? Zoek(string naam)
    {
        if (_perNaam.TryGetValue(naam, out var bestand)) return bestand;
        var zonderHoofdletters = Bestanden.Where(b => string.Equals(b.Naam, naam, StringComparison.OrdinalIgnoreCase)).ToList();
        return zonderHoofdletters.Count == 1 ? zonderHoofdletters[0] : null;
    }

    /// <summary>
    /// The number of lines of the file as this version loaded it; null when it is not known because the file on disk no longer holds
    /// those bytes and they were not counted before it changed.
    /// </summary>
    public int? AantalRegels(Brontekst bestand)
    {
        if (_indexen.TryGetValue(bestand.Naam, out var bekend)) return bekend.AantalRegels;
        using var handvat = Open(bestand.Pad);
        return handvat is null ? null : Index(bestand, handvat)?.AantalRegels;
    }

    /// <summary>
    /// Lines <paramref name="van"/> to <paramref name="tot"/> (1-based, inclusive; <paramref name="tot"/> beyond the end stops at the end)
    /// exactly as the file holds them, or why not.
    /// </summary>
    public Bronregels Lees(Brontekst bestand, int van, int tot)
    {
        // Twice at most: when the file changes while its lines are read, the index is verified again against the SHA-256 as loaded.
        for (var poging = 0; ; poging++)
        {
            using var handvat = Open(bestand.Pad);
            // A public answer names the file, never where it lies on the server's disk (the log of the reload says that).
            if (handvat is null) return Bronregels.Afwijkend(bestand, $"het bestand {bestand.Naam} staat niet meer op schijf");
            if (Index(bestand, handvat) is not { } index)
            {
                return Bronregels.Afwijkend(bestand, $"het bestand {bestand.Naam} op schijf heeft niet meer de SHA-256 waarmee deze versie het laadde ({bestand.Sha256})");
            }
            var laatste = Math.Min(tot, index.AantalRegels);
            var regels = van > laatste ? [] : index.Lees(handvat, van, laatste);
            if (index.Klopt(handvat)) return new Bronregels(bestand, regels, index.AantalRegels, null);
            _indexen.TryRemove(new KeyValuePair<string, Regelindex>(bestand.Naam, index));
            if (poging == 1) return Bronregels.Afwijkend(bestand, $"het bestand {bestand.Naam} veranderde terwijl het werd gelezen");
        }
    }

    /// <summary>The file opened for reading (others may go on writing or replacing it); null when it is not there.</summary>
    private static SafeFileHandle? Open(string pad)
    {
        try
        {
            return File.OpenHandle(pad, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception fout) when (fout is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The index of the file's lines, made (and its SHA-256 verified) when there is none for these bytes; null when the SHA-256 differs.</summary>
    private Regelindex? Index(Brontekst bestand, SafeFileHandle handvat)
    {
        if (_indexen.TryGetValue(bestand.Naam, out var bekend) && bekend.Klopt(handvat)) return bekend;
        var nieuw = Regelindex.Maak(handvat, bestand.Sha256);
        if (nieuw is not null) _indexen[bestand.Naam] = nieuw;
        return nieuw;
    }

    private sealed class BronRij
    {
        public string Naam { get; set; } = "";
        public string Formaat { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public string? GeimporteerdOp { get; set; }
        public string? GeimporteerdDoor { get; set; }
    }

    /// <summary>
    /// Where each line of a file starts (byte offsets), for the bytes of one SHA-256, with the size and modification time the file had
    /// when they were verified.
    /// </summary>
    private sealed class Regelindex(long[] begin, long lengte, DateTime gewijzigd)
    {
        private const int Blok = 1 << 16;

        public int AantalRegels => begin.Length;

        /// <summary>The file behind the handle has the size and modification time these bytes were verified with.</summary>
        public bool Klopt(SafeFileHandle handvat) => RandomAccess.GetLength(handvat) == lengte && File.GetLastWriteTimeUtc(handvat) == gewijzigd;

        /// <summary>
        /// Reads the whole file once: its SHA-256 and where its lines start. A line ends at CRLF, LF or a lone CR, as the readers count;
        /// a line end at the very end starts no line. These bytes are ASCII, never inside a UTF-8 sequence, so counting bytes counts
        /// the readers' lines. Null when the SHA-256 is not <paramref name="sha256"/>.
        /// </summary>
        public static Regelindex? Maak(SafeFileHandle handvat, string sha256)
        {
            var gewijzigd = File.GetLastWriteTimeUtc(handvat);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var begin = new List<long>();
            var buffer = new byte[Blok];
            long positie = 0;
            var nieuweRegel = true;
            var naCr = false;
            int gelezen;
            while ((gelezen = RandomAccess.Read(handvat, buffer, positie)) > 0)
            {
                hash.AppendData(buffer, 0, gelezen);
                for (var i = 0; i < gelezen; i++)
                {
                    var b = buffer[i];
                    if (naCr && b == (byte)'\n') { naCr = false; continue; } // the LF of a CRLF: the line already ended at its CR
                    naCr = false;
                    if (nieuweRegel) { begin.Add(positie + i); nieuweRegel = false; }
                    if (b == (byte)'\n') nieuweRegel = true;
                    else if (b == (byte)'\r') { nieuweRegel = true; naCr = true; }
                }
                positie += gelezen;
            }
            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), sha256, StringComparison.Ordinal)) return null;
            return new Regelindex([.. begin], positie, gewijzigd);
        }

        /// <summary>Lines van to tot (within the file), each without its line end; the first line without a UTF-8 byte order mark.</summary>
        public IReadOnlyList<Bronregel> Lees(SafeFileHandle handvat, int van, int tot)
        {
            var start = begin[van - 1];
            var einde = tot < begin.Length ? begin[tot] : lengte;
            var bytes = new byte[einde - start];
            var gelezen = 0;
            while (gelezen < bytes.Length)
            {
                var n = RandomAccess.Read(handvat, bytes.AsSpan(gelezen), start + gelezen);
                if (n == 0) break;
                gelezen += n;
            }
            var regels = new List<Bronregel>(tot - van + 1);
            for (var regel = van; regel <= tot; regel++)
            {
                var vanaf = (int)(begin[regel - 1] - start);
                var tot_ = (int)((regel < begin.Length ? begin[regel] : lengte) - start);
                // The line end belongs to no line: CRLF, LF or CR before the next line's start (the last line may have none).
                if (tot_ > vanaf && bytes[tot_ - 1] == (byte)'\n') tot_--;
                if (tot_ > vanaf && bytes[tot_ - 1] == (byte)'\r') tot_--;
                // A byte order mark says how the file is encoded; it is no character of the first line.
                if (regel == 1 && tot_ - vanaf >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) vanaf += 3;
                regels.Add(new Bronregel(regel, Encoding.UTF8.GetString(bytes, vanaf, Math.Max(0, tot_ - vanaf))));
            }
            return regels;
        }
    }
}
