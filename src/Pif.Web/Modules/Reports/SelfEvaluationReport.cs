using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>
/// Everything the self-evaluation report holds, as the reader may see it (issue: reports, item 1): the title page, the
/// method, each QI's agreed record with the proposed grades and the link inspector's decision, the grade profile and
/// agreement, the validation summary and the evidence index. The HTML page, the Word document and the PDF are all
/// written from this one record, so the three never disagree.
/// </summary>
public sealed record SelfEvaluationReport(
    SelfEvaluationReport.TitlePage Cover,
    SelfEvaluationReport.MethodPart Method,
    IReadOnlyList<SelfEvaluationReport.QiPart> Qis,
    GradeProfile Profile,
    SelfEvaluationReport.ValidationPart? Validation,
    IReadOnlyList<SelfEvaluationReport.EvidenceRow> Evidence)
{
    /// <summary>
    /// Whether the reader sees the working (contributors' proposed grades and the support and challenge thread). A
    /// council's viewer reads the published result only, and so does their copy.
    /// </summary>
    public bool IncludesWorking { get; init; }

    /// <summary>Whether the link inspector's decisions on the current submission are in it: for the inspector, and for everyone once validated.</summary>
    public bool IncludesDecisions { get; init; }

    public sealed record TitlePage(
        Guid Id, Guid OrganisationId, string Title, string Council, string Framework, int FrameworkVersion, SelfEvaluationState State,
        DateOnly PeriodStart, DateOnly PeriodEnd)
    {
        public string StateName => SelfEvaluationWording.State(State);
    }

    /// <param name="Dates">The steps it has been through so far, in order, with when each happened.</param>
    /// <param name="EvidenceByFamily">How many evidence items of each family support its QIs, in the framework's order of families.</param>
    public sealed record MethodPart(
        string ServiceAreas, int QiCount, string Lead, IReadOnlyList<string> Contributors, string? LinkInspector,
        IReadOnlyList<(string Step, DateTime At)> Dates, DateOnly DueDate, IReadOnlyList<(string Family, int Items)> EvidenceByFamily);

    /// <param name="Agreed">The council's agreed record; null until the lead writes it.</param>
    /// <param name="Proposed">Each contributor's proposed grade, by name; empty in a copy without the working.</param>
    /// <param name="Decision">The link inspector's decision on the current submission, when the reader may see it.</param>
    /// <param name="Thread">The support and challenge on this QI, oldest first; empty in a copy without the working.</param>
    /// <param name="Evidence">The titles of the evidence that supports it.</param>
    public sealed record QiPart(
        Guid Id, string Code, string Title, AgreedRecord? Agreed, IReadOnlyList<(string Name, int? Grade)> Proposed,
        DecisionPart? Decision, IReadOnlyList<Comment> Thread, IReadOnlyList<string> Evidence)
    {
        /// <summary>The proposed grades in a few words: "from 3 to 5 (4 contributors)" or "none yet".</summary>
        public string Spread()
        {
            var grades = Proposed.Select(p => p.Grade).OfType<int>().ToList();
            var who = Proposed.Count == 1 ? "1 contributor" : $"{Proposed.Count} contributors";
            return grades.Count == 0 ? $"No grade proposed yet ({who})"
                : grades.Min() == grades.Max() ? $"All {grades.Count} proposed {grades.Min()} ({who})"
                : $"From {grades.Min()} to {grades.Max()} ({who})";
        }
    }

    public sealed record AgreedRecord(
        string? HowAreWeDoing, string? HowDoWeKnow, string? WhatNext, IReadOnlyList<string> Strengths, IReadOnlyList<string> AreasForImprovement,
        int? Grade, string? GradeReason, string? Rationale, EvidenceConfidence? Confidence);

    public sealed record DecisionPart(int Grade, int AgreedGrade, bool Agrees, string? Reasons, string Inspector, DateTime DecidedAt);

    public sealed record Comment(string Author, CommentKind Kind, string Text, DateTime At)
    {
        public string KindName => Kind switch
        {
            CommentKind.Support => "Support",
            CommentKind.Challenge => "Challenge",
            _ => "Reply",
        };
    }

    /// <param name="Changed">The QIs whose grade the link inspector changed: code, title, from and to.</param>
    public sealed record ValidationPart(string? Strengths, string? Improvements, IReadOnlyList<(string Code, string Title, int From, int To)> Changed);

    /// <param name="Qis">The codes of the QIs it supports, in the self-evaluation's order.</param>
    public sealed record EvidenceRow(Guid Id, string Title, EvidenceKind Kind, DateOnly From, DateOnly To, IReadOnlyList<string> Qis)
    {
        public string KindName => EvidenceKinds.Label(Kind);

        public string FamilyName => EvidenceKinds.FamilyLabel(Kind);
    }

    /// <summary>A grade with its level's name, as the pages write it: "4: Good".</summary>
    public string LevelName(int? grade) => Profile.LevelName(grade);

    public string FileName(string extension) => Texts.FileName($"{Cover.Council} {Cover.Title} report", extension);
}
