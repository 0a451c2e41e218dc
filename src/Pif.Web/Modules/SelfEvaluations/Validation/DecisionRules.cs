using Pif.Web.Infrastructure;
namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>What a validation decision needs: a different grade must be a level of the scale, differ from the council's, and come with reasons.</summary>
public static class DecisionRules
{
    public static IReadOnlyList<FieldProblem> Check(DecisionInput input, int? agreedGrade, IReadOnlyCollection<int> levels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(levels);
        var problems = new List<FieldProblem>();
        if (agreedGrade is null)
        {
            problems.Add(new("Agrees", "The council has not agreed a grade for this quality indicator, so there is nothing to decide on"));
            return problems;
        }

        if (!input.Agrees)
        {
            if (input.Grade is not { } grade || !levels.Contains(grade))
            {
                problems.Add(new("Grade", "Choose the grade you validate"));
            }
            else if (grade == agreedGrade)
            {
                problems.Add(new("Grade", $"Choose a grade different from the council's grade of {agreedGrade}, or choose that you agree with it"));
            }

            if (string.IsNullOrWhiteSpace(input.Reasons))
            {
                problems.Add(new("Reasons", "Enter your reasons for a different grade"));
            }
        }

        if (Texts.Exceeds(input.Reasons, ValidationDecision.ReasonsMaxLength))
        {
            problems.Add(new("Reasons", $"Write your reasons in {ValidationDecision.ReasonsMaxLength} characters or fewer"));
        }

        return problems;
    }
}
