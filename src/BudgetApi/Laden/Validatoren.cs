using FluentValidation;

namespace BudgetApi.Laden;

/// <summary>What the earlier files of a load established, so later rows can be checked against it.</summary>
public sealed class Laadcontext
{
    /// <summary>The registry: a begroting's code (JenV) → its hoofdstuk (VI).</summary>
    public Dictionary<string, string> Hoofdstukken { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (int VanJaar, int TotJaar)> Begrotingen { get; } = new(StringComparer.Ordinal);
    public HashSet<(string Begroting, string Soort, string Artikel)> Artikelen { get; } = [];
    public HashSet<(string Begroting, string Soort, string Artikel, string Waarvan)> Waarvanregels { get; } = [];
    public HashSet<string> Organisaties { get; } = new(StringComparer.Ordinal);

    /// <summary>A reference to a budget line, written 'Begroting:soort:artikel' or 'Begroting:soort:artikel:waarvan'.</summary>
    public bool BestaatRegel(string verwijzing) => Regelverwijzing.Lees(verwijzing) switch
    {
        null => false,
        { Waarvan: null } v => Artikelen.Contains((v.Begroting, v.Soort, v.Artikel)),
        var v => Waarvanregels.Contains((v.Begroting, v.Soort, v.Artikel, v.Waarvan)),
    };
}

public sealed record Regelverwijzing(string Begroting, string Soort, string Artikel, string? Waarvan)
{
    public static Regelverwijzing? Lees(string tekst)
    {
        var delen = tekst.Split(':', 4);
        return delen.Length switch
        {
            3 => new Regelverwijzing(delen[0], delen[1], delen[2], null),
            4 => new Regelverwijzing(delen[0], delen[1], delen[2], delen[3]),
            _ => null,
        };
    }
}

/// <summary>
/// Rules for one row of a data file. Each rule names its column, so a failure becomes file:line:column.
/// Cross-row rules (duplicate keys) get the line where a key was first seen, computed before validation.
/// </summary>
public abstract class RijValidator : AbstractValidator<RuweRij>
{
    protected RijValidator()
    {
        // Report every problem of a row, not only the first.
        ClassLevelCascadeMode = CascadeMode.Continue;
        RuleLevelCascadeMode = CascadeMode.Stop;
    }

    protected void Verplicht(string kolom) =>
        RuleFor(r => r[kolom]).NotEmpty().OverridePropertyName(kolom).WithMessage($"kolom '{kolom}' is verplicht en is leeg");

    protected void EenVan(string kolom, IReadOnlyList<string> toegestaan, bool verplicht = true) =>
        RuleFor(r => r[kolom]).Must(v => (!verplicht && v.Length == 0) || toegestaan.Contains(v)).OverridePropertyName(kolom)
            .WithMessage((_, v) => $"kolom '{kolom}': onbekende waarde '{v}'; toegestaan: {string.Join(", ", toegestaan)}");

    protected void GeheelGetal(string kolom, bool verplicht) =>
        RuleFor(r => r[kolom]).Must(v => (!verplicht && v.Length == 0) || Velden.IsGeheelGetal(v)).OverridePropertyName(kolom)
            .WithMessage((_, v) => v.Length == 0 ? $"kolom '{kolom}' is verplicht en is leeg" : $"kolom '{kolom}': '{v}' is geen geheel getal (schrijf 8843848, zonder punten)");

    protected void BronRegel() => GeheelGetal("bron_regel", verplicht: true);

    /// <summary>Each year column holds a whole number of thousands of euros or is blank (blank is null, never 0), and lies within the begroting's years.</summary>
    protected void Jaarbedragen(Laadcontext context)
    {
        RuleFor(r => r).Custom((rij, ctx) =>
        {
            foreach (var jaar in Velden.JaarKolommen(rij.Kolommen))
            {
                var kolom = jaar.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var waarde = rij[kolom];
                if (waarde.Length == 0) continue;
                if (!Velden.IsGeheelGetal(waarde))
                {
                    ctx.AddFailure(kolom, $"kolom '{kolom}': '{waarde}' is geen geheel bedrag in duizenden euro's (schrijf 8843848, zonder punten of decimalen)");
                }
                else if (context.Begrotingen.TryGetValue(rij["begroting"], out var jaren) && (jaar < jaren.VanJaar || jaar > jaren.TotJaar))
                {
                    ctx.AddFailure(kolom, $"kolom '{kolom}': het jaar {jaar} ligt buiten de jaren van begroting {rij["begroting"]} ({jaren.VanJaar}-{jaren.TotJaar})");
                }
            }
        });
    }

    protected void BestaandeBegroting(Laadcontext context) =>
        RuleFor(r => r["begroting"]).Must(context.Begrotingen.ContainsKey).OverridePropertyName("begroting")
            .WithMessage((_, v) => $"kolom 'begroting': onbekende begroting '{v}'; bekend: {string.Join(", ", context.Begrotingen.Keys)}");

    protected void UniekeSleutel(IReadOnlyDictionary<string, int> eersteRegel, Func<RuweRij, string> sleutel, string kolom, string omschrijving) =>
        RuleFor(r => r).Must(r => !eersteRegel.TryGetValue(sleutel(r), out var eerste) || eerste == r.Regel).OverridePropertyName(kolom)
            .WithMessage(r => $"dubbele sleutel: {omschrijving} '{sleutel(r).Replace('\u001f', '/')}' staat al op regel {eersteRegel[sleutel(r)]}");

    protected void Regelverwijzing(string kolom, Laadcontext context) =>
        RuleFor(r => r[kolom]).Must(v => v.Length == 0 || context.BestaatRegel(v)).OverridePropertyName(kolom)
            .WithMessage((_, v) => $"kolom '{kolom}': '{v}' verwijst niet naar een bestaande artikel- of waarvanregel (vorm: Begroting:soort:artikel[:waarvan])");

    public static string Sleutel(params string[] delen) => string.Join('\u001f', delen);
}

public sealed partial class HoofdstukValidator : RijValidator
{
    public static readonly IReadOnlyList<string> Soorten = ["begroting", "fonds"];

    public HoofdstukValidator(IReadOnlyDictionary<string, int> eersteRegel)
    {
        // Roman numerals with an optional letter (IIA, IXB) for begrotingen, one letter for the funds (A, B, J).
        RuleFor(r => r["hoofdstuk"]).Must(h => HoofdstukPatroon().IsMatch(h)).OverridePropertyName("hoofdstuk")
            .WithMessage((_, h) => $"kolom 'hoofdstuk': '{h}' is geen hoofdstuk (romeins cijfer met eventueel een letter, zoals VI of IXB, of één letter voor een fonds)");
        Verplicht("code");
        Verplicht("naam");
        EenVan("soort", Soorten);
        UniekeSleutel(eersteRegel, r => r["hoofdstuk"], "hoofdstuk", "hoofdstuk");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([IVX]+[A-Z]?|[A-Z])\z")]
    private static partial System.Text.RegularExpressions.Regex HoofdstukPatroon();
}

public sealed class BegrotingValidator : RijValidator
{
    public BegrotingValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        RuleFor(r => r["begroting"]).Must(context.Hoofdstukken.ContainsKey).OverridePropertyName("begroting")
            .WithMessage((_, b) => $"kolom 'begroting': '{b}' is geen code uit hoofdstukken.csv");
        Verplicht("naam");
        RuleFor(r => r["begrotingsjaar"]).Must(Velden.IsJaar).OverridePropertyName("begrotingsjaar").WithMessage((_, v) => $"kolom 'begrotingsjaar': '{v}' is geen jaartal");
        EenVan("fase", Domein.Begrotingscodes.Fasen);
        EenVan("eenheid", [Codes.EenheidBegroting]);
        RuleFor(r => r["van_jaar"]).Must(Velden.IsJaar).OverridePropertyName("van_jaar").WithMessage((_, v) => $"kolom 'van_jaar': '{v}' is geen jaartal");
        RuleFor(r => r["tot_jaar"]).Must(Velden.IsJaar).OverridePropertyName("tot_jaar").WithMessage((_, v) => $"kolom 'tot_jaar': '{v}' is geen jaartal");
        RuleFor(r => r).Must(r => string.CompareOrdinal(r["van_jaar"], r["tot_jaar"]) <= 0).OverridePropertyName("tot_jaar")
            .When(r => Velden.IsJaar(r["van_jaar"]) && Velden.IsJaar(r["tot_jaar"]))
            .WithMessage(r => $"kolom 'tot_jaar': {r["tot_jaar"]} ligt voor van_jaar {r["van_jaar"]}");
        BronRegel();
        UniekeSleutel(eersteRegel, r => r["begroting"], "begroting", "begroting");
    }
}

public sealed class ArtikelValidator : RijValidator
{
    public ArtikelValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        BestaandeBegroting(context);
        EenVan("soort", Codes.Soorten);
        GeheelGetal("artikel", verplicht: true);
        Verplicht("omschrijving");
        EenVan("categorie", Codes.Categorieen);
        Jaarbedragen(context);
        Verplicht("bron_tabel");
        BronRegel();
        UniekeSleutel(eersteRegel, r => Sleutel(r["begroting"], r["soort"], r["artikel"]), "artikel", "artikel");
    }
}

public sealed class WaarvanregelValidator : RijValidator
{
    public WaarvanregelValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        BestaandeBegroting(context);
        EenVan("soort", Codes.Soorten);
        RuleFor(r => r["artikel"]).Must((r, a) => context.Artikelen.Contains((r["begroting"], r["soort"], a))).OverridePropertyName("artikel")
            .WithMessage(r => $"kolom 'artikel': de waarvanregel verwijst naar artikel {r["artikel"]}, dat niet bestaat in {r["begroting"]} {r["soort"]}");
        Verplicht("omschrijving");
        Jaarbedragen(context);
        Verplicht("bron_tabel");
        BronRegel();
        UniekeSleutel(eersteRegel, r => Sleutel(r["begroting"], r["soort"], r["artikel"], r["omschrijving"]), "omschrijving", "waarvanregel");
    }
}

public sealed class GedruktTotaalValidator : RijValidator
{
    public GedruktTotaalValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        BestaandeBegroting(context);
        EenVan("soort", Codes.Soorten);
        EenVan("totaal", Codes.GedrukteTotalen);
        Jaarbedragen(context);
        Verplicht("bron_tabel");
        BronRegel();
        UniekeSleutel(eersteRegel, r => Sleutel(r["begroting"], r["soort"], r["totaal"]), "totaal", "gedrukt totaal");
    }
}

public sealed class UitgavenbegrotingValidator : RijValidator
{
    public UitgavenbegrotingValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        Verplicht("omschrijving");
        GeheelGetal("bedrag", verplicht: true);
        RuleFor(r => r["artikel"]).Must(a => a.Length == 0 || context.Artikelen.Contains(("JenV", "uitgaven", a))).OverridePropertyName("artikel")
            .WithMessage((_, a) => $"kolom 'artikel': artikel {a} bestaat niet in JenV uitgaven");
        BronRegel();
        UniekeSleutel(eersteRegel, r => r["omschrijving"], "omschrijving", "omschrijving");
    }
}

public sealed class OrganisatieValidator : RijValidator
{
    public OrganisatieValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        Verplicht("code");
        Verplicht("naam");
        EenVan("soort", Codes.OrganisatieSoorten);
        RuleFor(r => r["onderdeel_van"]).Must((r, o) => o.Length == 0 || (context.Organisaties.Contains(o) && o != r["code"])).OverridePropertyName("onderdeel_van")
            .WithMessage((_, o) => $"kolom 'onderdeel_van': '{o}' is geen andere geregistreerde organisatie");
        BronRegel();
        UniekeSleutel(eersteRegel, r => r["code"], "code", "organisatiecode");
    }
}

public sealed class OrganisatiefeitValidator : RijValidator
{
    public OrganisatiefeitValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        RuleFor(r => r["organisatie"]).Must(context.Organisaties.Contains).OverridePropertyName("organisatie")
            .WithMessage((_, o) => $"kolom 'organisatie': '{o}' staat niet in organisaties.csv");
        EenVan("meting", Codes.Metingen);
        Verplicht("omschrijving");
        EenVan("reikwijdte", Codes.Reikwijdten, verplicht: false);
        RuleFor(r => r["jaar"]).Must(j => j.Length == 0 || Velden.IsJaar(j)).OverridePropertyName("jaar")
            .WithMessage((_, j) => $"kolom 'jaar': '{j}' is geen jaartal");
        RuleFor(r => r["peildatum"]).Must(d => d.Length == 0 || Velden.IsDatum(d)).OverridePropertyName("peildatum")
            .WithMessage((_, d) => $"kolom 'peildatum': '{d}' is geen datum (JJJJ-MM-DD)");
        RuleFor(r => r["waarde"]).Must(Velden.IsDecimaal).OverridePropertyName("waarde")
            .WithMessage((_, w) => w.Length == 0 ? "kolom 'waarde' is verplicht en is leeg" : $"kolom 'waarde': '{w}' is geen getal (decimaalpunt, zonder duizendtallen)");
        Verplicht("zoals_gedrukt");
        EenVan("eenheid", Codes.Eenheden);
        RuleFor(r => r).Must(r => Codes.EenhedenPerMeting[r["meting"]].Contains(r["eenheid"])).OverridePropertyName("eenheid")
            .When(r => Codes.Metingen.Contains(r["meting"]) && Codes.Eenheden.Contains(r["eenheid"]))
            .WithMessage(r => $"kolom 'eenheid': {r["meting"]} wordt uitgedrukt in {string.Join(" of ", Codes.EenhedenPerMeting[r["meting"]])}, niet in '{r["eenheid"]}'");
        // The value is the printed number, read in Dutch notation; a number whose notation is impossible may only hold one of
        // its readings (the one the document supports, data/README.md), so a misread can never be loaded unnoticed.
        RuleFor(r => r).Custom((r, ctx) =>
        {
            if (!Velden.IsDecimaal(r["waarde"]) || !Codes.Eenheden.Contains(r["eenheid"]) || r["zoals_gedrukt"].Length == 0) return;
            if (Bevindingen.GedruktGetal.Eerste(r["zoals_gedrukt"]) is not { } gedrukt)
            {
                ctx.AddFailure("zoals_gedrukt", $"kolom 'zoals_gedrukt': '{r["zoals_gedrukt"]}' bevat geen getal");
                return;
            }
            var factor = Bevindingen.GedruktGetal.Factor(r["zoals_gedrukt"], Codes.IsTelEenheid(r["eenheid"]));
            var waarde = Velden.Decimaal(r["waarde"]);
            var lezingen = gedrukt.Lezingen.Select(l => l.Waarde * factor).ToList();
            if (lezingen.Contains(waarde)) return;
            ctx.AddFailure("waarde", gedrukt.IsGeldig
                ? $"kolom 'waarde': {r["waarde"]} is niet het gedrukte getal '{gedrukt.Tekst}' ({lezingen[0].ToString(System.Globalization.CultureInfo.InvariantCulture)})"
                : $"kolom 'waarde': '{gedrukt.Tekst}' is geen geldig Nederlands getal; de waarde moet een van de lezingen zijn: {string.Join(", ", lezingen.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)))}");
        });
        RuleFor(r => r["deel_van"]).Must(d => d.Length == 0).When(r => r["tabel"].Length == 0).OverridePropertyName("deel_van")
            .WithMessage("kolom 'deel_van': alleen een regel in een tabel kan deel zijn van een andere regel");
        Regelverwijzing("komt_overeen_met", context);
        RuleFor(r => r["volgt"]).Must(v => v.Length == 0 || Volgt(v).All(context.BestaatRegel)).OverridePropertyName("volgt")
            .WithMessage((_, v) => $"kolom 'volgt': '{v}' noemt een regel die niet bestaat (vorm: Begroting:soort:artikel[:waarvan], meerdere gescheiden door ' + ')");
        Verplicht("bron_sectie");
        BronRegel();
        UniekeSleutel(eersteRegel, r => Sleutel(r["organisatie"], r["meting"], r["omschrijving"], r["jaar"], r["peildatum"]), "omschrijving", "organisatiefeit");
    }

    /// <summary>The budget lines a series is compared with, written 'JenV:ontvangsten:32 + JenV:ontvangsten:33'.</summary>
    public static IReadOnlyList<string> Volgt(string tekst) =>
        tekst.Length == 0 ? [] : tekst.Split(" + ", StringSplitOptions.TrimEntries).ToList();
}

public sealed class BezettingValidator : RijValidator
{
    public BezettingValidator(Laadcontext context, IReadOnlyDictionary<string, int> eersteRegel)
    {
        Verplicht("organisatie_zoals_gedrukt");
        RuleFor(r => r["organisatie"]).Must(o => o.Length == 0 || context.Organisaties.Contains(o)).OverridePropertyName("organisatie")
            .WithMessage((_, o) => $"kolom 'organisatie': '{o}' staat niet in organisaties.csv");
        GeheelGetal("bezetting_fte", verplicht: false);
        GeheelGetal("budget_miljoen", verplicht: false);
        EenVan("budget_reikwijdte", Codes.Reikwijdten, verplicht: false);
        Regelverwijzing("komt_overeen_met", context);
        BronRegel();
        UniekeSleutel(eersteRegel, r => r["organisatie_zoals_gedrukt"], "organisatie_zoals_gedrukt", "organisatie");
    }
}
