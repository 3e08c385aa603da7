// The empty app of bench/run.sh: an ASP.NET Core minimal API that only answers GET /v1/totalen with a body fixed at
// start (--Lichaam=<file>, else a small constant). Cold start and peak RSS of BudgetApi are reported against this app,
// started the same way (Release, --urls, logging at Warning), so the ratios show what BudgetApi adds to the framework.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
var lichaam = app.Configuration["Lichaam"] is { Length: > 0 } pad
    ? File.ReadAllBytes(pad)
    : """{"gegevens":[],"metadata":{"aantal":0}}"""u8.ToArray();
app.MapGet("/v1/totalen", () => Results.Bytes(lichaam, "application/json; charset=utf-8"));
app.Run();
