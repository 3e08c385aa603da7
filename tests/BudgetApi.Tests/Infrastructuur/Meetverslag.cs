namespace BudgetApi.Tests.Infrastructuur;

/// <summary>
/// What the reliability tests counted (requests tried, faults survived), one line per test in TestResults/betrouwbaarheid.txt:
/// .ci/run prints it after the tests, since a passing test's own output is not shown by the test runner.
/// </summary>
public static class Meetverslag
{
    private static readonly Lock Slot = new();

    public static string Pad => Path.Combine(Repo.Wortel, "TestResults", "betrouwbaarheid.txt");

    public static void Schrijf(string regel)
    {
        lock (Slot)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Pad)!);
            File.AppendAllText(Pad, $"{regel}\n");
        }
        Console.WriteLine(regel);
    }
}
