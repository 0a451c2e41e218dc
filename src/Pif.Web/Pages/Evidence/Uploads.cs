using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Pif.Web.Modules.Evidence;

namespace Pif.Web.Pages.Evidence;

/// <summary>
/// Lets a page take uploads up to twice <see cref="EvidenceOptions.MaxRequestBytes"/> before the body is read
/// (by antiforgery, which runs next), so a request somewhat over the limit still reaches the page and gets a
/// message naming the limit, with what was typed kept, rather than the server's bare refusal.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value);

    private sealed class Filter(EvidenceOptions options) : IAuthorizationFilter, IOrderedFilter
    {
        // Before antiforgery (order 1000), which reads the form.
        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context) => Uploads.Allow(context.HttpContext, options);
    }
}

internal static class Uploads
{
    public static void Allow(HttpContext http, EvidenceOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes * 2;
        }
    }

    /// <summary>The files chosen; an empty file input sends a nameless empty part, which is no file.</summary>
    public static List<Upload> From(IEnumerable<IFormFile>? files) =>
        (files ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new Upload(f.FileName, f.OpenReadStream())).ToList();
}
