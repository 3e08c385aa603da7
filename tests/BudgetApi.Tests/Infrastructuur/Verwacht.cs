namespace BudgetApi.Tests.Infrastructuur;

/// <summary>What the shipped data holds, named once for the tests' messages.</summary>
public static class Verwacht
{
    /// <summary>
    /// Every begroting with standen in the shipped data, in the Rijksbegroting's order (data/hoofdstukken.csv): the document's
    /// JenV and AenM and every hoofdstuk of the open-data samples; LVVN (XIV) is registered but has no standen.
    /// </summary>
    public const string Begrotingen = "Koning, StG, HCvS, AZ, KR, BZ, JenV, BZK, OCW, NS, Fin, Def, IenW, EZ, SZW, VWS, BHO, WenR, AenM, IF, GF, PF, DGF, BESF, DF";

    public const string OnbekendeBegroting = "toegestaan: " + Begrotingen + " (of hun hoofdstuk, zoals VI).";
}
