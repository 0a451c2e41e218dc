using FluentValidation;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>
/// The fields of a contribution or agreed record as one form: the three questions, strengths and
/// areas for improvement (each an item that can be changed, moved or removed with the same submit,
/// so nothing typed elsewhere on the form is lost), a grade, rationale and confidence.
/// </summary>
public sealed class RecordForm
{
    public string? HowAreWeDoing { get; set; }

    public string? HowDoWeKnow { get; set; }

    public string? WhatNext { get; set; }

    public List<ItemField> Strengths { get; set; } = [];

    public List<ItemField> Areas { get; set; } = [];

    public string? NewStrength { get; set; }

    public string? NewArea { get; set; }

    public int? Grade { get; set; }

    public string? Rationale { get; set; }

    public EvidenceConfidence? Confidence { get; set; }

    public bool IsComplete { get; set; }

    public string? GradeReason { get; set; }

    /// <summary>The version of the record the form was filled from; empty for a record not yet saved.</summary>
    public Guid? Stamp { get; set; }

    /// <summary>A move button pressed: "strengths:2:up" or "areas:0:down".</summary>
    public string? Move { get; set; }

    /// <summary>A remove button pressed: "strengths:2".</summary>
    public string? Remove { get; set; }

    public sealed class ItemField
    {
        public Guid? Id { get; set; }

        public string? Text { get; set; }
    }

    public static RecordForm From(EvaluationRecord? record) => record is null ? new() : new()
    {
        HowAreWeDoing = record.HowAreWeDoing,
        HowDoWeKnow = record.HowDoWeKnow,
        WhatNext = record.WhatNext,
        Strengths = Items(record, ItemKind.Strength),
        Areas = Items(record, ItemKind.AreaForImprovement),
        Grade = record.Grade,
        Rationale = record.Rationale,
        Confidence = record.Confidence,
        IsComplete = record.IsComplete,
        GradeReason = record.GradeReason,
        Stamp = record.ConcurrencyStamp,
    };

    /// <summary>Applies a pressed move or remove button to the lists, then turns the form into the service's input.</summary>
    public RecordInput ToInput()
    {
        Rearrange(Move, Remove);
        var items = Strengths.Select(i => new ItemInput(i.Id, ItemKind.Strength, i.Text ?? ""))
            .Append(new ItemInput(null, ItemKind.Strength, NewStrength ?? ""))
            .Concat(Areas.Select(i => new ItemInput(i.Id, ItemKind.AreaForImprovement, i.Text ?? "")))
            .Append(new ItemInput(null, ItemKind.AreaForImprovement, NewArea ?? ""))
            .ToList();
        return new RecordInput(HowAreWeDoing, HowDoWeKnow, WhatNext, Grade, Rationale, Confidence, IsComplete, items);
    }

    private void Rearrange(string? move, string? remove)
    {
        if (remove?.Split(':') is [var list, var index] && int.TryParse(index, out var at) && ListOf(list) is { } items && at >= 0 && at < items.Count)
        {
            items.RemoveAt(at);
        }

        if (move?.Split(':') is [var moved, var from, var direction] && int.TryParse(from, out var i) && ListOf(moved) is { } group && i >= 0 && i < group.Count)
        {
            var to = direction == "up" ? i - 1 : i + 1;
            if (to >= 0 && to < group.Count)
            {
                (group[i], group[to]) = (group[to], group[i]);
            }
        }
    }

    private List<ItemField>? ListOf(string name) => name switch
    {
        "strengths" => Strengths,
        "areas" => Areas,
        _ => null,
    };

    private static List<ItemField> Items(EvaluationRecord record, ItemKind kind) =>
        record.Items.Where(i => i.Kind == kind).OrderBy(i => i.Position).Select(i => new ItemField { Id = i.Id, Text = i.Text }).ToList();

    public sealed class Validator : AbstractValidator<RecordForm>
    {
        public Validator()
        {
            foreach (var (answer, name) in new (System.Linq.Expressions.Expression<Func<RecordForm, string?>>, string)[]
            {
                (f => f.HowAreWeDoing, "How are we doing?"),
                (f => f.HowDoWeKnow, "How do we know?"),
                (f => f.WhatNext, "What are we going to do now?"),
            })
            {
                RuleFor(answer).MaximumCharacters(EvaluationRecord.AnswerMaxLength).WithMessage($"Shorten your answer to \"{name}\" to {EvaluationRecord.AnswerMaxLength:N0} characters or fewer");
            }

            RuleForEach(f => f.Strengths).ChildRules(item => item.RuleFor(i => i.Text).MaximumCharacters(EvaluationRecord.ItemMaxLength)
                .WithMessage($"Shorten this strength to {EvaluationRecord.ItemMaxLength:N0} characters or fewer"));
            RuleFor(f => f.NewStrength).MaximumCharacters(EvaluationRecord.ItemMaxLength).WithMessage($"Shorten the new strength to {EvaluationRecord.ItemMaxLength:N0} characters or fewer");
            RuleForEach(f => f.Areas).ChildRules(item => item.RuleFor(i => i.Text).MaximumCharacters(EvaluationRecord.ItemMaxLength)
                .WithMessage($"Shorten this area for improvement to {EvaluationRecord.ItemMaxLength:N0} characters or fewer"));
            RuleFor(f => f.NewArea).MaximumCharacters(EvaluationRecord.ItemMaxLength).WithMessage($"Shorten the new area for improvement to {EvaluationRecord.ItemMaxLength:N0} characters or fewer");
            RuleFor(f => f.Rationale).MaximumCharacters(EvaluationRecord.RationaleMaxLength).WithMessage($"Shorten the rationale to {EvaluationRecord.RationaleMaxLength:N0} characters or fewer");
            RuleFor(f => f.GradeReason).MaximumCharacters(EvaluationRecord.RationaleMaxLength).WithMessage($"Shorten the reason to {EvaluationRecord.RationaleMaxLength:N0} characters or fewer");
            RuleFor(f => f.Grade).NotNull().When(f => f.IsComplete).WithMessage("Choose a proposed grade before marking your contribution complete");
        }
    }
}
