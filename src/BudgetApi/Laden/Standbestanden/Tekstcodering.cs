using System.Text;
using BudgetApi.Domein;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The text of a stand file from its bytes (issue 18): UTF-8 with or without BOM, or Windows-1252 / ISO-8859-1, which published
/// files still use. The encoding used is named in the import answer. Anything else (UTF-16, a byte Windows-1252 has no
/// character for, NUL) is refused with the first line it occurs on; nothing is ever decoded into U+FFFD.
/// </summary>
public static class Tekstcodering
{
    public const string Utf8 = "UTF-8";
    public const string Utf8MetBom = "UTF-8 met BOM";
    public const string Windows1252 = "Windows-1252";

    private static readonly UTF8Encoding StrengUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252's characters for 0x80–0x9F; 0 where it has none (0x81, 0x8D, 0x8F, 0x90, 0x9D).</summary>
    private static readonly char[] C1 =
    [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0',
        '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];

    /// <summary>The text (without BOM) and the encoding it was in, or the problem that refuses the file.</summary>
    public static (string Tekst, string Codering, Leesprobleem? Probleem) Lees(string bestand, byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return ("", "", new Leesprobleem(bestand, 1, 0, "het bestand is UTF-16; een standbestand is UTF-8 (met of zonder BOM) of Windows-1252"));
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
            return ("", "", new Leesprobleem(bestand, Regel(bytes, nul), 0, "het bestand bevat een NUL-teken: het is geen tekst in UTF-8 of Windows-1252"));
        try
        {
            var tekst = StrengUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
            return (tekst, bom ? Utf8MetBom : Utf8, null);
        }
        catch (DecoderFallbackException fout)
        {
            // Not UTF-8. With a BOM the file says it is UTF-8: a bad byte is a broken file, not another encoding.
            var plek = (bom ? 3 : 0) + Math.Max(0, fout.Index);
            if (bom) return ("", "", new Leesprobleem(bestand, Regel(bytes, plek), 0, "het bestand heeft een UTF-8-BOM maar bevat bytes die geen UTF-8 zijn"));
        }
        var sb = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b is < 0x80 or > 0x9F) { sb.Append((char)b); continue; }
            var c = C1[b - 0x80];
            if (c == '\0')
                return ("", "", new Leesprobleem(bestand, Regel(bytes, i), 0,
                    $"het bestand is geen UTF-8 en ook geen Windows-1252: byte 0x{b:X2} heeft daar geen teken"));
            sb.Append(c);
        }
        return (sb.ToString(), Windows1252, null);
    }

    /// <summary>The 1-based line of a byte offset (LF, CRLF or CR ends a line).</summary>
    private static int Regel(byte[] bytes, int tot)
    {
        var regel = 1;
        for (var i = 0; i < tot && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))) regel++;
        }
        return regel;
    }
}
