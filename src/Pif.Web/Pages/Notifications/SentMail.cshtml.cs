using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Notifications;

/// <summary>The send log, for national administrators: each e-mail attempt, to whom, what kind, when and how it went; never the message.</summary>
public sealed class SentMailModel(AppDbContext db, CurrentUser current) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public DeliveryResult? Result { get; set; }

    public sealed record Row(DateTime At, string To, string Kind, int Items, DeliveryResult Result, string? Error);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Waiting { get; private set; }

    public int Failed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!NotificationPermissions.ReadsSendLog(access))
        {
            return Forbid();
        }

        var log = db.NotificationDeliveries.AsQueryable();
        if (Result is { } result && Enum.IsDefined(result))
        {
            log = log.Where(d => d.Result == result);
        }

        Rows = (await log.OrderByDescending(d => d.At).Take(PageSize)
                .GroupJoin(db.Users, d => d.UserId, u => u.Id, (d, u) => new { d, u })
                .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.d.At, Email = u == null ? null : u.Email, x.d.Kind, x.d.Items, x.d.Result, x.d.Error })
                .ToListAsync(cancellationToken))
            .OrderByDescending(r => r.At)
            .Select(r => new Row(r.At, r.Email ?? "(a removed account)", Label(r.Kind), r.Items, r.Result, r.Error)).ToList();
        Waiting = await db.Notifications.CountAsync(n => n.EmailState == EmailState.Pending || n.EmailState == EmailState.Sending, cancellationToken);
        Failed = await db.Notifications.CountAsync(n => n.EmailState == EmailState.Failed, cancellationToken);
        return Page();
    }

    private static string Label(string kind) =>
        kind == NotificationDelivery.WeeklyDigest ? "Weekly digest"
        : Enum.TryParse<NotificationKind>(kind, out var parsed) ? NotificationKinds.ShortLabel(parsed) : kind;
}
