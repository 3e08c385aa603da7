using System.Text;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using FluentAssertions;
using Xunit;

namespace BudgetApi.Tests.Laden;

/// <summary>
/// The import folder as several instances share it: the data version counts exactly the imports the loader reads, and the
/// clean-up at start never takes the files another process is storing under the import lock.
/// </summary>
public sealed class ImportmapTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private readonly string _data;
    private readonly string _import;

    public ImportmapTests()
    {
        _data = _map["data"];
        _import = _map["import"];
        Directory.CreateDirectory(_data);
        Directory.CreateDirectory(_import);
        File.WriteAllText(Path.Combine(_data, "begrotingen.csv"), "begroting\n");
    }

    public void Dispose() => _map.Dispose();

    private void Importeer(string naam, string inhoud, long volgnummer)
    {
        File.WriteAllText(Path.Combine(_import, naam + Standbestandsmappen.Importsuffix),
            $$"""{"geimporteerdOp":"2026-11-30T10:00:00+00:00","geimporteerdDoor":"analist","volgnummer":{{volgnummer}}}""");
        File.WriteAllText(Path.Combine(_import, naam), inhoud);
    }

    [Fact]
    public void Wat_de_lader_niet_leest_verandert_de_versie_niet()
    {
        Importeer("import-1.csv", "a;b\n", 1);
        var versie = Gegevensversie.Bereken(_data, _import);

        File.WriteAllText(Path.Combine(_import, "notities.txt"), "geen standbestand");
        File.WriteAllText(Path.Combine(_import, "los.csv"), "een bestand zonder zijbestand is geen import");
        File.WriteAllText(Path.Combine(_import, "bezig.csv" + Standbestandsmappen.Importsuffix), """{"geimporteerdOp":"2026-11-30T10:00:00+00:00","geimporteerdDoor":"x","volgnummer":2}""");
        File.WriteAllText(Path.Combine(_import, "bezig.csv.0123" + Standbestandsmappen.Tijdelijk), "half");
        File.WriteAllText(Path.Combine(_data, "x.csv.0123" + Standbestandsmappen.Tijdelijk), "half");
        using (Standbestandsmappen.Slot(_import, TimeSpan.Zero)) { }

        Gegevensversie.Bereken(_data, _import).Should().Be(versie, "none of these files is loaded");

        File.WriteAllText(Path.Combine(_import, "bezig.csv"), "c;d\n");
        Gegevensversie.Bereken(_data, _import).Should().NotBe(versie, "with its stand file in place the import is made");
    }

    [Fact]
    public void De_versie_van_een_import_voor_het_opslaan_is_die_na_het_opslaan_ook_als_hij_een_bestand_vervangt()
    {
        Importeer("import-1.csv", "oud\n", 1);
        var zijbestand = Encoding.UTF8.GetBytes("""{"geimporteerdOp":"2026-11-30T11:00:00+00:00","geimporteerdDoor":"analist","volgnummer":2}""");
        var nieuw = Encoding.UTF8.GetBytes("nieuw\n");

        var vooraf = Gegevensversie.Bereken(_data, _import, [("import-1.csv", nieuw), ("import-1.csv" + Standbestandsmappen.Importsuffix, zijbestand)]);
        File.WriteAllBytes(Path.Combine(_import, "import-1.csv" + Standbestandsmappen.Importsuffix), zijbestand);
        File.WriteAllBytes(Path.Combine(_import, "import-1.csv"), nieuw);

        Gegevensversie.Bereken(_data, _import).Should().Be(vooraf, "a restart after the import computes the version the import built");
    }

    [Fact]
    public void Het_opruimen_laat_staan_wat_een_ander_proces_onder_het_slot_opslaat()
    {
        var zijbestand = Path.Combine(_import, "bezig.csv" + Standbestandsmappen.Importsuffix);
        var half = Path.Combine(_import, "bezig.csv.0123" + Standbestandsmappen.Tijdelijk);
        File.WriteAllText(zijbestand, """{"geimporteerdOp":"2026-11-30T10:00:00+00:00","geimporteerdDoor":"x","volgnummer":1}""");
        File.WriteAllText(half, "half");

        using (var slot = Standbestandsmappen.Slot(_import, TimeSpan.Zero))
        {
            slot.Should().NotBeNull();
            Standbestandsmappen.Slot(_import, TimeSpan.FromMilliseconds(100)).Should().BeNull("the lock is held");
            Standbestandsmappen.RuimOp(_import);
            File.Exists(zijbestand).Should().BeTrue("an import being stored is no leftover");
            File.Exists(half).Should().BeTrue();
        }

        // Released (as a crashed process's lock is by the kernel): now they are leftovers of an import that was never made.
        Standbestandsmappen.RuimOp(_import);
        File.Exists(zijbestand).Should().BeFalse();
        File.Exists(half).Should().BeFalse();
    }
}
