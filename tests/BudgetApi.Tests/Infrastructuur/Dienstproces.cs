using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>
/// The service as a real process (<c>dotnet BudgetApi.dll</c>) on a free loopback port: for what only a process shows,
/// such as signals, exit codes, what is printed, and files left behind.
/// </summary>
public sealed partial class Dienstproces : IAsyncDisposable
{
    private readonly Process _proces;
    private readonly ConcurrentQueue<string> _uitvoer = new();
    private readonly ConcurrentQueue<string> _fouten = new();
    private readonly TaskCompletionSource<Uri?> _adres = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Dienstproces(Process proces)
    {
        _proces = proces;
        proces.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { _adres.TrySetResult(null); return; }
            _uitvoer.Enqueue(e.Data);
            if (Luistert().Match(e.Data) is { Success: true } m) _adres.TrySetResult(new Uri(m.Groups[1].Value));
        };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) _fouten.Enqueue(e.Data); };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
    }

    /// <summary>The compiled service beside the tests (the project reference copies it).</summary>
    public static string Dll => typeof(Program).Assembly.Location;

    /// <summary>
    /// Starts the service with these settings (--Key=value), listening on a free port. <paramref name="dll"/> defaults to the
    /// build beside the tests; <paramref name="werkmap"/> to a folder that is not the application's.
    /// </summary>
    public static Dienstproces Start(IEnumerable<string> argumenten, string? dll = null, string? werkmap = null,
        IReadOnlyDictionary<string, string>? omgeving = null, string? alsGebruiker = null)
    {
        dll ??= Dll;
        var start = new ProcessStartInfo(alsGebruiker is null ? "dotnet" : "setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = werkmap ?? Path.GetTempPath(),
        };
        if (alsGebruiker is not null)
        {
            // As root, permissions do not bind: the service runs as an ordinary user so that a read-only folder is read-only to it.
            foreach (var a in new[] { $"--reuid={alsGebruiker}", $"--regid={alsGebruiker}", "--clear-groups", "dotnet" }) start.ArgumentList.Add(a);
        }
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var a in argumenten) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (k, v) in omgeving ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return new Dienstproces(Process.Start(start)!);
    }

    public int Id => _proces.Id;

    /// <summary>Waits until the service listens and returns its address; fails with what it printed when it exits first.</summary>
    public async Task<Uri> Adres(TimeSpan? wachttijd = null)
    {
        var klaar = await Task.WhenAny(_adres.Task, Task.Delay(wachttijd ?? TimeSpan.FromSeconds(60)));
        if (klaar == _adres.Task && _adres.Task.Result is { } adres) return adres;
        throw new InvalidOperationException($"De service luistert niet. Uitvoer:\n{Uitvoer}\nFouten:\n{Fouten}");
    }

    public async Task<int> WachtOpEinde(TimeSpan? wachttijd = null)
    {
        using var tijd = new CancellationTokenSource(wachttijd ?? TimeSpan.FromSeconds(60));
        await _proces.WaitForExitAsync(tijd.Token);
        _proces.WaitForExit(); // drains the redirected output
        return _proces.ExitCode;
    }

    public bool IsGestopt => _proces.HasExited;

    public string Uitvoer => string.Join("\n", _uitvoer);

    public string Fouten => string.Join("\n", _fouten);

    /// <summary>SIGTERM: what systemd, Kubernetes and docker stop send.</summary>
    public void Beeindig() => Signaal("TERM");

    /// <summary>SIGKILL: the process dies at once, whatever it was doing.</summary>
    public void Dood() => Signaal("KILL");

    /// <summary>SIGHUP: what an operator sends to make the service reload its data (systemctl kill -s HUP).</summary>
    public void Herlaad() => Signaal("HUP");

    private void Signaal(string naam)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + naam, _proces.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill(entireProcessTree: true);
            await _proces.WaitForExitAsync();
        }
        _proces.Dispose();
    }

    [GeneratedRegex(@"BudgetApi luistert op (http://\S+)")]
    private static partial Regex Luistert();
}
