using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Guidance;

namespace Pif.Web.Pages.Guidance;

public sealed class GuidePageModel(Guide guide) : PageModel
{
    public GuidePage Shown { get; private set; } = null!;

    public GuidePage? Previous { get; private set; }

    public GuidePage? Next { get; private set; }

    public IActionResult OnGet(string slug)
    {
        if (guide.Find(slug) is not { } page)
        {
            return NotFound();
        }

        Shown = page;

        // Stages read in order, then the topics; previous and next stay within their own list.
        var list = (page.Kind == GuidePageKind.Stage ? guide.Stages : guide.Topics).ToList();
        var at = list.IndexOf(page);
        Previous = at > 0 ? list[at - 1] : null;
        Next = at < list.Count - 1 ? list[at + 1] : null;
        return Page();
    }
}
