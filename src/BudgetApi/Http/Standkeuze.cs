using System.Globalization;
using BudgetApi.Domein;
using BudgetApi.Opslag;
using FluentValidation;

namespace BudgetApi.Http;

/// <summary>The standen a request is about, or what is wrong with its begroting, begrotingsjaar and fase.</summary>
public sealed record Standkeuze(IReadOnlyList<Stand> Standen, IReadOnlyList<OngeldigeParameter> Fouten)
{
    public bool IsGeldig => Fouten.Count == 0;

    /// <summary>metadata.stand: the standen's labels ("ontwerpbegroting 2026"), each once.</summary>
    public string Label => string.Join("; ", Standen.Select(s => s.Label).Distinct());

    /// <summary>metadata.bron: the source files of the standen, each once.</summary>
    public string Bron => string.Join("; ", Standen.SelectMany(s => s.Bronnen).Select(b => b.Naam).Distinct());
}

/// <summary>
/// The one rule for which stand a request means, for every resource (docs/standen.md):
/// <list type="bullet">
/// <item>one begroting: its latest begrotingsjaar unless <c>begrotingsjaar</c> names one, and its latest fase in that year unless
/// <c>fase</c> names one;</item>
/// <item>several begrotingen: the latest begrotingsjaar they all have, each in its latest fase (or the fase named);</item>
/// <item>no begroting: every begroting with a stand in the latest begrotingsjaar of the data (or the one named), so a question
/// without parameters is about the newest standen, as before the open data (JenV and AenM, ontwerpbegroting 2026).</item>
/// </list>
/// A value that does not exist is a 400 that names the parameter and lists what the data has.
/// </summary>
public static class Standkeuzes
{
    public static Standkeuze Een(Catalogus catalogus, Begroting begroting, int? begrotingsjaar, string? fase) => Meer(catalogus, [begroting], begrotingsjaar, fase);

    /// <summary>
    /// A fase asked over every begrotingsjaar (/verloop and its table): the message naming the fasen the begroting has when it has
    /// none in that fase in any year; null when it has, or when the fase is not a known code (that is BekendeWaarde's 400).
    /// </summary>
    public static string? FaseFout(Catalogus catalogus, Begroting begroting, string? fase)
    {
        if (Queryregels.Canoniek(fase, Begrotingscodes.Fasen) is not { } code) return null;
        var fasen = catalogus.StandenVan(begroting).Select(s => s.Fase).Distinct().ToList();
        return fasen.Contains(code) ? null : $"Begroting {begroting.Code} heeft geen stand met fase {code}; beschikbaar: {string.Join(", ", fasen)}.";
    }

    public static Standkeuze Meer(Catalogus catalogus, IReadOnlyList<Begroting> begrotingen, int? begrotingsjaar, string? fase)
    {
        var fouten = new List<OngeldigeParameter>();
        fase = Queryregels.Canoniek(fase, Begrotingscodes.Fasen) ?? fase;
        if (fase is not null && !Begrotingscodes.Fasen.Contains(fase))
        {
            return new Standkeuze([], [new("fase", $"Onbekende fase '{fase}'; toegestaan: {string.Join(", ", Begrotingscodes.Fasen)}.")]);
        }
        foreach (var leeg in begrotingen.Where(b => !catalogus.StandenVan(b).Any()))
        {
            fouten.Add(new("begroting", $"Begroting {Naam(leeg)} heeft geen standen in de data; toegestaan: {string.Join(", ", catalogus.BegrotingenMetStanden.Select(b => b.Code))}."));
        }
        if (fouten.Count > 0) return new Standkeuze([], fouten);

        var alle = begrotingen.Count == 0;
        var kandidaten = alle ? catalogus.BegrotingenMetStanden.ToList() : begrotingen.Distinct().ToList();
        var jaar = begrotingsjaar ?? Standaardjaar(catalogus, kandidaten, alle, fase, fouten);
        if (jaar is null) return new Standkeuze([], fouten);

        var standen = new List<Stand>();
        foreach (var begroting in kandidaten)
        {
            var jaren = catalogus.Begrotingsjaren(begroting);
            if (!jaren.Contains(jaar.Value))
            {
                if (!alle) fouten.Add(new("begrotingsjaar", $"Begroting {Naam(begroting)} heeft geen stand in begrotingsjaar {jaar}; beschikbaar: {string.Join(", ", jaren)}."));
                continue;
            }
            var stand = catalogus.Standaardstand(begroting, jaar, fase);
            if (stand is null)
            {
                if (!alle) fouten.Add(new("fase", $"Begroting {Naam(begroting)} heeft in begrotingsjaar {jaar} geen stand '{fase}'; beschikbaar: {string.Join(", ", catalogus.Fasen(begroting, jaar.Value))}."));
                continue;
            }
            standen.Add(stand);
        }
        if (alle && standen.Count == 0)
        {
            var jaren = catalogus.Standen.Where(s => fase is null || s.Fase == fase).Select(s => s.Begrotingsjaar).Distinct().Order();
            fouten.Add(fase is null
                ? new("begrotingsjaar", $"Geen begroting heeft een stand in begrotingsjaar {jaar}; beschikbaar: {string.Join(", ", jaren)}.")
                : new("fase", $"Geen begroting heeft in begrotingsjaar {jaar} een stand '{fase}'; begrotingsjaren met die fase: {string.Join(", ", jaren)}."));
        }
        return new Standkeuze(fouten.Count == 0 ? standen : [], fouten);
    }

    /// <summary>The latest begrotingsjaar every asked begroting has (with the fase, where one is asked); for no begroting, the data's latest.</summary>
    private static int? Standaardjaar(Catalogus catalogus, IReadOnlyList<Begroting> begrotingen, bool alle, string? fase, List<OngeldigeParameter> fouten)
    {
        IEnumerable<int> JarenVan(Begroting b) => catalogus.StandenVan(b).Where(s => fase is null || s.Fase == fase).Select(s => s.Begrotingsjaar);
        var jaren = alle
            ? begrotingen.SelectMany(JarenVan).ToHashSet()
            : begrotingen.Skip(1).Aggregate(JarenVan(begrotingen[0]).ToHashSet(), (gemeen, b) => { gemeen.IntersectWith(JarenVan(b)); return gemeen; });
        if (jaren.Count > 0) return jaren.Max();
        fouten.Add(alle || begrotingen.Count == 1
            ? new("fase", $"Er is geen stand '{fase}'{(alle ? "" : " van begroting " + Naam(begrotingen[0]))} in de data.")
            : new("begrotingsjaar", $"De begrotingen {string.Join(", ", begrotingen.Select(b => b.Code))} hebben geen begrotingsjaar{(fase is null ? "" : " met fase " + fase)} gemeen; " +
                                    "vraag ze apart of kies een begrotingsjaar."));
        return null;
    }

    private static string Naam(Begroting b) => b.Code == b.Hoofdstuk ? b.Code : $"{b.Code} ({b.Hoofdstuk})";

    /// <summary>Adds the stand choice's problems to a validator, once the begrotingen are known to exist.</summary>
    public static void VoegFoutenToe<T>(ValidationContext<T> context, Standkeuze keuze)
    {
        foreach (var fout in keuze.Fouten) context.AddFailure(fout.Name, fout.Reason);
    }

    /// <summary>The years a choice of standen covers: what jaar, vanJaar and totJaar may be.</summary>
    public static (int Van, int Tot)? Jaren(IReadOnlyList<Stand> standen)
    {
        var metJaren = standen.Where(s => s.VanJaar is not null && s.TotJaar is not null).ToList();
        return metJaren.Count == 0 ? null : (metJaren.Min(s => s.VanJaar!.Value), metJaren.Max(s => s.TotJaar!.Value));
    }

    /// <summary>A year parameter checked against the years of the chosen standen.</summary>
    public static string? JaarFout(int? jaar, string parameter, IReadOnlyList<Stand> standen)
    {
        if (jaar is null) return null;
        var jaren = Jaren(standen);
        if (jaren is { } j && jaar >= j.Van && jaar <= j.Tot) return null;
        var wat = string.Join("; ", standen.Select(s => $"{s.Begroting.Code} {s.Label}"));
        return jaren is { } r
            ? $"Het jaar {jaar} voor {parameter} ligt buiten de data van {wat}; toegestaan: {r.Van.ToString(CultureInfo.InvariantCulture)} tot en met {r.Tot.ToString(CultureInfo.InvariantCulture)}."
            : $"{wat} heeft geen bedragen.";
    }

    /// <summary>
    /// A soort that none of the chosen standen has a line of (verplichtingen of a document stand: the document prints no verplichtingen)
    /// is a 400 naming soort and the standen that do have it, never an empty 200 that looks like "nothing". saldo needs uitgaven or ontvangsten.
    /// </summary>
    public static string? SoortFout(Catalogus catalogus, string? soort, IReadOnlyList<Stand> standen)
    {
        var canoniek = Queryregels.Canoniek(soort, Queryregels.Soorten);
        if (canoniek is null || standen.Count == 0 || standen.Any(s => catalogus.HeeftSoort(s, canoniek))) return null;
        var wat = string.Join("; ", standen.Select(s => $"{s.Begroting.Code} {s.Label}"));
        var wel = catalogus.Standen.Where(s => standen.Any(g => g.Begroting == s.Begroting) && catalogus.HeeftSoort(s, canoniek))
            .Select(s => s.Begrotingsjaar).Distinct().Order().ToList();
        return $"{wat} heeft geen {canoniek}" + (wel.Count == 0
            ? $"; geen stand van deze begroting(en) heeft {canoniek}."
            : $"; {canoniek} staan in de standen van begrotingsjaar {string.Join(", ", wel.Select(j => j.ToString(CultureInfo.InvariantCulture)))} (kies begrotingsjaar).");
    }
}
