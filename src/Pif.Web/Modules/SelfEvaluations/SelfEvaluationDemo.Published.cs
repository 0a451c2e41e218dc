using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>The demo's previous cycle: Glasgow City's self-evaluation of the year before, validated and published.</summary>
public sealed partial class SelfEvaluationDemo
{
    private static readonly string[] Reasons =
    [
        "Case file reading found plans that did not follow from the assessment in a third of the cases read, which the grade does not reflect.",
        "The evidence is stronger than the council credits: the audits, the staff survey and what people told us all point the same way.",
        "Performance fell in the last two quarters of the period, and the self-evaluation draws on the earlier figures only.",
    ];

    /// <summary>
    /// Every QI agreed and decided on its one submission, most grades agreed and the rest a level either way,
    /// with a few support and challenge threads and the validation summary.
    /// </summary>
    private SelfEvaluation BuildPublished(Organisation council, PifUser lead, List<PifUser> contributors, PifUser inspector, IReadOnlyList<QiContent> content, int seed)
    {
        var evaluation = Build(council, lead, contributors, content, SelfEvaluationState.Published, seed, year: 2025);
        var random = new Random(seed);
        var submitted = new DateTime(2026, 6, 24, 14, 0, 0, DateTimeKind.Utc);
        evaluation.Submissions = 1;
        evaluation.FirstSubmittedAt = evaluation.SubmittedAt = submitted;
        evaluation.ValidatedAt = submitted.AddDays(42);
        evaluation.ValidatedById = inspector.Id;
        evaluation.PublishedAt = submitted.AddDays(49);
        evaluation.ValidationStrengths = "The council graded itself honestly: most grades match what we found, and where they do not, the council's own evidence often pointed the same way. "
            + "Contributors from every service wrote on each quality indicator, and the lead recorded why each grade was agreed.";
        evaluation.ValidationImprovements = "Several judgements rest on one kind of evidence, usually performance data. Next time, bring in what people who use services and staff say, "
            + "and read case files against the illustrations before grading.";
        foreach (var qi in evaluation.QiEvaluations)
        {
            var agreed = qi.Records.Single(r => r.Kind == RecordKind.Agreed).Grade!.Value;
            var roll = random.Next(0, 10);
            var grade = roll switch { < 7 => agreed, < 9 => Math.Max(1, agreed - 1), _ => Math.Min(6, agreed + 1) };
            qi.Decisions.Add(new ValidationDecision
            {
                QiEvaluationId = qi.Id,
                Submission = 1,
                Agrees = grade == agreed,
                Grade = grade,
                AgreedGrade = agreed,
                InspectorId = inspector.Id,
                Reasons = grade == agreed ? null : Reasons[random.Next(Reasons.Length)],
                DecidedAt = submitted.AddDays(30),
            });
            if (qi.Position % 8 == 1)
            {
                qi.Comments.Add(new QiComment { QiEvaluationId = qi.Id, AuthorId = inspector.Id, Kind = CommentKind.Challenge, Text = $"How do you know the grade for {qi.QiCode} holds across all three service areas, not only the one the evidence comes from?", At = submitted.AddDays(10), Submission = 1 });
                qi.Comments.Add(new QiComment { QiEvaluationId = qi.Id, AuthorId = lead.Id, Kind = CommentKind.Reply, Text = "We read 40 case files across children's, adult and justice services in May; the findings were similar in each, and the audit report sets them out service by service.", At = submitted.AddDays(12), Submission = 1 });
            }
            else if (qi.Position % 8 == 5)
            {
                qi.Comments.Add(new QiComment { QiEvaluationId = qi.Id, AuthorId = inspector.Id, Kind = CommentKind.Support, Text = "A well-evidenced judgement: the improvement since last year shows in the data and in what staff told us.", At = submitted.AddDays(11), Submission = 1 });
            }
        }

        return evaluation;
    }
}
