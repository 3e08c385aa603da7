using System.Diagnostics;
using Microsoft.Extensions.Logging.Console;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// Structured logs: one line per request (method, path, status, duration), and in every line the request's scope with its
/// TraceId, the same id a problem body carries as traceId. Budget:Logformaat=json (or Logging:Console:FormatterName=json)
/// writes one JSON object per line for a log collector.
/// </summary>
public static class Logboek
{
    public const string LogformaatSleutel = "Budget:Logformaat";
    public const string VerzoekCategorie = "BudgetApi.Verzoeken";

    public static WebApplicationBuilder VoegLogboekToe(this WebApplicationBuilder builder)
    {
        // The scopes carry the request: TraceId and SpanId (the W3C trace context), RequestId, RequestPath, ConnectionId.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (string.Equals(builder.Configuration[LogformaatSleutel], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            // Without a formatter name the console logger falls back to its legacy options and drops the scopes.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
            builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }
        return builder;
    }

    /// <summary>
    /// A line for the person who started the service (where it listens): on the console as it is, or as a log entry when the
    /// logs are JSON, so that every line of the output is one JSON object for the collector.
    /// </summary>
    public static void Meld(WebApplication app, string melding)
    {
        if (string.Equals(app.Configuration[LogformaatSleutel], "json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(app.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
        {
            app.Logger.LogInformation("{Melding}", melding);
        }
        else
        {
            Console.WriteLine(melding);
        }
    }

    /// <summary>The id of the request in logs and problems: the W3C trace id when there is one, else the server's request id.</summary>
    public static string Verzoekid(HttpContext context) =>
        Activity.Current is { TraceId: var trace } activiteit && activiteit.IdFormat == ActivityIdFormat.W3C ? trace.ToHexString() : context.TraceIdentifier;

    /// <summary>One line per answered request, inside the request's scope.</summary>
    public static IApplicationBuilder GebruikVerzoeklog(this IApplicationBuilder app)
    {
        var log = Verzoeklog(app.ApplicationServices);
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Schrijf(log, context, start);
            }
        });
    }

    /// <summary>The request log's logger (category <see cref="VerzoekCategorie"/>).</summary>
    public static ILogger Verzoeklog(IServiceProvider diensten) =>
        diensten.GetRequiredService<ILoggerFactory>().CreateLogger(VerzoekCategorie);

    /// <summary>
    /// The line of one answered request, when the request log is on (Information): by <see cref="GebruikVerzoeklog"/>, and by
    /// the front cache for a stored answer, which it answers before that middleware (Http/Antwoordcache.cs).
    /// </summary>
    public static void Schrijf(ILogger log, HttpContext context, long start)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            log.LogInformation("{Methode} {Pad} {Status} in {DuurMs:0.0} ms", context.Request.Method, context.Request.Path.Value,
                context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
