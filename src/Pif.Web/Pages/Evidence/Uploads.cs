using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Evidence;

/// <summary>
/// Guards a page's upload handler before antiforgery (which runs next) reads the form: an item the user
/// may not see is a 404 and a right they lack a 403, answered without taking the body. Then it lets the
/// handler take bodies up to twice <see cref="EvidenceOptions.MaxRequestBytes"/>, so a request somewhat
/// over the limit still gets a message naming the limit, with what was typed kept. Only the named POST
/// handler ("" for the page's own) is guarded: the page's other forms keep the server's default.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(string handler, UploadTarget target) : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(handler, target, serviceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value);

    private sealed class Filter(string handler, UploadTarget target, EvidenceOptions options) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        // Before antiforgery (order 1000), which reads the form.
        public int Order => 900;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method) || !string.Equals(http.Request.Query["handler"].ToString(), handler, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var access = await http.RequestServices.GetRequiredService<CurrentUser>().GetAccessAsync(http.RequestAborted);
            context.Result = access is null ? new ChallengeResult() : await RefusalAsync(http, access);
            if (context.Result is null)
            {
                UploadLimits.Raise(http, options);
            }
        }

        private async Task<IActionResult?> RefusalAsync(HttpContext http, UserAccess access)
        {
            if (target == UploadTarget.NewItem)
            {
                return EvidenceAccess.Councils(access).Count == 0 ? new ForbidResult() : null;
            }

            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            var id = Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var parsed) ? parsed : Guid.Empty;
            var item = await EvidenceAccess.Visible(db, access).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, http.RequestAborted);
            return item is null ? new NotFoundResult()
                : !await EvidencePermissions.CanChangeAsync(db, access, item, http.RequestAborted) ? new ForbidResult()
                : null;
        }
    }
}

/// <summary>What an upload handler adds files to: a new item (the council's library), or the item in the route.</summary>
public enum UploadTarget
{
    NewItem,
    ExistingItem,
}

internal static class Uploads
{
    /// <summary>The files chosen; an empty file input sends a nameless empty part, which is no file.</summary>
    public static List<Upload> From(IEnumerable<IFormFile>? files) =>
        (files ?? []).Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new Upload(f.FileName, f.OpenReadStream())).ToList();
}
