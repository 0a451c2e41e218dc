using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

public sealed class DetailsModel(AppDbContext db, CurrentUser current, FrameworkDraftsService drafts) : DraftPage(db, current)
{
    [BindProperty]
    public DetailsForm Form { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public IReadOnlyList<(string Code, string Name)> Scales { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Scales = await ScalesAsync(cancellationToken);
        this.AddErrors(new DetailsForm.Validator().Validate(Form), nameof(Form));
        if (ModelState.IsValid)
        {
            var result = await drafts.UpdateDetailsAsync(Access, Draft.Id, Stamp, Form.ToInput(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Confirmation"] = "The details have been saved";
                return RedirectToPage("/Frameworks/Draft/Index", new { code = Code });
            }

            if (Refusal(result, nameof(Form), nameof(Form.Title)) is { } response)
            {
                return response;
            }

            if (result.IsStale)
            {
                ModelState.Remove(nameof(Stamp));
                await FillAsync(cancellationToken);
            }
        }

        return Page();
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        Scales = await ScalesAsync(cancellationToken);
        var v = await Db.FrameworkVersions.Where(x => x.Id == Draft.Id)
            .Select(x => new { x.Title, x.Description, x.Publisher, x.Kind, ScaleCode = x.Scale.Code, x.TopGroupLabel, x.SubGroupLabel, x.ConcurrencyStamp })
            .SingleAsync(cancellationToken);
        Form = new DetailsForm
        {
            Title = v.Title,
            Description = v.Description,
            Publisher = v.Publisher,
            Kind = v.Kind,
            ScaleCode = v.ScaleCode,
            TopGroupLabel = v.TopGroupLabel,
            SubGroupLabel = v.SubGroupLabel,
        };
        Stamp = v.ConcurrencyStamp;
    }

    private async Task<IReadOnlyList<(string, string)>> ScalesAsync(CancellationToken cancellationToken) =>
        (await Db.EvaluationScales.OrderBy(s => s.Name).Select(s => new { s.Code, s.Name }).ToListAsync(cancellationToken)).Select(s => (s.Code, s.Name)).ToList();

    public sealed class DetailsForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Publisher { get; set; }

        public FrameworkKind? Kind { get; set; }

        public string? ScaleCode { get; set; }

        public string? TopGroupLabel { get; set; }

        public string? SubGroupLabel { get; set; }

        public DetailsInput ToInput() => new(Title!.Trim(), Blank(Description), Blank(Publisher), Kind!.Value, ScaleCode!, TopGroupLabel!.Trim(), Blank(SubGroupLabel));

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        public sealed class Validator : AbstractValidator<DetailsForm>
        {
            public Validator()
            {
                RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the framework's title")
                    .MaximumCharacters(FrameworkLimits.TitleMaxLength).WithMessage($"Enter a title of {FrameworkLimits.TitleMaxLength} characters or fewer");
                RuleFor(f => f.Description).MaximumCharacters(FrameworkLimits.DescriptionMaxLength).WithMessage($"Enter a description of {FrameworkLimits.DescriptionMaxLength:N0} characters or fewer");
                RuleFor(f => f.Publisher).MaximumCharacters(FrameworkLimits.PublisherMaxLength).WithMessage($"Enter a publisher of {FrameworkLimits.PublisherMaxLength} characters or fewer");
                RuleFor(f => f.Kind).NotNull().WithMessage("Choose whether this is a framework or a good-practice guide");
                RuleFor(f => f.ScaleCode).NotEmpty().WithMessage("Choose a scale");
                RuleFor(f => f.TopGroupLabel).NotEmpty().WithMessage("Enter what the top level of groups is called, such as High-level question")
                    .MaximumCharacters(FrameworkLimits.GroupLabelMaxLength).WithMessage($"Enter a label of {FrameworkLimits.GroupLabelMaxLength} characters or fewer");
                RuleFor(f => f.SubGroupLabel).MaximumCharacters(FrameworkLimits.GroupLabelMaxLength).WithMessage($"Enter a label of {FrameworkLimits.GroupLabelMaxLength} characters or fewer");
            }
        }
    }
}
