using System.Globalization;
using Pif.Statistics;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>The report's words, shared by its HTML and its Word document so they read the same.</summary>
public static class ReportWording
{
    public const string HowAreWeDoing = "How are we doing?";
    public const string HowDoWeKnow = "How do we know?";
    public const string WhatNext = "What are we going to do now?";
    public const string NotWritten = "Not written";
    public const string NotAgreed = "The council has not agreed its record for this quality indicator yet.";
    public const string NoDecision = "No decision yet";
    public const string ValidationStrengths = "Strengths of the self-evaluation";
    public const string ValidationImprovements = "What to improve in how it was done";
    public const string ChangedGrades = "Grades the link inspector changed";
    public const string NoneChanged = "None: the link inspector agreed every grade.";

    public const string WithoutWorking =
        "This copy is for readers of the published self-evaluation: it leaves out the contributors' own evaluations and the support and challenge between the council and the link inspector.";

    public static string Subtitle(SelfEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Self-evaluation report of {report.Cover.Council}";
    }

    public static string Period(SelfEvaluationReport.TitlePage cover)
    {
        ArgumentNullException.ThrowIfNull(cover);
        return Period(cover.PeriodStart, cover.PeriodEnd);
    }

    public static string Period(DateOnly from, DateOnly to) => $"{Dates.Written(from)} to {Dates.Written(to)}";

    public static string Framework(SelfEvaluationReport.TitlePage cover)
    {
        ArgumentNullException.ThrowIfNull(cover);
        return $"{cover.Framework}, version {cover.FrameworkVersion.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Scope(SelfEvaluationReport.MethodPart method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return $"{method.ServiceAreas}; {(method.QiCount == 1 ? "1 quality indicator" : $"{method.QiCount} quality indicators")}";
    }

    /// <summary>A QI's grades, label and value in order: what was proposed, agreed and validated, as far as the reader may see.</summary>
    public static IReadOnlyList<(string Label, string Value)> Grades(SelfEvaluationReport report, SelfEvaluationReport.QiPart qi)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(qi);
        var lines = new List<(string, string)>();
        if (report.IncludesWorking)
        {
            lines.Add(("Proposed grades", qi.Spread()));
            lines.AddRange(qi.Proposed.Select(p => ($"Proposed by {p.Name}", p.Grade is { } g ? report.LevelName(g) : "No grade yet")));
        }

        var agreed = qi.Agreed;
        lines.Add(("Agreed grade", agreed?.Grade is { } grade ? report.LevelName(grade) : "Not agreed yet"));
        if (agreed is not null)
        {
            lines.Add(("Why this grade", agreed.GradeReason ?? "Not given"));
            lines.Add(("Rationale", agreed.Rationale ?? "Not given"));
            lines.Add(("Confidence in the evidence", agreed.Confidence is { } c ? SelfEvaluationWording.Confidence(c) : "Not given"));
        }

        if (qi.Decision is { } d)
        {
            lines.Add(("Validated grade", report.LevelName(d.Grade) + (d.Agrees ? " (agrees with the council)" : $" (the council's grade was {d.AgreedGrade.ToString(CultureInfo.InvariantCulture)})")));
            lines.Add(("The link inspector's reasons", d.Reasons ?? "None given"));
        }
        else if (report.Cover.State is SelfEvaluationState.Validated or SelfEvaluationState.Published || report.IncludesDecisions)
        {
            lines.Add(("Validated grade", NoDecision));
        }

        return lines;
    }

    /// <summary>The agreement between the council and the link inspector, label and value, as the grade profile page words it.</summary>
    public static IReadOnlyList<(string Label, string Value)> Agreement(GradeProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var a = profile.Agreement;
        if (a.ExactRate is not { } rate)
        {
            return [("Agreement", "None to measure yet: it comes from the link inspector's validation decisions")];
        }

        var same = profile.Rows.Count(r => r is { Validated: not null } && r.Agreed == r.Validated);
        var kappa = a.WeightedKappa is { } k
            ? $"{k.ToString("0.00", CultureInfo.InvariantCulture)} ({GradeProfile.Strength(k)})"
            : a.Unavailable == KappaUnavailable.TooFew
                ? $"Too few to compute: it needs decisions on at least {Pif.Statistics.Agreement.MinimumPairsForKappa} quality indicators"
                : "Too few to compute: every grade is at the same level";
        return [("Exact agreement", $"{GradeProfile.Percent(rate)}: the same grade on {same} of {a.Pairs} quality indicators"), ("Weighted kappa", kappa)];
    }

    public static string Changed(SelfEvaluationReport report, (string Code, string Title, int From, int To) qi)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{qi.Code} {qi.Title}: from {report.LevelName(qi.From)} to {report.LevelName(qi.To)}";
    }
}
