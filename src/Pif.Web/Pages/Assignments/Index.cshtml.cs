using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Assignments;

public sealed class IndexModel(AppDbContext db, CurrentUser current, AssignmentsService service) : PageModel
{
    [BindProperty]
    public AssignInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Inspectors { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } access)
        {
            return Forbid();
        }

        this.AddErrors(new AssignValidator(Inspectors.Select(i => i.Id).ToList(), Councils.Select(c => c.Id).ToList()).Validate(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await service.AssignAsync(access, Input.InspectorId!.Value, Input.CouncilId!.Value, cancellationToken))
        {
            this.AddError($"{nameof(Input)}.{nameof(Input.CouncilId)}", "Someone else changed this council's link inspector at the same moment: check the assignments below and try again");
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Confirmation"] = $"{Inspectors.Single(i => i.Id == Input.InspectorId).Name} is now the link inspector for {Councils.Single(c => c.Id == Input.CouncilId).Name}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } access)
        {
            return Forbid();
        }

        if (!await service.EndAsync(access, id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Confirmation"] = "The assignment has ended";
        return RedirectToPage();
    }

    private async Task<UserAccess?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null || !access.AllowsAnywhere(OrganisationsPermissions.ManageAssignments))
        {
            return null;
        }

        Inspectors = (await db.Users.Where(u => u.Memberships.Any(m => m.Role == OrganisationRole.LinkInspector))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        Rows = await db.LinkInspectorAssignments
            .Join(db.Users, a => a.InspectorId, u => u.Id, (a, u) => new Row(a.Id, a.Council.Name, u.DisplayName, a.From, a.Until))
            .ToListAsync(cancellationToken);
        Rows = Rows.OrderBy(r => r.Until is not null).ThenBy(r => r.Council, StringComparer.Ordinal).ThenByDescending(r => r.From).ToList();
        return access;
    }

    public sealed record Row(Guid Id, string Council, string Inspector, DateTime From, DateTime? Until);

    public sealed class AssignInput
    {
        public Guid? InspectorId { get; set; }

        public Guid? CouncilId { get; set; }
    }

    private sealed class AssignValidator : AbstractValidator<AssignInput>
    {
        public AssignValidator(IReadOnlyList<Guid> inspectors, IReadOnlyList<Guid> councils)
        {
            RuleFor(i => i.InspectorId).Must(id => id is { } value && inspectors.Contains(value)).WithMessage("Choose a link inspector");
            RuleFor(i => i.CouncilId).Must(id => id is { } value && councils.Contains(value)).WithMessage("Choose a council");
        }
    }
}
