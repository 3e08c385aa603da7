namespace BudgetApi.Tests.Infrastructuur;

/// <summary>Paths of the checkout the tests run in: the shipped data/ and the source document beside the project.</summary>
public static class Repo
{
    public static string Wortel { get; } = ZoekWortel();

    public static string DataMap => Path.Combine(Wortel, "data");

    public static string Bestand(string relatief) => Path.Combine(Wortel, relatief);

    private static string ZoekWortel()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "BudgetApi.sln"))) return map.FullName;
        }
        throw new InvalidOperationException("BudgetApi.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder that is removed when the test ends.</summary>
public sealed class TijdelijkeMap : IDisposable
{
    public string Pad { get; } = Directory.CreateTempSubdirectory("budgetapi-test-").FullName;

    public string this[string naam] => Path.Combine(Pad, naam);

    /// <summary>A copy of the shipped data/ to break on purpose.</summary>
    public string KopieVanData()
    {
        var doel = Path.Combine(Pad, "data");
        Directory.CreateDirectory(doel);
        foreach (var bestand in Directory.EnumerateFiles(Repo.DataMap, "*.csv"))
        {
            File.Copy(bestand, Path.Combine(doel, Path.GetFileName(bestand)));
        }
        return doel;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Pad, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
