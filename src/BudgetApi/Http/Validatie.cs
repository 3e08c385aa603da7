using FluentValidation;

namespace BudgetApi.Http;

/// <summary>Validates the [AsParameters] query object of an endpoint and answers a failure with one 400 naming every invalid parameter.</summary>
public static class Validatie
{
    public static RouteHandlerBuilder MetValidatie<T>(this RouteHandlerBuilder builder) where T : class =>
        builder
            .AddEndpointFilter(async (context, next) =>
            {
                var query = context.Arguments.OfType<T>().Single();
                var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
                var uitkomst = await validator.ValidateAsync(query, context.HttpContext.RequestAborted);
                if (uitkomst.IsValid) return await next(context);
                return Problemen.OngeldigeParameters(uitkomst.Errors
                    .Select(f => new OngeldigeParameter(Parameternaam(f.PropertyName), f.ErrorMessage)).ToList());
            })
            .ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>The query key as the client writes it (camelCase), not the C# property name.</summary>
    public static string Parameternaam(string propertyName)
    {
        var naam = propertyName.Split('[')[0];
        return naam.Length == 0 ? naam : char.ToLowerInvariant(naam[0]) + naam[1..];
    }
}
