namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// Operations in one registration: request limits and Kestrel without a Server header, structured logs, rate limits,
/// health checks, metrics, and the grace period for requests in flight on SIGTERM. The middleware order stays in Program.cs.
/// </summary>
public static class BedrijfsvoeringRegistratie
{
    public const string AfsluitwachttijdSleutel = "Budget:AfsluitwachttijdSeconden";

    public static WebApplicationBuilder VoegBedrijfsvoeringToe(this WebApplicationBuilder builder)
    {
        // Before AddProblemDetails: the first writer that accepts a problem writes it.
        builder.Services.AddSingleton<IProblemDetailsWriter, Http.Probleemschrijver>();
        builder.VoegVerzoeklimietenToe();
        builder.VoegLogboekToe();
        builder.Services.VoegSnelheidslimietToe(builder.Configuration);
        builder.Services.VoegGezondheidToe();
        builder.Services.VoegMetingenToe();
        // On SIGTERM Kestrel stops accepting connections and waits this long for requests in flight to finish.
        var wachttijd = builder.Configuration.GetValue<int?>(AfsluitwachttijdSleutel) ?? 30;
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(wachttijd));
        return builder;
    }
}
