using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>Adds a group to a draft (with no id) or changes one.</summary>
public sealed class GroupModel(AppDbContext db, CurrentUser current, FrameworkDraftsService drafts) : DraftPage(db, current)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>For a new second-level group, the top-level group it goes in.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Parent { get; set; }

    [BindProperty]
    public GroupForm Form { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public string Label { get; private set; } = "";

    public string? ParentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: false, cancellationToken)) is { } refused)
        {
            return refused;
        }

        this.AddErrors(new GroupForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new GroupInput(Form.Code!.Trim(), Form.Title!.Trim(), Parent);
        var result = Id is { } id
            ? await drafts.UpdateGroupAsync(Access, id, Stamp, input, cancellationToken)
            : await drafts.AddGroupAsync(Access, Draft.Id, input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"{Label} {input.Code} has been saved";
            return RedirectToPage("/Frameworks/Draft/Index", new { code = Code });
        }

        if (Refusal(result, nameof(Form), nameof(Form.Code)) is { } response)
        {
            return response;
        }

        if (result.IsStale)
        {
            ModelState.Remove(nameof(Stamp));
            await LoadAsync(fill: true, cancellationToken);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var group = await Db.FrameworkGroups.Where(g => g.Id == id && g.VersionId == Draft.Id)
                .Select(g => new { g.Code, g.Title, g.ParentId, g.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken);
            if (group is null)
            {
                return NotFound();
            }

            Parent = group.ParentId;
            if (fill)
            {
                Form = new GroupForm { Code = group.Code, Title = group.Title };
                Stamp = group.ConcurrencyStamp;
            }
        }

        if (Parent is { } parentId)
        {
            var parent = await Db.FrameworkGroups.Where(g => g.Id == parentId && g.VersionId == Draft.Id && g.ParentId == null)
                .Select(g => g.Code + ": " + g.Title).SingleOrDefaultAsync(cancellationToken);
            if (parent is null || Draft.SubGroupLabel is null)
            {
                return NotFound();
            }

            ParentName = $"{Draft.TopGroupLabel} {parent}";
        }

        Label = Parent is null ? Draft.TopGroupLabel : Draft.SubGroupLabel!;
        return null;
    }

    public sealed class GroupForm
    {
        public string? Code { get; set; }

        public string? Title { get; set; }

        public sealed class Validator : AbstractValidator<GroupForm>
        {
            public Validator()
            {
                RuleFor(f => f.Code).NotEmpty().WithMessage("Enter a code, such as 9")
                    .Must(c => FrameworkLimits.IsCode(c?.Trim())).WithMessage($"Enter a code of {FrameworkLimits.CodeHint}");
                RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a title")
                    .MaximumCharacters(FrameworkLimits.TitleMaxLength).WithMessage($"Enter a title of {FrameworkLimits.TitleMaxLength} characters or fewer");
            }
        }
    }
}
