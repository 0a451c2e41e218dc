using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Setup;

/// <summary>An evaluation lead starts a self-evaluation of every QI of a published framework; scope and assignments follow.</summary>
public sealed class StartModel(AppDbContext db, CurrentUser current, SelfEvaluationsService service) : PageModel
{
    [BindProperty]
    public StartForm Form { get; set; } = new();

    public IReadOnlyList<MembershipView> Councils { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Frameworks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Form.FrameworkVersionId = Frameworks.Count == 1 ? Frameworks[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (Councils.Count == 1)
        {
            Form.OrganisationId = Councils[0].OrganisationId;
        }

        this.AddErrors(new StartForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        var result = await service.StartAsync(access, Form.ToInput(), cancellationToken);
        if (this.Refusal(result, field => $"{nameof(Form)}.{field}") is { } refusal)
        {
            return refusal;
        }

        if (!result.Succeeded)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{Form.Title!.Trim()} has been started as a draft. Next, choose who writes on each quality indicator";
        return RedirectToPage("/SelfEvaluations/Overview", new { id = result.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        Councils = access is null ? [] : SelfEvaluationAccess.StartableIn(access);
        // The frameworks first, then the good-practice guides, each evaluated on its own with its aspects as the quality indicators.
        Frameworks = (await db.FrameworkVersions.Where(v => v.Status == FrameworkStatus.Published && v.Scale.Kind == ScaleKind.Levels)
                .OrderBy(v => v.Kind).ThenBy(v => v.Title).ThenByDescending(v => v.Number).Select(v => new { v.Id, v.Title, v.Number, v.Kind, Count = v.QualityIndicators.Count }).ToListAsync(cancellationToken))
            .Select(v => (v.Id, $"{v.Title}, version {v.Number} ({v.Count} {(v.Kind == FrameworkKind.Guide ? "aspects" : "quality indicators")})")).ToList();
        return Councils.Count > 0;
    }

    public sealed class StartForm
    {
        public Guid? OrganisationId { get; set; }

        public string? Title { get; set; }

        public Guid? FrameworkVersionId { get; set; }

        public List<ServiceAreas> Areas { get; set; } = [];

        public DateOnly? PeriodStart { get; set; }

        public DateOnly? PeriodEnd { get; set; }

        public DateOnly? DueDate { get; set; }

        public StartInput ToInput() => new(OrganisationId!.Value, Title!.Trim(), FrameworkVersionId!.Value,
            Areas.Aggregate(ServiceAreas.None, (all, area) => all | area), PeriodStart!.Value, PeriodEnd!.Value, DueDate!.Value);

        public sealed class Validator : AbstractValidator<StartForm>
        {
            public Validator()
            {
                RuleFor(f => f.OrganisationId).NotNull().WithMessage("Choose the council");
                RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a title, such as Self-evaluation 2026 to 2027")
                    .MaximumLength(SelfEvaluation.TitleMaxLength).WithMessage($"Enter a title of {SelfEvaluation.TitleMaxLength} characters or fewer");
                RuleFor(f => f.FrameworkVersionId).NotNull().WithMessage("Choose the framework to evaluate against");
                RuleFor(f => f.Areas).NotEmpty().WithMessage("Choose at least one service area");
                RuleFor(f => f.PeriodStart).NotNull().WithMessage("Enter the date the period starts");
                RuleFor(f => f.PeriodEnd).NotNull().WithMessage("Enter the date the period ends")
                    .GreaterThanOrEqualTo(f => f.PeriodStart).When(f => f.PeriodStart is not null, ApplyConditionTo.CurrentValidator).WithMessage("The period must end on or after the day it starts");
                RuleFor(f => f.DueDate).NotNull().WithMessage("Enter the date the self-evaluation is due")
                    .GreaterThanOrEqualTo(f => f.PeriodStart).When(f => f.PeriodStart is not null, ApplyConditionTo.CurrentValidator).WithMessage(SelfEvaluationsService.DueDateBeforeStart);
            }
        }
    }
}
