using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Notifications;

/// <summary>Which notifications come by e-mail, and when: at once, in a weekly digest, or never.</summary>
public sealed class SettingsModel(CurrentUser current, NotificationsService notifications, Microsoft.Extensions.Options.IOptions<MailOptions> mail) : PageModel
{
    [BindProperty]
    public Dictionary<NotificationKind, EmailDelivery> Choices { get; set; } = [];

    public bool SendsMail => mail.Value.Sends;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Choices = (await notifications.PreferencesAsync(access.UserId, cancellationToken)).ToDictionary();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!ModelState.IsValid)
        {
            // A value that is not one of the choices: say which, and keep the rest as they were sent.
            foreach (var key in ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => m.Key).ToList())
            {
                ModelState.Remove(key);
                ModelState.AddModelError(key, "Choose at once, weekly or never");
            }

            await FillAsync(access, cancellationToken);
            return Page();
        }

        return await this.AnswerAsync(await notifications.SetPreferencesAsync(access.UserId, Choices, cancellationToken), _ =>
        {
            TempData["Confirmation"] = "Your e-mail choices are saved";
            return RedirectToPage();
        }, async () =>
        {
            await FillAsync(access, cancellationToken);
            return Page();
        }, field => $"Choices[{field}]");
    }

    /// <summary>Kinds the form did not send keep what was saved.</summary>
    private async Task FillAsync(UserAccess access, CancellationToken cancellationToken)
    {
        foreach (var (kind, delivery) in await notifications.PreferencesAsync(access.UserId, cancellationToken))
        {
            Choices.TryAdd(kind, delivery);
        }
    }
}
