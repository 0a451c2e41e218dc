using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Notifications;

/// <summary>The person's notifications, newest first, with the unread marked; opening one marks it read.</summary>
public sealed class IndexModel(CurrentUser current, NotificationsService notifications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public NotificationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    /// <summary>The page of the list: read from the query string itself, since Razor Pages' own route value is also called "page".</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<NotificationsService.Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + NotificationsService.PageSize - 1) / NotificationsService.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Kind is { } kind && !Enum.IsDefined(kind))
        {
            Kind = null;
        }

        PageNumber = Number();
        var access = (await current.GetAccessAsync(cancellationToken))!;
        (Rows, Total) = await notifications.ListAsync(access, Kind, Unread, PageNumber, cancellationToken);
        if (Rows.Count == 0 && PageNumber > 1)
        {
            return LocalRedirect(Address(Pages));
        }

        return Page();
    }

    /// <summary>Opens one: marks it read and goes to the page it is about.</summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var (result, link) = await notifications.ReadAsync(access, id, cancellationToken);
        // Links are written by Pif itself; only a path within Pif is ever followed.
        return result.Succeeded && link is not null && Url.IsLocalUrl(link) ? LocalRedirect(link) : NotFound();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var (result, _) = await notifications.ReadAsync(access, id, cancellationToken);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["Confirmation"] = "The notification is marked as read";
        return LocalRedirect(Address(Number()));
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var count = await notifications.ReadAllAsync(access, cancellationToken);
        TempData["Confirmation"] = count switch
        {
            0 => "You had no unread notifications",
            1 => "1 notification is marked as read",
            _ => $"{count} notifications are marked as read",
        };
        return LocalRedirect(Address(1));
    }

    /// <summary>This list's address with its filters, at page <paramref name="number"/>.</summary>
    public string Address(int number)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Kind"] = Kind?.ToString(),
            ["Unread"] = Unread ? "true" : null,
            ["page"] = number > 1 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/notifications", query.Where(q => q.Value is not null));
    }

    /// <summary>Where marking one read posts to: back to this list as it stands.</summary>
    public string ReadAction(Guid id) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Address(PageNumber), new Dictionary<string, string?>(StringComparer.Ordinal) { ["handler"] = "Read", ["id"] = id.ToString() });

    private int Number() => int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
}
