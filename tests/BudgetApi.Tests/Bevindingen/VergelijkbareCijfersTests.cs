using BudgetApi.Bevindingen;
using BudgetApi.Domein;
using BudgetApi.Opslag;

namespace BudgetApi.Tests.Bevindingen;

/// <summary>
/// The rule that decides which two money figures of an organisation are compared (Tegenstrijdigheden): like with like, the same
/// financing basis. Planted figures, so that each side of the rule is seen to decide; the DJI case on the real data is in
/// BevindingenTests.
/// </summary>
public sealed class VergelijkbareCijfersTests
{
    private static OrganisatiefeitRegel Geld(string meting, string omschrijving, decimal waarde, int regel, string? reikwijdte = null, string? tabel = null,
        string? deelVan = null, string? kwalificatie = null, int jaar = 2024) =>
        new("ORG", meting, omschrijving, reikwijdte, jaar, null, waarde, $"€ {waarde} miljard", "€ miljard", kwalificatie, tabel, deelVan, null, null,
            Organisatiecijfers.HerkomstTekst, "sectie", regel);

    private static List<Bevinding> Vind(params OrganisatiefeitRegel[] cijfers) => Tegenstrijdigheden.Vind(new Documentgegevens
    {
        Cijfers = cijfers, Regels = [], Aansluitingen = [], Totalen = [], Uitgavenbegroting = [], Bezettingstabel = [], Begrotingsjaar = 2026,
    }).ToList();

    private static readonly OrganisatiefeitRegel Bijdrage = Geld("bijdrage", "Budget van het DG bestemd voor ORG", 3.3m, 10, kwalificatie: "ca.");
    private static readonly OrganisatiefeitRegel Geheel = Geld("budget", "begroting ORG", 3.7m, 50, tabel: "begroting-org");
    private static readonly OrganisatiefeitRegel DeelMinisterie = Geld("budget", "waarvan vanuit het ministerie", 3.6m, 50, Tegenstrijdigheden.DoorHetMinisterie, "begroting-org", "begroting ORG");
    private static readonly OrganisatiefeitRegel DeelDerden = Geld("budget", "waarvan door derden", 0.1m, 51, Tegenstrijdigheden.DoorDerden, "begroting-org", "begroting ORG");

    [Fact]
    public void Geld_van_het_ministerie_staat_tegenover_het_deel_dat_het_ministerie_financiert_niet_tegenover_het_geheel()
    {
        var bevindingen = Vind(Bijdrage, Geheel, DeelMinisterie, DeelDerden);

        var bevinding = bevindingen.Should().ContainSingle().Subject;
        bevinding.Id.Should().Be("tegenstrijdigheid/ORG/geld/alleen-financiering-door-jenv/2024");
        bevinding.Cijfers.Select(c => c.Waarde).Should().Equal(3.3m, 3.6m);
        bevinding.Uitleg.Should().Contain("niet tegenover het geheel met wat derden betalen");
        bevindingen.SelectMany(b => b.Cijfers).Should().NotContain(c => c.Waarde == 3.7m, "the whole includes what others pay: unlike the ministry's money");
    }

    [Fact]
    public void Een_ongelijk_paar_wordt_niet_vergeleken_een_gelijk_paar_dat_klopt_geeft_niets()
    {
        // The ministry's money agrees with the ministry's part (3,6 against 3,6): no finding, though the whole (3,7) differs.
        var klopt = Geld("bijdrage", "Budget van het DG bestemd voor ORG", 3.6m, 10);
        Vind(klopt, Geheel, DeelMinisterie, DeelDerden).Should().BeEmpty();

        // What others pay is never set against what the ministry pays.
        Vind(Geld("budget", "door derden elders", 0.4m, 70, Tegenstrijdigheden.DoorDerden), Bijdrage, Geheel, DeelMinisterie).SelectMany(b => b.Cijfers)
            .Should().NotContain(c => c.Waarde == 0.4m);

        // A split of another year does not decide this year's pair.
        Vind(Bijdrage, Geheel, DeelMinisterie with { Jaar = 2023 }).Should().ContainSingle()
            .Which.Cijfers.Select(c => c.Waarde).Should().Equal(3.3m, 3.7m);
    }

    [Fact]
    public void Zonder_splitsing_naar_wie_betaalt_staat_het_geheel_voor_zichzelf()
    {
        // Where the document does not split the budget by who pays, the whole is the figure to compare with, as before.
        var bevinding = Vind(Bijdrage, Geheel).Should().ContainSingle().Subject;
        bevinding.Id.Should().Be("tegenstrijdigheid/ORG/geld/geheel/2024");
        bevinding.Cijfers.Select(c => c.Waarde).Should().Equal(3.3m, 3.7m);
    }

    [Fact]
    public void Wie_betaalt_volgt_uit_de_reikwijdte_de_meting_of_de_begrotingsregel()
    {
        Tegenstrijdigheden.Financiering(DeelMinisterie).Should().Be(Tegenstrijdigheden.DoorHetMinisterie);
        Tegenstrijdigheden.Financiering(DeelDerden).Should().Be(Tegenstrijdigheden.DoorDerden);
        Tegenstrijdigheden.Financiering(Bijdrage).Should().Be(Tegenstrijdigheden.DoorHetMinisterie, "a bijdrage is what the ministry pays");
        Tegenstrijdigheden.Financiering(Geheel with { KomtOvereenMet = "JenV:uitgaven:34:Bijdrage DJI" }).Should().Be(Tegenstrijdigheden.DoorHetMinisterie);
        Tegenstrijdigheden.Financiering(Geheel).Should().BeNull("the organisation's own budget, whoever pays it");
        Tegenstrijdigheden.Financiering(Geheel with { Eenheid = "fte", Meting = "bezetting" }).Should().BeNull();
    }
}
