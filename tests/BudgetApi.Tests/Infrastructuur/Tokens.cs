using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BudgetApi.Tests.Infrastructuur;

/// <summary>
/// Bearer tokens for the import tests, signed like an identity provider would: the service is configured (as in production,
/// through Authentication:Schemes:Bearer) with this issuer, audience and signing key, and each test may spoil one part.
/// </summary>
public static class Tokens
{
    public const string Uitgever = "https://idp.test.minjenv.nl";
    public const string Publiek = "budgetapi";
    public const string Sleutelnaam = "test-sleutel";

    /// <summary>The signing key the service trusts (base64, as Authentication:Schemes:Bearer:SigningKeys:0:Value).</summary>
    public static readonly string Sleutel = Convert.ToBase64String(Encoding.UTF8.GetBytes("een-testsleutel-van-minstens-32-bytes-lang!"));

    /// <summary>A key the service does not trust: a token signed with it has a wrong signature.</summary>
    private static readonly string AndereSleutel = Convert.ToBase64String(Encoding.UTF8.GetBytes("een-andere-sleutel-van-minstens-32-bytes!!"));

    /// <summary>The settings that make the service trust these tokens.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Instellingen() =>
    [
        new("Authentication:Schemes:Bearer:ValidIssuer", Uitgever),
        new("Authentication:Schemes:Bearer:ValidAudiences:0", Publiek),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Issuer", Uitgever),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Id", Sleutelnaam),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Value", Sleutel),
        new("Authentication:Schemes:Bearer:SigningKeys:0:Length", "32"),
    ];

    public static string Maak(string naam = "analist@dfez", string? rol = "budget-importeur", string uitgever = Uitgever, string publiek = Publiek,
        bool andereSleutel = false, DateTime? verloopt = null, string? scope = null, string? scp = null)
    {
        var claims = new Dictionary<string, object> { ["name"] = naam, ["sub"] = naam };
        if (rol is not null) claims["role"] = rol;
        if (scope is not null) claims["scope"] = scope;
        if (scp is not null) claims["scp"] = scp;
        var sleutel = new SymmetricSecurityKey(Convert.FromBase64String(andereSleutel ? AndereSleutel : Sleutel)) { KeyId = Sleutelnaam };
        var nu = DateTime.UtcNow;
        var einde = verloopt ?? nu.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = uitgever,
            Audience = publiek,
            Claims = claims,
            IssuedAt = einde < nu ? einde.AddMinutes(-10) : nu,
            NotBefore = einde < nu ? einde.AddMinutes(-10) : nu,
            Expires = einde,
            SigningCredentials = new SigningCredentials(sleutel, SecurityAlgorithms.HmacSha256),
        });
    }
}
