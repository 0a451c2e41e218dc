using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Pif.Web.Modules.Evidence;

namespace Pif.Web.Pages.Evidence;

/// <summary>
/// Lets a page's upload handler take bodies up to twice <see cref="EvidenceOptions.MaxRequestBytes"/>, raised before
/// antiforgery (which runs next) reads the form, so a request somewhat over the limit still gets a message naming
/// the limit, with what was typed kept. Only the named POST handler ("" for the page's own) gets it: the page's
/// other forms keep the server's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(string handler) : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(handler, serviceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value);

    private sealed class Filter(string handler, EvidenceOptions options) : IAuthorizationFilter, IOrderedFilter
    {
        // Before antiforgery (order 1000), which reads the form.
        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            if (HttpMethods.IsPost(request.Method) && string.Equals(request.Query["handler"].ToString(), handler, StringComparison.OrdinalIgnoreCase))
            {
                UploadLimits.Raise(context.HttpContext, options);
            }
        }
    }
}

internal static class Uploads
{
    /// <summary>The files chosen; an empty file input sends a nameless empty part, which is no file.</summary>
    public static List<Upload> From(IEnumerable<IFormFile>? files) =>
        (files ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new Upload(f.FileName, f.OpenReadStream())).ToList();
}
