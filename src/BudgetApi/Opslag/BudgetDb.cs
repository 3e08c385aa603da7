using Microsoft.Data.Sqlite;

namespace BudgetApi.Opslag;

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
