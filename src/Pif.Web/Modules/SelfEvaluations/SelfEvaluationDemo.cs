using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// Deterministic demo self-evaluations against the Performance Improvement Framework, for a
/// newcomer's first look (Development) and for the benchmark. The same seed always writes the same
/// evaluations; a council that already has the demo evaluation is left alone.
/// </summary>
public sealed partial class SelfEvaluationDemo(AppDbContext db, UserManager<PifUser> users, TimeProvider clock)
{
    public const string Title = "Self-evaluation 2026 to 2027";

    /// <summary>
    /// <c>demo</c>: Glasgow City in progress (every QI, both demo contributors, some agreed) and Fife in draft.
    /// <c>national</c>: that, and every other council in progress too, each QI with five contributors.
    /// </summary>
    public async Task SeedAsync(string size, CancellationToken cancellationToken)
    {
        var pif = await db.FrameworkVersions.Where(v => v.Framework.Code == "PIF" && v.Status == FrameworkStatus.Published).OrderByDescending(v => v.Number)
            .Select(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        var content = await ContentAsync(pif, cancellationToken);
        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Code).ToListAsync(cancellationToken);
        foreach (var council in councils)
        {
            var glasgow = council.Code == "S12000049";
            var fife = council.Code == "S12000047";
            if (!(glasgow || fife || size == "national") || await db.SelfEvaluations.AnyAsync(s => s.OrganisationId == council.Id && s.Title == Title, cancellationToken))
            {
                continue;
            }

            var slug = fife ? "fife" : glasgow ? "glasgow" : council.Code.ToLowerInvariant();
            var lead = await UserAsync(council, $"lead.{slug}@{DemoAccounts.Domain}", $"Demo evaluation lead, {council.Name}", OrganisationRole.EvaluationLead, cancellationToken);
            var contributors = new List<PifUser>();
            for (var n = 1; n <= (size == "national" ? 5 : 2); n++)
            {
                contributors.Add(await UserAsync(council, $"contributor{n}.{slug}@{DemoAccounts.Domain}", $"Demo contributor {n}, {council.Name}", OrganisationRole.Contributor, cancellationToken));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.SelfEvaluations.Add(Build(council, lead, fife ? [] : contributors, content, fife ? SelfEvaluationState.Draft : SelfEvaluationState.InProgress, Seed(council.Code)));
            if (glasgow && await users.FindByEmailAsync($"inspector@{DemoAccounts.Domain}") is { } inspector)
            {
                db.SelfEvaluations.Add(BuildPublished(council, lead, contributors, inspector, content, Seed(council.Code) + 1));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private SelfEvaluation Build(Organisation council, PifUser lead, List<PifUser> contributors, IReadOnlyList<QiContent> content, SelfEvaluationState state, int seed, int year = 2026)
    {
        var random = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var evaluation = new SelfEvaluation
        {
            OrganisationId = council.Id,
            Title = year == 2026 ? Title : $"Self-evaluation {year} to {year + 1}",
            FrameworkVersionId = content[0].VersionId,
            ServiceAreas = ServiceAreas.WholeService,
            PeriodStart = new DateOnly(year, 4, 1),
            PeriodEnd = new DateOnly(year + 1, 3, 31),
            DueDate = new DateOnly(year + 1, 6, 30),
            LeadUserId = lead.Id,
            State = state,
            CreatedAt = now,
        };
        foreach (var (qi, position) in content.Select((q, i) => (q, i)))
        {
            var evaluated = new QiEvaluation { SelfEvaluationId = evaluation.Id, QualityIndicatorId = qi.Id, QiCode = qi.Code, Position = position };
            evaluated.Assignments.AddRange(contributors.Select(c => new QiAssignment { QiEvaluationId = evaluated.Id, UserId = c.Id }));
            var grades = new List<int>();
            foreach (var contributor in contributors)
            {
                var grade = random.Next(2, 6);
                grades.Add(grade);
                evaluated.Records.Add(Record(evaluated.Id, RecordKind.Contribution, contributor.Id, qi, grade, random.Next(0, 3) > 0, now));
            }

            // About two in five QIs agreed (all of them once submitted), the lead taking the middle grade of the contributions.
            if (contributors.Count > 0 && (position % 5 < 2 || state > SelfEvaluationState.InProgress))
            {
                var agreed = Record(evaluated.Id, RecordKind.Agreed, null, qi, grades.Order().ElementAt(grades.Count / 2), false, now);
                agreed.GradeReason = "The middle of the contributors' grades, which the evidence from case file reading supports.";
                agreed.UpdatedById = lead.Id;
                evaluated.Records.Add(agreed);
            }

            evaluation.QiEvaluations.Add(evaluated);
        }

        return evaluation;
    }

    /// <summary>A record whose text comes from the framework's own illustration of the grade given, and its suggested evidence.</summary>
    private static EvaluationRecord Record(Guid qiEvaluationId, RecordKind kind, Guid? author, QiContent qi, int grade, bool complete, DateTime now)
    {
        var illustration = grade >= 4 ? qi.Strong : qi.Weak;
        var sentences = Sentence().Split(illustration).Where(s => s.Length > 0).ToList();
        var record = new EvaluationRecord
        {
            QiEvaluationId = qiEvaluationId,
            Kind = kind,
            AuthorId = author,
            HowAreWeDoing = string.Join(' ', sentences.Take(2)),
            HowDoWeKnow = "We looked at: " + string.Join("; ", qi.Evidence.Select(e => char.ToLowerInvariant(e[0]) + e[1..].TrimEnd('.'))) + ".",
            WhatNext = grade >= 4 ? "Keep what works, and share it with the teams that do less well: " + sentences[^1] : "Act on the weakest area first: " + sentences[^1],
            Grade = grade,
            Rationale = $"Most of the evidence matches the level-{(grade >= 4 ? 5 : 2)} illustration, which points to a grade of {grade}.",
            Confidence = grade >= 4 ? EvidenceConfidence.Medium : EvidenceConfidence.High,
            IsComplete = complete,
            UpdatedAt = now,
            UpdatedById = author,
        };
        record.Items.Add(new RecordItem { RecordId = record.Id, Kind = ItemKind.Strength, Text = $"{qi.Themes[0]}: {sentences[0]}", Position = 0 });
        record.Items.Add(new RecordItem { RecordId = record.Id, Kind = ItemKind.AreaForImprovement, Text = $"{qi.Themes[^1]}: {Sentence().Split(qi.Weak)[0]}", Position = 0 });
        return record;
    }

    private async Task<IReadOnlyList<QiContent>> ContentAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var groups = await db.FrameworkGroups.Where(g => g.VersionId == versionId).ToDictionaryAsync(g => g.Id, g => new { g.ParentId, g.Position }, cancellationToken);
        var qis = await db.QualityIndicators.Where(q => q.VersionId == versionId).AsSplitQuery()
            .Select(q => new
            {
                q.Id,
                q.Code,
                q.GroupId,
                q.Position,
                Themes = q.Themes.OrderBy(t => t.Position).Select(t => t.Title).ToList(),
                Strong = q.Illustrations.Where(i => i.ThemeId == null && i.Level == 5).Select(i => i.Text).FirstOrDefault(),
                Weak = q.Illustrations.Where(i => i.ThemeId == null && i.Level == 2).Select(i => i.Text).FirstOrDefault(),
                Evidence = q.SuggestedEvidence.OrderBy(e => e.Position).Select(e => e.Text).Take(2).ToList(),
            }).ToListAsync(cancellationToken);
        return qis.OrderBy(q => groups[q.GroupId].ParentId is { } p ? groups[p].Position : groups[q.GroupId].Position).ThenBy(q => groups[q.GroupId].Position).ThenBy(q => q.Position)
            .Select(q => new QiContent(versionId, q.Id, q.Code, q.Themes, q.Strong ?? q.Code, q.Weak ?? q.Code, q.Evidence)).ToList();
    }

    /// <summary>The demo user, made without a password when missing (the demo accounts that sign in already exist).</summary>
    private async Task<PifUser> UserAsync(Organisation council, string email, string name, OrganisationRole role, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PifUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganisationId == council.Id && m.Role == role, cancellationToken))
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = council.Id, Role = role });
        }

        return user;
    }

    /// <summary>A seed from the council code that is the same on every machine and every run (string hash codes are not).</summary>
    private static int Seed(string code) => code.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    [GeneratedRegex(@"(?<=[.?!])\s+")]
    private static partial Regex Sentence();

    private sealed record QiContent(Guid VersionId, Guid Id, string Code, IReadOnlyList<string> Themes, string Strong, string Weak, IReadOnlyList<string> Evidence);
}
