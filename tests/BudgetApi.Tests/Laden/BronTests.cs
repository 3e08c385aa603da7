using System.Globalization;
using System.Text.RegularExpressions;
using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;

namespace BudgetApi.Tests.Laden;

/// <summary>
/// Every figure in data/ stands on the line of the source it cites: the provenance is checked, not trusted.
/// The source is ../shared/source/introductiedossier-jenv-2026.txt beside the checkout.
/// </summary>
public sealed partial class BronTests
{
    private static readonly string[] Bron = File.ReadAllLines(Repo.Bestand("../shared/source/introductiedossier-jenv-2026.txt"));

    private static readonly string[] Jaren = ["2026", "2027", "2028", "2029", "2030"];

    private static string Regel(string nummer) => Bron[int.Parse(nummer, CultureInfo.InvariantCulture) - 1];

    /// <summary>8843848 as the source prints it: 8.843.848.</summary>
    private static string Gedrukt(string geheel) =>
        long.Parse(geheel, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static List<Dictionary<string, string>> Lees(string bestand)
    {
        using var csv = new CsvReader(new StreamReader(Path.Combine(Repo.DataMap, bestand)), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rijen = new List<Dictionary<string, string>>();
        while (csv.Read()) rijen.Add(csv.HeaderRecord!.ToDictionary(k => k, k => csv.GetField(k)!));
        return rijen;
    }

    [GeneratedRegex(@"\d{1,3}(?:\.\d{3})*")]
    private static partial Regex GedruktGetal();

    [Theory]
    [InlineData(Lader.Artikelen)]
    [InlineData(Lader.Waarvanregels)]
    [InlineData(Lader.GedrukteTotalen)]
    public void Elke_tabelregel_staat_met_al_zijn_bedragen_op_de_geciteerde_regel(string bestand)
    {
        foreach (var rij in Lees(bestand))
        {
            var regel = Regel(rij["bron_regel"]);
            var verwacht = Jaren.Where(j => rij[j].Length > 0).Select(j => Gedrukt(rij[j])).ToList();
            var gedrukt = GedruktGetal().Matches(regel).Select(m => m.Value).ToList();
            gedrukt.TakeLast(verwacht.Count).Should().Equal(verwacht, $"{bestand} cites line {rij["bron_regel"]}: {regel.Trim()}");
            var omschrijving = bestand == Lader.GedrukteTotalen ? rij["totaal"] : rij["omschrijving"];
            regel.Should().Contain(omschrijving);
        }
    }

    [Fact]
    public void De_lijst_en_de_tabel_bezetting_staan_op_hun_regels()
    {
        foreach (var rij in Lees(Lader.UitgavenbegrotingJenV))
        {
            Regel(rij["bron_regel"]).Should().Contain(rij["omschrijving"]).And.Contain("€ " + Gedrukt(rij["bedrag"]));
        }
        foreach (var rij in Lees(Lader.Bezetting))
        {
            // The figures follow the organisation as printed ("Politie (budget artikel 31)" carries a number of its own).
            var gedrukt = GedruktGetal().Matches(Regel(rij["bron_regel"])[rij["organisatie_zoals_gedrukt"].Length..]).Select(m => m.Value).ToList();
            var verwacht = new[] { rij["bezetting_fte"], rij["budget_miljoen"] }.Where(v => v.Length > 0).Select(Gedrukt).ToList();
            gedrukt.Should().Equal(verwacht, Regel(rij["bron_regel"]));
            Regel(rij["bron_regel"]).Should().StartWith(rij["organisatie_zoals_gedrukt"]);
        }
    }

    [Fact]
    public void Elk_organisatiefeit_staat_zoals_gedrukt_op_de_geciteerde_regel()
    {
        var feiten = Lees(Lader.Organisatiefeiten);
        feiten.Should().NotBeEmpty();
        foreach (var feit in feiten)
        {
            var regel = Regel(feit["bron_regel"]);
            // The figure's digits as printed (a figure may be written "€ 9,2 miljard" while the line says "€ 9,2 miljard.").
            foreach (var getal in Regex.Matches(feit["zoals_gedrukt"], @"\d[\d.,]*\d|\d").Select(m => m.Value))
            {
                regel.Should().Contain(getal, $"{feit["organisatie"]} '{feit["omschrijving"]}' cites line {feit["bron_regel"]}");
            }
            if (feit["kwalificatie"].Length > 0)
            {
                // A qualifier can end the previous line of the PDF text ("ca." at the end, the figure on the next line).
                var context = Regel((int.Parse(feit["bron_regel"], CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture)) + " " + regel;
                context.Should().ContainEquivalentOf(feit["kwalificatie"], $"line {feit["bron_regel"]}");
            }
        }
    }
}
