using System.Reflection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.IdentityModel.Tokens;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// In Development the service trusts the tokens of <c>dotnet user-jwts</c>, whose signing key lives in the user secrets. On a machine
/// that never ran user-jwts, that key is made by the first <c>dotnet user-jwts create</c>, which a new user runs after starting the
/// service (README, "Importing a stand"): the key read at start is not there. So in Development, a token whose key the configuration
/// did not have is checked against the keys the user secrets hold now, read again from the file: the README works in the order it is
/// written, without a restart. Only Development, and only keys of the configured issuer; production reads its keys from configuration.
/// </summary>
public static class Ontwikkeltokens
{
    /// <summary>Where <c>dotnet user-jwts</c> puts its keys in the user secrets.</summary>
    public const string SleutelSectie = "Authentication:Schemes:Bearer:SigningKeys";

    /// <summary>The 401's advice in Development: how to get a token this service takes.</summary>
    public const string Advies = "In Development: maak een token met 'dotnet user-jwts create --project src/BudgetApi --role budget-importeur' " +
                                 "en stuur het als Authorization: Bearer <token> (README, 'Importing a stand'). Een sleutel die user-jwts maakt " +
                                 "nadat de dienst startte, neemt de dienst zonder herstart mee.";

    public static void VoegToe(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var geheimen = Assembly.GetEntryAssembly()?.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId
                       ?? typeof(Ontwikkeltokens).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()?.UserSecretsId;
        if (geheimen is null) return;
        var pad = PathHelper.GetSecretsPathFromSecretsId(geheimen);
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, opties =>
        {
            var parameters = opties.TokenValidationParameters;
            var eerder = parameters.IssuerSigningKeyResolver;
            parameters.IssuerSigningKeyResolver = (token, beveiligd, sleutelId, p) =>
            {
                var bekend = eerder?.Invoke(token, beveiligd, sleutelId, p) ?? (p.IssuerSigningKeys ?? []).Append(p.IssuerSigningKey).OfType<SecurityKey>();
                return bekend.Concat(Sleutels(pad, beveiligd?.Issuer, sleutelId)).ToList();
            };
        });
    }

    /// <summary>The symmetric keys the user secrets file holds now for this issuer (all of them when the token names no key).</summary>
    public static IEnumerable<SecurityKey> Sleutels(string pad, string? uitgever, string? sleutelId)
    {
        if (!File.Exists(pad)) return [];
        IConfigurationRoot geheimen;
        try
        {
            geheimen = new ConfigurationBuilder().AddJsonFile(pad, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception fout) when (fout is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            return []; // being written by user-jwts at this moment: the next request reads it whole
        }
        var sleutels = new List<SecurityKey>();
        foreach (var sleutel in geheimen.GetSection(SleutelSectie).GetChildren())
        {
            // A token of user-jwts names no key (kid empty): then every key of its issuer is tried, as the handler does.
            if (!string.IsNullOrEmpty(uitgever) && sleutel["Issuer"] is { } eigen && eigen != uitgever) continue;
            if (!string.IsNullOrEmpty(sleutelId) && sleutel["Id"] is { } id && id != sleutelId) continue;
            try
            {
                sleutels.Add(new SymmetricSecurityKey(Convert.FromBase64String(sleutel["Value"] ?? "")) { KeyId = sleutel["Id"] });
            }
            catch (FormatException)
            {
                // not a key user-jwts wrote
            }
        }
        return sleutels;
    }
}
