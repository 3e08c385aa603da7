using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Hosting;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>
/// A Host header is the client's choice: the dashboard's redirect and the Excel Toelichting are made from the configured public
/// address (Budget:PubliekeUrl), or relative to the server without it; never from Host (issue 18).
/// </summary>
public sealed class PubliekadresTests
{
    private sealed class Factory(string? publiekeUrl) : BudgetApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (publiekeUrl is not null) builder.UseSetting("Budget:PubliekeUrl", publiekeUrl);
        }
    }

    [Theory]
    [InlineData(null, "/dashboard/?begroting=JenV", "/v1/bezetting?formaat=xlsx")]
    [InlineData("https://begroting.minjenv.nl/", "https://begroting.minjenv.nl/dashboard/?begroting=JenV", "https://begroting.minjenv.nl/v1/bezetting?formaat=xlsx")]
    public async Task Een_vreemde_Host_komt_niet_in_de_redirect_of_de_toelichting(string? publiekeUrl, string redirect, string verzoek)
    {
        await using var factory = new Factory(publiekeUrl);
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "aanvaller.example";

        var doorverwijzing = await client.GetAsync("/dashboard?begroting=JenV");
        ((int)doorverwijzing.StatusCode).Should().Be(301);
        doorverwijzing.Headers.Location!.OriginalString.Should().Be(redirect);

        var toelichting = (await client.GetXlsx("/v1/bezetting?formaat=xlsx"))["Toelichting"].AlsToelichting();
        toelichting["verzoek"].Tekst.Should().Be(verzoek).And.NotContain("aanvaller");
    }
}
