using Microsoft.AspNetCore.Http.Features;

namespace BudgetApi.Bedrijfsvoering;

/// <summary>
/// HEAD on every GET resource (RFC 9110 §9.3.2): the request runs as the GET it stands for, with every header the GET has,
/// and the body is counted instead of sent, so Content-Length is what the GET would send. A 405 names HEAD beside GET in Allow.
/// </summary>
public static class HttpMethoden
{
    /// <summary>
    /// Before routing, so a HEAD finds the GET endpoint, and outside the error handling, so a problem's length is counted too.
    /// </summary>
    public static IApplicationBuilder GebruikHead(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var origineel = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var teller = new Teller();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(teller));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(origineel);
        }
        if (!context.Response.HasStarted && context.Response.ContentLength is null && teller.Length > 0)
        {
            context.Response.ContentLength = teller.Length;
        }
    });

    /// <summary>
    /// The framework's 405 lists the endpoint's methods in Allow; HEAD is served wherever GET is. Inside the status-code
    /// pages, so the problem's detail names the same methods as the header.
    /// </summary>
    public static IApplicationBuilder GebruikAllow(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        VulAllowAan(context.Response);
    });

    private static void VulAllowAan(HttpResponse response)
    {
        var allow = response.Headers.Allow.ToString();
        if (response.HasStarted || response.StatusCode != StatusCodes.Status405MethodNotAllowed || allow.Length == 0) return;
        var methoden = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (methoden.Contains(HttpMethods.Get) && !methoden.Contains(HttpMethods.Head)) methoden.Add(HttpMethods.Head);
        response.Headers.Allow = string.Join(", ", methoden);
    }

    /// <summary>A body that is counted, not kept.</summary>
    private sealed class Teller : Stream
    {
        private long _lengte;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _lengte;
        public override long Position { get => _lengte; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _lengte += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _lengte += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _lengte += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _lengte += count;
            return Task.CompletedTask;
        }
    }
}
