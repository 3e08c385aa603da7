using System.Text;

namespace BudgetApi.Laden.Standbestanden;

/// <summary>
/// The rules for a text field from a stand file (a name, a description), wherever it enters (issue 18): at most
/// <see cref="MaximaleLengte"/> characters, Excel's own limit for a cell, so that every export can carry it; no control
/// character other than tab. Text is kept NFC-normalised (<see cref="Standwoorden.Omschrijving"/>), so "é" is one character
/// however the file composed it.
/// </summary>
public static class Tekstvelden
{
    /// <summary>Excel's 32.767 characters per cell.</summary>
    public const int MaximaleLengte = 32_767;

    /// <summary>Why the field is refused, or null when it is acceptable.</summary>
    public static string? Fout(string tekst)
    {
        if (tekst.Length > MaximaleLengte) return $"de tekst is {tekst.Length} tekens lang; een tekstveld heeft er hoogstens {MaximaleLengte} (de grens van een Excel-cel)";
        foreach (var c in tekst)
        {
            if (c != '\t' && char.IsControl(c))
                return $"de tekst bevat het stuurteken U+{(int)c:X4}; een tekstveld heeft geen stuurtekens (een tab mag)";
        }
        return null;
    }
}
