using System.Runtime.InteropServices;

namespace BudgetApi.Opslag;

/// <summary>
/// Reloads when the data changes under the service: a stand file added or replaced in the data folder or the import folder (also
/// by another instance that shares them), or SIGHUP from an operator. Changes are gathered for a moment, so a file being copied
/// is read once, whole. A reload that finds nothing changed does nothing.
/// </summary>
public sealed class Herlaadbewaker(Gegevensbron bron, ILogger<Herlaadbewaker> logger) : BackgroundService
{
    private static readonly TimeSpan Wachttijd = TimeSpan.FromMilliseconds(500);
    private readonly System.Threading.Channels.Channel<string> _signalen = System.Threading.Channels.Channel.CreateBounded<string>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var data = Bewaak(bron.DataMap);
        using var imports = Bewaak(bron.ImportMap);
        using var sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true; // SIGHUP asks for a reload, not an exit
            _signalen.Writer.TryWrite("SIGHUP");
        });
        try
        {
            await foreach (var aanleiding in _signalen.Reader.ReadAllAsync(stoppingToken))
            {
                await Task.Delay(Wachttijd, stoppingToken);
                await bron.HerlaadAsync(aanleiding, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private FileSystemWatcher? Bewaak(string map)
    {
        if (!Directory.Exists(map)) return null;
        var bewaker = new FileSystemWatcher(map) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void Gewijzigd(object? _, FileSystemEventArgs e)
        {
            // The database folder may lie inside a watched folder; the service's own temporary files are no change of data.
            if (e.Name is null || e.Name.EndsWith(Laden.Standbestandsmappen.Tijdelijk, StringComparison.Ordinal)
                || Path.GetFileName(e.Name) == Laden.Standbestandsmappen.Slotbestand) return;
            _signalen.Writer.TryWrite($"wijziging in {map}");
        }
        bewaker.Created += Gewijzigd;
        bewaker.Changed += Gewijzigd;
        bewaker.Deleted += Gewijzigd;
        bewaker.Renamed += Gewijzigd;
        bewaker.Error += (_, e) => logger.LogWarning(e.GetException(), "Bewaken van {Map} onderbroken; herladen kan met SIGHUP.", map);
        return bewaker;
    }
}
