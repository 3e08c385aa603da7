using Microsoft.AspNetCore.Http.Features;

namespace BudgetApi.Http;

/// <summary>
/// Runs the rest of the pipeline with the response body caught in memory, so that what it wrote can be judged whole before a
/// byte is sent: the answer cache keeps a 200 (<see cref="Antwoordcache"/>), compression compresses one that is large enough
/// (<see cref="Compressie"/>). The caller owns the stream and writes it on (or what it made of it).
/// </summary>
public static class Opvang
{
    public static async Task<MemoryStream> VangOp(HttpContext context, RequestDelegate next)
    {
        var origineel = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffer = new MemoryStream();
        var opvang = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(opvang);
        try
        {
            await next(context);
            await opvang.CompleteAsync();
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        finally
        {
            context.Features.Set(origineel);
        }
        return buffer;
    }
}
