using System.Security.Cryptography;
using System.Text;

namespace BudgetApi.Opslag;

/// <summary>
/// The version of the data a request is answered from: the same files give the same version across restarts, and any load,
/// reload or import that changes a file gives a new one. ETags, the Excel "Toelichting" and readiness name it.
/// Resolve it per request (HttpContext.RequestServices): a reload may change it between two requests, never within one.
/// </summary>
public interface IGegevensversie
{
    string Versie { get; }
}

public sealed class Gegevensversie(string versie) : IGegevensversie
{
    public string Versie { get; } = versie;

    /// <summary>A SHA-256 over every file under the folder (relative name and bytes, in ordinal order), as 16 hex digits.</summary>
    public static string VanMap(string map)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(map))
        {
            foreach (var bestand in Directory.EnumerateFiles(map, "*", SearchOption.AllDirectories)
                         .Select(b => (Pad: b, Naam: Path.GetRelativePath(map, b).Replace('\\', '/')))
                         .OrderBy(b => b.Naam, StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(bestand.Naam + "\n"));
                hash.AppendData(File.ReadAllBytes(bestand.Pad));
                hash.AppendData("\n"u8);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
