using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using BudgetApi.Bedrijfsvoering;
using BudgetApi.Domein;
using BudgetApi.Http;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace BudgetApi.Features.Standen;

/// <summary>Wat een import met één stand deed.</summary>
/// <param name="Stand">Id van de stand (hoofdstuk-begrotingsjaar-fase).</param>
/// <param name="Uitkomst">nieuw (de stand bestond niet), aangevuld (een bron van een ander formaat komt bij de stand; alleen met If-Match), vervangen (de vorige import van dit formaat is vervangen; alleen met If-Match) of ongewijzigd (dezelfde inhoud).</param>
/// <param name="Etag">De etag van de stand na de import.</param>
/// <param name="Leidend">De publicatie waaruit de stand na de import zijn cijfers neemt: op elk niveau telt haar cijfer, een andere bron vult alleen aan wat zij niet geeft (docs/standen.md).</param>
public sealed record Standuitkomst(string Stand, string Uitkomst, string Etag, string? Leidend);

/// <summary>Het antwoord op een import.</summary>
/// <param name="Uitkomst">nieuw, gewijzigd of ongewijzigd: wat de import als geheel deed.</param>
/// <param name="Bestand">De naam waaronder het bestand is opgeslagen (leeg als niets veranderde).</param>
/// <param name="Formaat">Het formaat waarin het bestand is gelezen.</param>
/// <param name="Sha256">SHA-256 van het bestand.</param>
/// <param name="Versie">De versie van de gegevens na de import.</param>
/// <param name="Standen">Per stand in het bestand wat de import deed.</param>
public sealed record Importuitkomst(string Uitkomst, string? Bestand, string Formaat, string Sha256, string Versie, IReadOnlyList<Standuitkomst> Standen)
{
    /// <summary>Hoe het bestand is gelezen: de herkende indeling (begrotingsstaten, IBOS, budgettaire tabellen per jaar of per fase, standen-csv), de tekstcodering, elke kolom en de betekenis die zij kreeg (naar de kop of naar de inhoud), de niet gelezen kolommen en het aantal bevindingen. /v1/standen toont hetzelfde bij de bronnen van een stand.</summary>
    public Bronlezing? Lezing { get; init; }

    /// <summary>The answer with how the file was read (issue 14 §7): one place for every answer that names a reading.</summary>
    internal Importuitkomst Met(Leesresultaat gelezen) => this with { Lezing = Bronlezing.Van(gelezen) };
}

/// <summary>Eén reden waarom een bestand geweigerd is: regel en kolom in het bestand, en wat er mis is.</summary>
/// <param name="Regel">Regel in het bestand (vanaf 1).</param>
/// <param name="Kolom">Kolom in de regel (vanaf 1; 0 als het probleem de hele regel betreft).</param>
/// <param name="Melding">Wat er mis is.</param>
public sealed record Bestandsprobleem(int Regel, int Kolom, string Melding);

/// <summary>Een stand die een import zou vervangen, met zijn huidige etag: wat een 409 of 412 noemt, voor If-Match.</summary>
/// <param name="Stand">Id van de stand (hoofdstuk-begrotingsjaar-fase).</param>
/// <param name="Etag">De huidige etag van de stand; noem hem in If-Match om de stand te vervangen.</param>
public sealed record Standetag(string Stand, string Etag);

public sealed record ImportQuery
{
    [Description("Optioneel: de begroting (code of hoofdstuk) die het bestand moet bevatten; een rij van een andere begroting is een fout. Bijvoorbeeld: VI")]
    public string? Begroting { get; init; }

    [Description("Optioneel: het begrotingsjaar dat het bestand moet bevatten; een rij van een ander jaar is een fout. Bijvoorbeeld: 2026")]
    public int? Begrotingsjaar { get; init; }

    [Description("Optioneel: de fase die het bestand moet bevatten (ontwerpbegroting, vastgestelde-begroting, incidentele-suppletoire-1 … incidentele-suppletoire-12, 1e-suppletoire, september-suppletoire, 2e-suppletoire, jaarverslag, slotwet); een rij van een andere fase is een fout. Bijvoorbeeld: 1e-suppletoire")]
    public string? Fase { get; init; }

    [Description("Optioneel: de naam van het bestand (letters, cijfers, '.', '_' en '-'); anders die uit Content-Disposition, of 'import'. Bijvoorbeeld: najaarsnota-2026.csv")]
    public string? Bestandsnaam { get; init; }
}

/// <summary>
/// POST /v1/standen: a stand file (either open-data format, or the project's own CSV, which is what /v1/bedragen exports) becomes
/// standen while the service runs. Only an authenticated caller with the import role may; the file is validated whole before
/// anything is stored; the database with the file is built before the file is stored; the file is stored durably (temporary
/// file, flush, rename) and the new version swapped in whole. One import at a time.
/// </summary>
public static partial class ImportEndpoints
{
    /// <summary>The role (or scope) a token must carry to import.</summary>
    public const string Rol = "budget-importeur";
    public const string Scope = "budget.importeren";
    public const string Beleid = "importeren";

    public const string Nieuw = "nieuw";
    public const string Aangevuld = "aangevuld";
    public const string Vervangen = "vervangen";
    public const string Ongewijzigd = "ongewijzigd";
    public const string Gewijzigd = "gewijzigd";

    /// <summary>What an import can do to one stand (Standuitkomst.uitkomst).</summary>
    public static readonly IReadOnlyList<string> Standuitkomsten = [Nieuw, Aangevuld, Vervangen, Ongewijzigd];

    /// <summary>What an import did as a whole (Importuitkomst.uitkomst).</summary>
    public static readonly IReadOnlyList<string> Importuitkomsten = [Nieuw, Gewijzigd, Ongewijzigd];

    public static RouteHandlerBuilder MapImport(this RouteGroupBuilder v1) =>
        v1.MapPost("/standen", Importeer)
            .WithTags("Standen")
            .WithName("ImporteerStanden")
            .WithSummary("Een standbestand importeren")
            .WithDescription("Neemt een bestand in een van de open-dataformaten (begrotingsstaten, budgettaire tabellen) of in het eigen standformaat " +
                             "(de CSV van /bedragen) als de body van het verzoek, of als deel 'bestand' van multipart/form-data (een bestandskeuze, zoals hier in Swagger UI), en maakt er standen van terwijl de dienst draait. Vereist een bearer-token " +
                             $"met de rol {Rol} (of de scope {Scope}). Het bestand wordt eerst geheel gecontroleerd: bij een fout komt er niets bij (400 met " +
                             "elk probleem, met regel en kolom). Wijzigt de import een stand die al bestaat (een bron van een ander formaat erbij, of " +
                             "andere inhoud uit hetzelfde formaat), dan is het antwoord 409, tenzij If-Match de huidige etag van die stand noemt (zie /standen); " +
                             "een verouderde etag geeft 412. De etag dekt alles wat de stand toont: namen, categorie, paden en bedragen. Een tekst mag hoogstens " +
                             $"{Tekstlengte.Maximum} tekens hebben. Hetzelfde bestand opnieuw geeft 200 " +
                             "met uitkomst ongewijzigd. Kan de dienst het bestand of de database ermee niet opslaan (schijf vol, map niet schrijfbaar), dan is het " +
                             "antwoord 507 met de map en de reden; er is dan niets veranderd.")
            .RequireAuthorization(Beleid)
            .Accepts<string>("multipart/form-data", "text/csv", "text/plain", "application/octet-stream")
            .Produces<Importuitkomst>(StatusCodes.Status200OK)
            .Produces<Importuitkomst>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);

    /// <summary>
    /// The claim types a scope arrives in: 'scope' (RFC 8693, RFC 9068), 'scp' (Microsoft Entra ID, Okta), and the type the JWT handler
    /// maps 'scp' to when it maps inbound claims (as it does by default); each a space-separated list, or one claim per scope.
    /// </summary>
    public static readonly IReadOnlyList<string> Scopeclaims = ["scope", "scp", "http://schemas.microsoft.com/identity/claims/scope"];

    /// <summary>The authorization policy: an authenticated caller with the import role or scope.</summary>
    public static void Beleidsregel(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder beleid) =>
        beleid.AddAuthenticationSchemes(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.IsInRole(Rol)
            || Scopeclaims.SelectMany(c.User.FindAll).SelectMany(s => s.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(Scope));

    static async Task<IResult> Importeer([AsParameters] ImportQuery query, HttpContext http, Gegevensbron bron, ILogger<Gegevensbron> logger,
        Metingen metingen)
    {
        var catalogus = bron.Huidig!.Catalogus;
        var (verwachting, fouten) = Verwachting(query, catalogus);
        if (fouten.Count > 0) return Problemen.OngeldigeParameters(fouten);
        var (inhoud, deelnaam) = await LeesBestand(http.Request);
        if (Bestandsnaam(query.Bestandsnaam ?? deelnaam, http.Request) is not { } naam)
        {
            return Problemen.OngeldigeParameter("bestandsnaam", $"'{query.Bestandsnaam ?? deelnaam}' is geen geldige bestandsnaam: gebruik letters, cijfers, '.', '_' en '-' (hoogstens 80 tekens).");
        }
        if (inhoud.Length == 0)
        {
            return Problemen.OngeldigeParameter("body", $"De body is leeg: stuur het standbestand als de body van het verzoek, of als deel '{Bestanddeel}' van multipart/form-data.");
        }

        var door = Wie(http.User);
        return await bron.EenTegelijkAsync(() =>
        {
            var huidig = bron.Huidig!;
            var bestanden = Standbestandsmappen.Zoek(bron.DataMap, bron.ImportMap);
            var opgeslagenNaam = $"{Path.GetFileNameWithoutExtension(naam)}-{Standbestandsmappen.Sha256(inhoud)[..12]}.csv";
            var op = DateTimeOffset.UtcNow;
            var volgnummer = Standbestandsmappen.Imports(bron.ImportMap).Select(i => i.Gegevens.Volgnummer).DefaultIfEmpty(0).Max() + 1;
            var bestand = new Standbestand(opgeslagenNaam, bron.ImportMap, null, inhoud, bestanden.Count + 1, op, door);

            // 1. The file alone, read as its format: a refusal lists every problem and stores nothing.
            var gelezen = Lader.LeesStandbestand(bestand, bron.Lezers, verwachting);
            if (!gelezen.Gelukt) return Weigering(metingen, naam, gelezen.Problemen);
            if (Tekstlengte.TeLang(gelezen) is { Count: > 0 } teLang) return Weigering(metingen, naam, teLang);

            // 2. What it does to each stand it holds, against the version served now.
            var uitkomsten = Uitkomsten(gelezen, huidig.Catalogus);
            if (uitkomsten.All(u => u.Uitkomst == Ongewijzigd) && !WasWordtEndpoints.BrengtNieuws(gelezen, inhoud, huidig.Db))
            {
                metingen.ImportAfgehandeld(Metingen.Geslaagd);
                return TypedResults.Ok(new Importuitkomst(Ongewijzigd, null, gelezen.Formaat, Standbestandsmappen.Sha256(inhoud), huidig.Versie,
                    uitkomsten.Select(u => new Standuitkomst(u.Stand.Id, Ongewijzigd, u.Etag!, huidig.Catalogus.ZoekStand(u.Stand.Id)?.Leidend)).ToList()).Met(gelezen));
            }
            if (Voorwaarde(http.Request, uitkomsten) is { } weigering)
            {
                metingen.ImportAfgehandeld(Metingen.Afgewezen);
                return weigering;
            }

            // 3. The whole data with the file, built into the new version's database before anything is stored.
            var zijbestand = JsonSerializer.SerializeToUtf8Bytes(new Importgegevens(op, door, volgnummer));
            Laadresultaat resultaat;
            Gegevens? gegevens;
            try
            {
                resultaat = bron.ProbeerImport(bestanden, bestand, zijbestand, out gegevens);
            }
            catch (Exception fout) when (Opstartfout.IsSchijffout(fout))
            {
                return Opslagfout(logger, metingen, fout, bron.DatabaseMap, huidig.Versie,
                    $"De database met het bestand kon niet worden gebouwd in de databasemap (instelling {Locaties.DatabasePadSleutel})");
            }
            if (gegevens is null) return Weigering(metingen, naam, resultaat.Problemen.Select(p => new Leesprobleem(p.Bestand, p.Regel, p.Kolom, p.Melding)).ToList());

            // The answer, Location included, is made whole before anything is stored: once the stand file is renamed into place the
            // import is made, and nothing after that may fail into a 5xx (a client would retry a change that was already stored).
            var na = gegevens.Catalogus;
            var antwoord = new Importuitkomst(uitkomsten.Any(u => u.Uitkomst == Nieuw) ? Nieuw : Gewijzigd, opgeslagenNaam, gelezen.Formaat,
                Standbestandsmappen.Sha256(inhoud), gegevens.Versie,
                uitkomsten.Select(u => new Standuitkomst(u.Stand.Id, u.Uitkomst, na.ZoekStand(u.Stand.Id)?.Etag ?? "", na.ZoekStand(u.Stand.Id)?.Leidend)).ToList()).Met(gelezen);
            var eersteNieuw = uitkomsten.FirstOrDefault(u => u.Uitkomst == Nieuw);
            IResult geslaagd = eersteNieuw is null
                ? TypedResults.Ok(antwoord)
                : TypedResults.Created(Locatie(http.Request, eersteNieuw.Stand.Id), antwoord);

            // 4. Stored durably (the sidecar first: the stand file's rename is the moment the import is made), then swapped in whole.
            var zijpad = Path.Combine(bron.ImportMap, opgeslagenNaam + Standbestandsmappen.Importsuffix);
            var standpad = Path.Combine(bron.ImportMap, opgeslagenNaam);
            var bestondAl = File.Exists(zijpad);
            try
            {
                Directory.CreateDirectory(bron.ImportMap);
                // Under the import lock: another instance's start does not take the sidecar for a crashed import's leftover.
                using var slot = Standbestandsmappen.Slot(bron.ImportMap, Slotwachttijd);
                if (slot is null)
                {
                    bron.Verwerp(gegevens);
                    return Bezet(logger, metingen, bron.ImportMap, huidig.Versie);
                }
                SchrijfDuurzaam(zijpad, zijbestand);
                SchrijfDuurzaam(standpad, inhoud);
            }
            catch (Exception fout) when (Opstartfout.IsSchijffout(fout))
            {
                // Nothing of the attempt stays: not a sidecar without its stand file (no import, but a change to the folder that
                // other instances would reload for), not the database built for a version that never serves.
                if (!bestondAl && !File.Exists(standpad))
                {
                    try { File.Delete(zijpad); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
                bron.Verwerp(gegevens);
                return Opslagfout(logger, metingen, fout, bron.ImportMap, huidig.Versie,
                    $"Het bestand kon niet worden opgeslagen in de importmap (instelling {Locaties.ImportMapSleutel})");
            }
            bron.Zet(gegevens);
            metingen.ImportAfgehandeld(Metingen.Geslaagd);
            logger.LogInformation("Import {Bestand} door {Door}: versie {Versie}; {Uitkomsten}", opgeslagenNaam, door, gegevens.Versie,
                string.Join(", ", uitkomsten.Select(u => $"{u.Stand.Id} {u.Uitkomst}")));

            return geslaagd;
        }, http.RequestAborted);
    }

    /// <summary>
    /// The new stand's address for the Location header: the id percent-encoded (RFC 3986), so a hoofdstuk with any character still
    /// makes a valid ASCII header value. The path base is the server's own, never a request header.
    /// </summary>
    public static string Locatie(HttpRequest request, string standId) =>
        $"{request.PathBase.ToUriComponent()}{OpenApiDocument.Prefix}/standen/{Uri.EscapeDataString(standId)}";

    private sealed record Planning(Standsleutel Stand, string Uitkomst, string? Etag);

    /// <summary>
    /// Per stand: new; the same content as the import of this format it has (unchanged); another format's source added to it; or
    /// the import of this format replaced (which needs If-Match).
    /// </summary>
    private static List<Planning> Uitkomsten(Leesresultaat gelezen, Catalogus catalogus) =>
        gelezen.Standen.Select(k => k.Stand).Distinct().Select(sleutel =>
        {
            var stand = catalogus.ZoekStand(sleutel.Id);
            if (stand is null) return new Planning(sleutel, Nieuw, null);
            var inhoud = Standsamenstelling.Inhoudshash(gelezen.Regels.Where(r => r.Stand == sleutel), gelezen.Totalen.Where(t => t.Stand == sleutel));
            var zelfdeFormaat = stand.Bronnen.Where(b => b.Formaat == gelezen.Formaat).ToList();
            if (zelfdeFormaat.Count == 0) return new Planning(sleutel, Aangevuld, stand.Etag);
            return new Planning(sleutel, zelfdeFormaat.Any(b => b.Inhoud == inhoud) ? Ongewijzigd : Vervangen, stand.Etag);
        }).ToList();

    /// <summary>
    /// Every change to a stand that exists, whatever the format that changes it, needs the caller to name the stand's current etag in
    /// If-Match ('*' names any): a source of another format added to it (aangevuld) changes what it serves as much as a replaced import
    /// of the same format (vervangen). Without If-Match 409 (someone else's stand would be changed unseen), with a stale one 412.
    /// Only a new stand needs none.
    /// </summary>
    private static IResult? Voorwaarde(HttpRequest request, IReadOnlyList<Planning> uitkomsten)
    {
        var vervangen = uitkomsten.Where(u => u.Uitkomst is Vervangen or Aangevuld).ToList();
        if (vervangen.Count == 0) return null;
        var ifMatch = request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count == 0)
        {
            return Probleem(StatusCodes.Status409Conflict, "Conflict: de stand bestaat al",
                $"{string.Join(", ", vervangen.Select(v => v.Stand.Id))} {(vervangen.Count == 1 ? "bestaat" : "bestaan")} al, en de import zou " +
                $"{(vervangen.Count == 1 ? "hem" : "ze")} wijzigen. Noem de huidige etag in If-Match om te wijzigen (zie /standen): " + string.Join(", ", vervangen.Select(v => $"{v.Stand.Id} {v.Etag}")) + ".",
                vervangen);
        }
        if (ifMatch.Any(e => e.Tag == "*")) return null;
        var verouderd = vervangen.Where(v => !ifMatch.Any(e => !e.IsWeak && e.Tag.ToString() == v.Etag)).ToList();
        return verouderd.Count == 0 ? null
            : Probleem(StatusCodes.Status412PreconditionFailed, "Voorwaarde niet vervuld: de stand is intussen gewijzigd",
                "If-Match noemt niet de huidige etag van " + string.Join(", ", verouderd.Select(v => $"{v.Stand.Id} (nu {v.Etag})")) + ". Haal de stand opnieuw op.",
                verouderd);
    }

    private static IResult Probleem(int status, string titel, string detail, IReadOnlyList<Planning> standen)
    {
        var probleem = new ProblemDetails { Status = status, Title = titel, Detail = detail };
        probleem.Extensions["standen"] = standen.Select(s => new Standetag(s.Stand.Id, s.Etag!)).ToList();  // a stand to replace exists: it has an etag
        return TypedResults.Problem(probleem);
    }

    /// <summary>
    /// The file or its database could not be written (a full disk, a folder that is not writable): 507 Insufficient Storage (RFC 4918:
    /// the server cannot store what the request needs), naming the folder, its setting and the reason; nothing changed. The importer
    /// is an authenticated operator: the folder is what they need to have it mended. The exception itself goes to the log only.
    /// </summary>
    private static IResult Opslagfout(ILogger logger, Metingen metingen, Exception fout, string map, string versie, string wat)
    {
        // The folder by its setting, never its path, in the answer (issue 18: no file-system path in a public answer, and an importer's
        // token is no reason to learn the server's layout); the log names the path and the exception.
        logger.LogError(fout, "Import mislukt: {Wat}; map {Map}.", wat, map);
        metingen.ImportAfgehandeld(Metingen.Mislukt);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Type = "https://datatracker.ietf.org/doc/html/rfc4918#section-11.5",
            Title = "Het bestand kon niet worden opgeslagen",
            Detail = $"{wat}: {Opstartfout.Reden(fout, map).Replace(map, "de map", StringComparison.Ordinal)} Er is niets opgeslagen; versie {versie} blijft in gebruik.",
        });
    }

    /// <summary>How long an import waits for another process that is storing an import into the same folder (that takes a second or so).</summary>
    private static readonly TimeSpan Slotwachttijd = TimeSpan.FromSeconds(60);

    /// <summary>Another process held the import folder's lock all that time: nothing is stored, the client may try again.</summary>
    private static IResult Bezet(ILogger logger, Metingen metingen, string map, string versie)
    {
        logger.LogWarning("Import niet opgeslagen: de importmap {Map} bleef {Seconden} s bezet door een ander proces.", map, Slotwachttijd.TotalSeconds);
        metingen.ImportAfgehandeld(Metingen.Mislukt);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
            Title = "De importmap is bezet",
            // The folder is the operator's, in the log; the answer names the setting, never a path on the server.
            Detail = $"Een ander proces slaat al {Slotwachttijd.TotalSeconds:0} seconden een import op in de importmap (instelling {Locaties.ImportMapSleutel}). " +
                     $"Er is niets opgeslagen; versie {versie} blijft in gebruik. Probeer het later opnieuw.",
        });
    }

    private static IResult Weigering(Metingen metingen, string naam, IReadOnlyList<Leesprobleem> problemen)
    {
        metingen.ImportAfgehandeld(Metingen.Afgewezen);
        var probleem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Het bestand is geweigerd",
            Detail = $"{naam} kan niet gelezen worden: {problemen.Count} probleem/problemen; er is niets opgeslagen. " +
                     string.Join(" ", problemen.Take(20).Select(p => $"Regel {p.Regel}, kolom {p.Kolom}: {p.Melding}")) + (problemen.Count > 20 ? " …" : ""),
        };
        probleem.Extensions["problemen"] = problemen.Select(p => new Bestandsprobleem(p.Regel, p.Kolom, p.Melding)).ToList();
        return TypedResults.Problem(probleem);
    }

    private static (Standverwachting? Verwachting, List<OngeldigeParameter> Fouten) Verwachting(ImportQuery query, Catalogus catalogus)
    {
        var fouten = new List<OngeldigeParameter>();
        var fase = Queryregels.Canoniek(query.Fase, Begrotingscodes.Fasen);
        if (query.Fase is not null && fase is null) fouten.Add(new("fase", $"Onbekende fase '{query.Fase}'; toegestaan: {string.Join(", ", Begrotingscodes.Fasen)}."));
        string? hoofdstuk = null;
        if (query.Begroting is not null)
        {
            // A new hoofdstuk may come in with its file: a hoofdstuk code is accepted as it is, a short code must be known.
            hoofdstuk = catalogus.ZoekBegroting(query.Begroting)?.Hoofdstuk ?? (HoofdstukPatroon().IsMatch(query.Begroting) ? query.Begroting : null);
            if (hoofdstuk is null) fouten.Add(new("begroting", $"Onbekende begroting '{query.Begroting}'; geef een code ({string.Join(", ", catalogus.Begrotingen.Select(b => b.Code))}) of een hoofdstuk."));
        }
        if (query.Begrotingsjaar is < 1900 or > 2999) fouten.Add(new("begrotingsjaar", $"'{query.Begrotingsjaar}' is geen begrotingsjaar."));
        var verwachting = hoofdstuk is null && query.Begrotingsjaar is null && fase is null ? null : new Standverwachting(hoofdstuk, query.Begrotingsjaar, fase);
        return (verwachting, fouten);
    }

    /// <summary>The file's name: from the query, else from Content-Disposition, else 'import'; only safe characters (it becomes a file name).</summary>
    private static string? Bestandsnaam(string? gevraagd, HttpRequest request)
    {
        var naam = gevraagd;
        if (naam is null && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var cd))
        {
            naam = (cd.FileNameStar.HasValue ? cd.FileNameStar.Value : cd.FileName.Value)?.Trim('"');
        }
        naam ??= "import.csv";
        return VeiligeNaam().IsMatch(naam) ? naam : null;
    }

    /// <summary>The name of the file's part in a multipart/form-data import (what Swagger UI's file picker and an HTML form send).</summary>
    public const string Bestanddeel = "bestand";

    /// <summary>
    /// The stand file, whole, and the name its part gives: the raw body (text/csv, text/plain, application/octet-stream), or the part
    /// 'bestand' of a multipart/form-data body, so a browser form or Swagger UI's file picker imports the file as it is on disk. Its size
    /// is held to Budget:Import:MaxBytes by the endpoint's limit (413 above it, before it is read). An empty file is an empty body.
    /// </summary>
    private static async Task<(byte[] Inhoud, string? Naam)> LeesBestand(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        if (request.HasFormContentType && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            var formulier = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (formulier.Files.GetFile(Bestanddeel) is not { } deel) return ([], null);
            await deel.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return (buffer.ToArray(), string.IsNullOrEmpty(deel.FileName) ? null : Path.GetFileName(deel.FileName));
        }
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return (buffer.ToArray(), null);
    }

    /// <summary>Who imported: the token's name, else its preferred user name, else its subject.</summary>
    private static string Wie(ClaimsPrincipal gebruiker) =>
        gebruiker.Identity?.Name ?? gebruiker.FindFirst("preferred_username")?.Value ?? gebruiker.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? gebruiker.FindFirst("sub")?.Value ?? "onbekend";

    /// <summary>Temporary file beside the target, written and flushed to disk, then renamed over it: the target is whole or absent.</summary>
    private static void SchrijfDuurzaam(string pad, byte[] inhoud)
    {
        var tijdelijk = pad + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + Standbestandsmappen.Tijdelijk;
        try
        {
            using (var stroom = new FileStream(tijdelijk, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stroom.Write(inhoud);
                stroom.Flush(flushToDisk: true);
            }
            File.Move(tijdelijk, pad, overwrite: true);
        }
        finally
        {
            if (File.Exists(tijdelijk)) File.Delete(tijdelijk);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}\z")]
    private static partial Regex VeiligeNaam();

    [GeneratedRegex(@"^([IVX]+[A-Z]?|[A-Z])\z")]
    private static partial Regex HoofdstukPatroon();
}
