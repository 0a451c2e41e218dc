using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>The fields of every kind of QI part; each kind uses some of them.</summary>
public sealed class PartForm
{
    public string? Text { get; set; }

    public int? Level { get; set; }

    public Guid? ThemeId { get; set; }

    public EvidenceFamily? Family { get; set; }

    public string? ToFrameworkCode { get; set; }

    public string? ToQiCode { get; set; }

    public MappingRelation? Relation { get; set; }

    public MappingInput ToMapping() => new(ToFrameworkCode!.Trim(), ToQiCode!.Trim(), Relation!.Value);

    /// <summary>Reads an existing part of the QI into the form, with its concurrency stamp; null when there is no such part.</summary>
    public static async Task<(PartForm, Guid)?> LoadAsync(AppDbContext db, string kind, Guid id, Guid qiId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = kind switch
        {
            PartKinds.Themes => await db.QiThemes.Where(p => p.Id == id && p.QualityIndicatorId == qiId)
                .Select(p => new { Form = new PartForm { Text = p.Title }, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken),
            PartKinds.Illustrations => await db.QiIllustrations.Where(p => p.Id == id && p.QualityIndicatorId == qiId)
                .Select(p => new { Form = new PartForm { Text = p.Text, Level = p.Level, ThemeId = p.ThemeId }, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken),
            PartKinds.Questions => await db.ChallengeQuestions.Where(p => p.Id == id && p.QualityIndicatorId == qiId)
                .Select(p => new { Form = new PartForm { Text = p.Text }, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken),
            PartKinds.Evidence => await db.SuggestedEvidence.Where(p => p.Id == id && p.QualityIndicatorId == qiId)
                .Select(p => new { Form = new PartForm { Text = p.Text, Family = p.Family }, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken),
            _ => await db.FrameworkMappings.Where(p => p.Id == id && p.FromQualityIndicatorId == qiId)
                .Select(p => new { Form = new PartForm { ToFrameworkCode = p.ToFrameworkCode, ToQiCode = p.ToQiCode, Relation = p.Relation }, p.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken),
        };
        return found is null ? null : (found.Form, found.ConcurrencyStamp);
    }

    public sealed class Validator : AbstractValidator<PartForm>
    {
        public Validator(string kind)
        {
            var (limit, empty) = kind switch
            {
                PartKinds.Themes => (FrameworkLimits.ThemeMaxLength, "Enter the theme"),
                PartKinds.Illustrations => (FrameworkLimits.IllustrationMaxLength, "Enter what this level looks like in practice"),
                PartKinds.Questions => (FrameworkLimits.QuestionMaxLength, "Enter the question"),
                _ => (FrameworkLimits.EvidenceMaxLength, "Enter where to look for evidence"),
            };
            When(_ => kind == PartKinds.Illustrations, () =>
            {
                RuleFor(f => f.Level).NotNull().WithMessage("Choose the level this illustration describes");
            });
            When(_ => kind == PartKinds.Evidence, () =>
            {
                RuleFor(f => f.Family).NotNull().WithMessage("Choose the family of evidence");
            });
            When(_ => kind != PartKinds.Mappings, () =>
            {
                RuleFor(f => f.Text).NotEmpty().WithMessage(empty)
                    .Must(t => t!.Trim().Length <= limit).WithMessage(f => $"This text has {f.Text!.Trim().Length:N0} characters: shorten it to {limit:N0} or fewer");
            });
            When(_ => kind == PartKinds.Mappings, () =>
            {
                RuleFor(f => f.ToFrameworkCode).NotEmpty().WithMessage("Choose the framework or guide this QI relates to");
                RuleFor(f => f.ToQiCode).NotEmpty().WithMessage("Enter the code of the QI it relates to, such as 9.2")
                    .Must(c => FrameworkLimits.IsCode(c?.Trim())).WithMessage($"Enter a code of {FrameworkLimits.CodeHint}");
                RuleFor(f => f.Relation).NotNull().WithMessage("Choose how the QIs relate");
            });
        }
    }
}
