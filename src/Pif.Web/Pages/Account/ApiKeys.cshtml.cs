using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.ApiKeys;

namespace Pif.Web.Pages.Account;

public sealed class ApiKeysModel(AppDbContext db, CurrentUser current, ApiKeysService keys, HeldSecrets held, TimeProvider clock) : PageModel
{
    public static readonly int[] Lifetimes = [30, 90, 365];

    [BindProperty]
    public NewKeyInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var access = await LoadAsync(cancellationToken);
        if (Organisations.Count == 1)
        {
            Input.OrganisationId = Organisations[0].Id;
        }

        this.AddErrors(new NewKeyValidator(Organisations.Select(o => o.Id).ToList()).Validate(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var secret = await keys.CreateAsync(access, Input.OrganisationId!.Value, Input.Name, Input.Access == "read", Input.Days, cancellationToken);
        await held.HoldAsync(access.UserId, HeldSecrets.ApiKey, secret, cancellationToken);
        return RedirectToPage("/Account/ApiKeyCreated");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var access = await LoadAsync(cancellationToken);
        if (!await keys.RevokeAsync(access, id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Confirmation"] = "The key has been revoked: it no longer works";
        return RedirectToPage();
    }

    private async Task<UserAccess> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Organisations = access.Memberships.DistinctBy(m => m.OrganisationId).Select(m => (m.OrganisationId, m.OrganisationName)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Keys = await db.ApiKeys.Where(k => k.UserId == access.UserId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new KeyRow(k.Id, k.Name, k.Prefix, k.Organisation.Name, k.ReadOnly, k.ExpiresAt,
                k.RevokedAt != null ? "Revoked" : k.ExpiresAt <= now ? "Expired" : "Active"))
            .ToListAsync(cancellationToken);
        return access;
    }

    public sealed record KeyRow(Guid Id, string Name, string Prefix, string Organisation, bool ReadOnly, DateTime ExpiresAt, string Status);

    public sealed class NewKeyInput
    {
        public string Name { get; set; } = "";

        public Guid? OrganisationId { get; set; }

        public string Access { get; set; } = "";

        public int Days { get; set; }
    }

    private sealed class NewKeyValidator : AbstractValidator<NewKeyInput>
    {
        public NewKeyValidator(IReadOnlyList<Guid> organisations)
        {
            RuleFor(i => i.Name).NotEmpty().WithMessage("Enter a name that says what the key is for")
                .MaximumLength(ApiKey.NameMaxLength).WithMessage($"Enter a name of {ApiKey.NameMaxLength} characters or fewer");
            RuleFor(i => i.OrganisationId).Must(id => id is { } value && organisations.Contains(value)).WithMessage("Choose the organisation the key acts for");
            RuleFor(i => i.Access).Must(a => a is "read" or "read-write").WithMessage("Choose whether the key can only read, or read and write");
            RuleFor(i => i.Days).Must(d => Lifetimes.Contains(d)).WithMessage("Choose how long the key lasts");
        }
    }
}
