using FluentValidation;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>The fields of a QI in a draft, and their rules.</summary>
public sealed class QiForm
{
    public string? Code { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public bool IsOverallJudgement { get; set; }

    public Guid? GroupId { get; set; }

    public sealed class Validator : AbstractValidator<QiForm>
    {
        public Validator()
        {
            RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the QI's code, such as 9.2")
                .Must(c => FrameworkLimits.IsCode(c?.Trim())).WithMessage($"Enter a code of {FrameworkLimits.CodeHint}");
            RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the QI's title")
                .MaximumCharacters(FrameworkLimits.TitleMaxLength).WithMessage($"Enter a title of {FrameworkLimits.TitleMaxLength} characters or fewer");
            RuleFor(f => f.Summary).NotEmpty().WithMessage("Enter a summary of what the QI covers")
                .MaximumCharacters(FrameworkLimits.SummaryMaxLength).WithMessage($"Enter a summary of {FrameworkLimits.SummaryMaxLength:N0} characters or fewer");
            RuleFor(f => f.GroupId).NotNull().WithMessage("Choose the group the QI belongs to");
        }
    }
}
