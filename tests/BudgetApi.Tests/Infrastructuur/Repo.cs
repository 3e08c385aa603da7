namespace BudgetApi.Tests.Infrastructuur;

/// <summary>Paths of the checkout the tests run in: the shipped data/ and the source document beside the project.</summary>
public static class Repo
{
    public static string Wortel { get; } = ZoekWortel();

    public static string DataMap => Path.Combine(Wortel, "data");

    public static string Bestand(string relatief) => Path.Combine(Wortel, relatief);

    /// <summary>The document's text as shipped (data/bron/): the file every bron_regel of data/*.csv counts in.</summary>
    public static string Brondocument => Path.Combine(DataMap, "bron", "introductiedossier-jenv-2026.txt");

    /// <summary>
    /// Copies the document of a data folder into another: its CSV files and its text (bron/), without the stand files of standen/.
    /// A data folder is complete with these: the load refuses one without the text.
    /// </summary>
    public static void KopieerDocument(string van, string naar)
    {
        Directory.CreateDirectory(Path.Combine(naar, "bron"));
        foreach (var bestand in Directory.EnumerateFiles(van, "*.csv")) File.Copy(bestand, Path.Combine(naar, Path.GetFileName(bestand)));
        foreach (var bestand in Directory.EnumerateFiles(Path.Combine(van, "bron"))) File.Copy(bestand, Path.Combine(naar, "bron", Path.GetFileName(bestand)));
    }

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

    /// <summary>A copy of the shipped data/ to break on purpose: the document (its CSV files and its text), without the open-data samples.</summary>
    public string KopieVanData()
    {
        var doel = Path.Combine(Pad, "data");
        Repo.KopieerDocument(Repo.DataMap, doel);
        return doel;
    }

    /// <summary>A copy of data/ with both open-data samples in standen/ as well (a stand of two publications: BZ's ontwerpbegroting 2016).</summary>
    public string KopieVanDataMetStanden()
    {
        var doel = KopieVanData();
        Directory.CreateDirectory(Path.Combine(doel, "standen"));
        foreach (var bestand in Directory.EnumerateFiles(Path.Combine(Repo.DataMap, "standen"), "*.csv"))
        {
            File.Copy(bestand, Path.Combine(doel, "standen", Path.GetFileName(bestand)));
        }
        return doel;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Pad, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
