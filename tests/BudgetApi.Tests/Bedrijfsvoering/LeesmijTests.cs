using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Sockets;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>
/// The README's walkthrough "Importing a stand, as a new user would", run as written, on a machine that never ran dotnet user-jwts
/// (an empty HOME: no user secrets, so no signing key until the walkthrough's user-jwts makes one). The commands are read from
/// README.md, so a change there that breaks them fails here. Two things are changed, and only these: the port (5080 may be taken on
/// a shared machine), and where the service keeps its database and imports (not in the checkout). Each curl and user-jwts waits
/// until the service answers, as a person would; so the token's key is made after the service read its configuration, which is
/// exactly what failed before (401 "The signature key was not found").
/// </summary>
public sealed class LeesmijTests
{
    private const string Kop = "## Importing a stand, as a new user would";

    /// <summary>The first ```bash block under the walkthrough's heading.</summary>
    public static string Opdrachten()
    {
        var leesmij = File.ReadAllText(Repo.Bestand("README.md")).ReplaceLineEndings("\n");
        var begin = leesmij.IndexOf(Kop, StringComparison.Ordinal);
        begin.Should().BeGreaterThan(0, $"README.md has the section '{Kop}'");
        var blok = leesmij.IndexOf("```bash\n", begin, StringComparison.Ordinal) + "```bash\n".Length;
        var einde = leesmij.IndexOf("```", blok, StringComparison.Ordinal);
        return leesmij[blok..einde];
    }

    [Fact]
    public async Task De_walkthrough_werkt_letterlijk_zonder_eerdere_user_jwts()
    {
        var opdrachten = Opdrachten();
        opdrachten.Should().Contain("dotnet run --project src/BudgetApi").And.Contain("dotnet user-jwts create").And.Contain("localhost:5080");

        using var thuis = new TijdelijkeMap();      // HOME: empty
        using var werk = new TijdelijkeMap();       // the service's database and imports, and the script
        var poort = VrijePoort();
        var script = string.Join('\n',
            "set -u",
            // A person waits until the service is up before the next command; the script does the same, bounded.
            "wacht() { for _ in $(seq 1 600); do command curl -sf -o /dev/null http://localhost:" + poort + "/health/live && return 0; sleep 1; done; echo 'de dienst startte niet' >&2; exit 1; }",
            "curl() { wacht; command curl \"$@\"; }",
            "dotnet() { if [ \"$1\" = user-jwts ]; then wacht; fi; command dotnet \"$@\"; }",
            opdrachten.Replace("dotnet run --project src/BudgetApi", $"dotnet run --project src/BudgetApi --urls http://localhost:{poort}", StringComparison.Ordinal)
                .Replace("localhost:5080", $"localhost:{poort}", StringComparison.Ordinal));
        var pad = werk["leesmij.sh"];
        await File.WriteAllTextAsync(pad, script);

        // Output to files, not pipes: the service the walkthrough starts in the background keeps its output open after the script
        // ends, and a pipe would then never close.
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = Repo.Wortel };
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec bash '{pad}' > '{werk["uitvoer.txt"]}' 2> '{werk["fouten.txt"]}' < /dev/null");
        start.Environment["HOME"] = thuis.Pad;
        start.Environment["DOTNET_CLI_HOME"] = thuis.Pad;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // The packages are already restored: an empty HOME must not mean downloading them again.
        start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        start.Environment["Budget__DatabasePad"] = werk["var/budget.db"];
        start.Environment["Budget__ImportMap"] = werk["var/standen"];
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var proces = Process.Start(start)!;
        try
        {
            using var tijd = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            await proces.WaitForExitAsync(tijd.Token);
            var tekst = await File.ReadAllTextAsync(werk["uitvoer.txt"]);
            var melding = $"stdout:\n{tekst}\nstderr:\n{await File.ReadAllTextAsync(werk["fouten.txt"])}";
            proces.ExitCode.Should().Be(0, melding);
            tekst.Should().Contain("\"uitkomst\":\"nieuw\"", melding).And.Contain("VI-2026-1e-suppletoire", melding);
            File.Exists(Path.Combine(thuis.Pad, ".microsoft", "usersecrets", "budgetapi-jenv-dfez", "secrets.json")).Should().BeTrue(
                "user-jwts made the signing key in the empty HOME, after the service had started");
        }
        finally
        {
            // The service runs on in the script's process group (dotnet run, and the service under it): end that group, ours only.
            using var kill = Process.Start("kill", ["--", "-" + proces.Id]);
            await kill.WaitForExitAsync();
            var bestand = Repo.Bestand("voorjaarsnota-2026.csv");   // what the walkthrough writes where it runs
            if (File.Exists(bestand)) File.Delete(bestand);
        }
    }

    [Fact]
    public async Task In_Development_zegt_een_401_hoe_je_een_token_krijgt()
    {
        await using var factory = new OntwikkelFactory();
        using var client = factory.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen") { Content = new StringContent("x") };
        var antwoord = await client.SendAsync(verzoek);

        var probleem = await antwoord.AlsProbleem(HttpStatusCode.Unauthorized);
        probleem.Tekst("detail").Should().Contain("dotnet user-jwts create --project src/BudgetApi --role budget-importeur");
    }

    private sealed class OntwikkelFactory : BudgetApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    private static int VrijePoort()
    {
        using var luisteraar = new TcpListener(IPAddress.Loopback, 0);
        luisteraar.Start();
        return ((IPEndPoint)luisteraar.LocalEndpoint).Port;
    }
}
