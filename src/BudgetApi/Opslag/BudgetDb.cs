using Microsoft.Data.Sqlite;

namespace BudgetApi.Opslag;

/// <summary>Where the service reads and the loader writes; bound from the "Budget" configuration section.</summary>
public sealed class BudgetOpties
{
    /// <summary>The folder with the CSV files (relative paths are taken from the content root).</summary>
    public string DataMap { get; set; } = "../../data";

    /// <summary>The SQLite file the loader builds and the service reads.</summary>
    public string DatabasePad { get; set; } = "../../var/budget.db";
}

/// <summary>Read-only access to the loaded database. Serving never writes: the loader is the only writer.</summary>
public sealed class BudgetDb(string databasePad)
{
    private readonly string _verbindingstekst = new SqliteConnectionStringBuilder
    {
        DataSource = databasePad,
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    public string DatabasePad { get; } = databasePad;

    public SqliteConnection Open()
    {
        var verbinding = new SqliteConnection(_verbindingstekst);
        verbinding.Open();
        return verbinding;
    }
}
