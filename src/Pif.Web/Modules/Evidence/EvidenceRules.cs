using Pif.Web.Infrastructure;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

/// <summary>What an evidence item needs, each problem with the field it concerns, in the form's order.</summary>
public static class EvidenceRules
{
    public static List<FieldProblem> Check(EvidenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > EvidenceItem.TitleMaxLength)
        {
            problems.Add(new("Title", $"Enter a title of {EvidenceItem.TitleMaxLength} characters or fewer, such as Staff survey 2026"));
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            problems.Add(new("Kind", "Choose the kind of evidence"));
        }

        if (Texts.Exceeds(input.Summary, EvidenceItem.SummaryMaxLength))
        {
            problems.Add(new("Summary", $"Shorten the summary to {EvidenceItem.SummaryMaxLength:N0} characters or fewer"));
        }

        if (Texts.Exceeds(input.Source, EvidenceItem.SourceMaxLength))
        {
            problems.Add(new("Source", $"Shorten the source to {EvidenceItem.SourceMaxLength} characters or fewer"));
        }

        if (input.EffectiveFrom is null)
        {
            problems.Add(new("EffectiveFrom", "Enter the first day of the period the evidence describes"));
        }

        if (input.EffectiveTo is null)
        {
            problems.Add(new("EffectiveTo", "Enter the last day of the period the evidence describes"));
        }
        else if (input.EffectiveFrom is { } from && input.EffectiveTo < from)
        {
            problems.Add(new("EffectiveTo", "The period must end on or after the day it starts"));
        }

        if (input.OwnerId is null)
        {
            problems.Add(new("OwnerId", "Choose who owns the evidence"));
        }

        if (ExternalLinks.Clean(input.Link) is { } link && ExternalLinks.Problem(link) is { } problem)
        {
            problems.Add(new("Link", problem));
        }

        return problems;
    }
}
