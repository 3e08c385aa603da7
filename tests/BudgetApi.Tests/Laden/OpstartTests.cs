using System.Diagnostics;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden;

/// <summary>The real service process: with broken data it refuses to start, exits non-zero and prints every problem.</summary>
public sealed class OpstartTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    [Fact]
    public async Task De_service_start_niet_met_kapotte_data_en_noemt_elk_probleem()
    {
        var data = _map.KopieVanData();
        var artikelen = Path.Combine(data, "artikelen.csv");
        File.WriteAllText(artikelen, File.ReadAllText(artikelen).Replace("8843848", "8843848,5").Replace("JenV,uitgaven,93", "JenV,uitgaven,9x"));
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--Budget:DataMap=" + data, "--Budget:DatabasePad=" + _map["budget.db"], "--urls=http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };

        using var proces = Process.Start(start)!;
        var fouten = proces.StandardError.ReadToEndAsync();
        var uitvoer = proces.StandardOutput.ReadToEndAsync();
        using var tijd = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await proces.WaitForExitAsync(tijd.Token);

        proces.ExitCode.Should().Be(1);
        var tekst = await fouten;
        tekst.Should().Contain("data/artikelen.csv:2:13: de regel heeft 13 velden, de kopregel 12");
        tekst.Should().Contain("data/artikelen.csv:9:3: kolom 'artikel': '9x' is geen geheel getal (schrijf 8843848, zonder punten)");
        tekst.Should().Contain("BudgetApi start niet");
        (await uitvoer).Should().NotContain("Now listening");
        File.Exists(_map["budget.db"]).Should().BeFalse();
    }
}
