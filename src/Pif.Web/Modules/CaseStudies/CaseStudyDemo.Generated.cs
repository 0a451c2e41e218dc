using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// For the benchmark (<c>Demo:Size=national</c>): 10,000 generated case studies, each titled "Generated example" and
/// labelled as a demonstration, put together from a small vocabulary so search has realistic words, repeats and ranks.
/// </summary>
public sealed partial class CaseStudyDemo
{
    public const int Generated = 10_000;

    private static readonly string[] Subjects =
    [
        "kinship carers", "young carers", "older people at home", "care leavers", "adults at risk", "families under stress",
        "people leaving hospital", "children on the child protection register", "people with dementia", "unpaid carers",
        "people on community payback orders", "disabled children", "people using self-directed support", "foster carers",
    ];

    private static readonly string[] Problems =
    [
        "waited too long for an assessment", "were not asked what mattered to them", "had plans that were not reviewed on time",
        "moved between workers too often", "did not know who to contact", "were readmitted to hospital within weeks",
        "were placed far from home", "found the paperwork hard to follow", "had support that stopped without warning",
    ];

    private static readonly string[] Changes =
    [
        "a single named worker", "a weekly huddle tracking every open case", "a plain-language guide written with people who use services",
        "reviews booked a month ahead", "a duty worker for first contact", "reablement within 48 hours", "peer support from people with lived experience",
        "joint visits with health colleagues", "a shared assessment template", "evening and weekend support",
    ];

    private static readonly string[] Measures =
    [
        "waiting times", "reviews held on time", "readmissions", "people's own ratings", "placements close to home", "staff turnover", "complaints",
    ];

    private static readonly string[] Qis = ["1.1", "2.1", "2.2", "3.1", "5.1", "5.2", "5.3", "5.4", "5.5", "6.4", "7.2", "8.3", "9.4"];

    private static readonly ServiceAreas[] Areas = [ServiceAreas.ChildrenAndFamilies, ServiceAreas.AdultServices, ServiceAreas.JusticeSocialWork, ServiceAreas.WholeService];

    /// <summary>The <paramref name="n"/>th generated example's words: the same every time.</summary>
    private static Example GeneratedExample(int n, IReadOnlyList<string> councils)
    {
        var subject = Subjects[n % Subjects.Length];
        var problem = Problems[(n / Subjects.Length) % Problems.Length];
        var change = Changes[(n / 7) % Changes.Length];
        var measure = Measures[(n / 3) % Measures.Length];
        var before = 20 + (n % 30);
        var after = before - 3 - (n % 11);
        return new(
            councils[n % councils.Count],
            $"Generated example {n + 1}: {change} for {subject}",
            $"{char.ToUpperInvariant(subject[0])}{subject[1..]} {problem}. We tried {change}, and {measure} improved.",
            Areas[n % Areas.Length],
            2015 + (n % 11),
            $"{char.ToUpperInvariant(subject[0])}{subject[1..]} {problem}. Our {measure} stood at **{before}** in the year before.",
            $"* We tested {change} with a few people first.\n* Then we spread it across the service, checking {measure} each month.",
            $"{char.ToUpperInvariant(measure[0])}{measure[1..]} moved from {before} to {after}.",
            n % 2 == 0 ? $"Managers protected the time that {change} needed." : null,
            n % 3 == 0 ? "Recruitment took longer than planned." : null,
            null,
            "Service manager",
            [Qis[n % Qis.Length], Qis[(n / Qis.Length) % Qis.Length]],
            []);
    }
}
