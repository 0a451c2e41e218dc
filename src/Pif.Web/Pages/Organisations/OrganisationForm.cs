using FluentValidation;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Pages.Organisations;

/// <summary>The fields of the add and edit forms, and their rules.</summary>
public sealed class OrganisationForm
{
    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public string? FormerCode { get; set; }

    public OrganisationKind? Kind { get; set; }

    /// <summary>Other names used in published files, one a line.</summary>
    public string? OtherNames { get; set; }

    public IReadOnlyList<string> OtherNameList() =>
        (OtherNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).DistinctBy(OrganisationNames.Normalise).ToList();

    public OrganisationInput ToInput() =>
        new(Name.Trim(), Code.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(FormerCode) ? null : FormerCode.Trim().ToUpperInvariant(), Kind!.Value, OtherNameList());

    public sealed class Validator : AbstractValidator<OrganisationForm>
    {
        public Validator()
        {
            RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the organisation's name")
                .MaximumLength(Organisation.NameMaxLength).WithMessage($"Enter a name of {Organisation.NameMaxLength} characters or fewer");
            RuleFor(f => f.Code).NotEmpty().WithMessage("Enter the organisation's code, such as its GSS code S12000049")
                .Matches("^[A-Za-z0-9-]{1,16}$").WithMessage("Enter a code of up to 16 letters, digits or hyphens");
            RuleFor(f => f.FormerCode).Matches("^[A-Za-z0-9-]{1,16}$").When(f => !string.IsNullOrWhiteSpace(f.FormerCode))
                .WithMessage("Enter a former code of up to 16 letters, digits or hyphens, or leave it empty");
            RuleFor(f => f.Kind).NotNull().WithMessage("Choose whether the organisation is a council or an inspectorate");
            RuleFor(f => f.OtherNames).Must(names => (names ?? "").Split('\n').All(n => n.Trim().Length <= Organisation.NameMaxLength))
                .WithMessage($"Enter other names of {Organisation.NameMaxLength} characters or fewer each");
        }
    }
}
