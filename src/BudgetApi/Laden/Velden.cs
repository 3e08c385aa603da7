using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetApi.Laden;

/// <summary>The value rules of data/: how a field must look before it is trusted. One place, used by every validator.</summary>
public static partial class Velden
{
    /// <summary>An integer as the data files write it: digits only, no thousands separators (the source's 8.843.848 is 8843848).</summary>
    public static bool IsGeheelGetal(string waarde) => GeheelGetalPatroon().IsMatch(waarde) && long.TryParse(waarde, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>A decimal with a point (the source's 355,25 is 355.25); never parsed as floating point.</summary>
    public static bool IsDecimaal(string waarde) => DecimaalPatroon().IsMatch(waarde) && decimal.TryParse(waarde, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    public static bool IsJaar(string waarde) => JaarPatroon().IsMatch(waarde);

    public static bool IsDatum(string waarde) =>
        DateOnly.TryParseExact(waarde, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static long? Geheel(string waarde) => waarde.Length == 0 ? null : long.Parse(waarde, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static int? JaarOfNull(string waarde) => waarde.Length == 0 ? null : int.Parse(waarde, CultureInfo.InvariantCulture);

    public static decimal Decimaal(string waarde) => decimal.Parse(waarde, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The year columns of a wide table: every header that is a four-digit year.</summary>
    public static IReadOnlyList<int> JaarKolommen(IEnumerable<string> kolommen) =>
        kolommen.Where(IsJaar).Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"^-?\d+\z")]
    private static partial Regex GeheelGetalPatroon();

    [GeneratedRegex(@"^-?\d+(\.\d+)?\z")]
    private static partial Regex DecimaalPatroon();

    [GeneratedRegex(@"^(19|20)\d\d\z")]
    private static partial Regex JaarPatroon();
}
