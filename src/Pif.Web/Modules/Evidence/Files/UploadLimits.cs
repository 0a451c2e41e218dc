using Microsoft.AspNetCore.Http.Features;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// Raises the request body limit for an upload, before anything reads the body: to twice
/// <see cref="EvidenceOptions.MaxRequestBytes"/>, so a request somewhat over the limit still reaches the
/// checks that name the limit, rather than the server's bare refusal.
/// </summary>
public static class UploadLimits
{
    public static void Raise(HttpContext http, EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes * 2;
        }
    }
}
