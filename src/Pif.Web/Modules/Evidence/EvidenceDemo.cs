using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// Deterministic demo evidence (Development and the benchmark): for each council whose demo
/// self-evaluation is in progress, six items across the four families, linked so that some QIs have
/// none, some one family and some several, one item due for review and one stale.
/// </summary>
public sealed class EvidenceDemo(AppDbContext db, TimeProvider clock)
{
    private const string Marker = "Staff survey 2025";

    private static readonly (string Title, EvidenceKind Kind, DateOnly From, DateOnly To, DateOnly? Review, bool ByLead, string Summary)[] Items =
    [
        (Marker, EvidenceKind.StaffSurvey, new(2025, 11, 1), new(2025, 12, 31), new(2026, 12, 31), false,
            "Seven in ten staff who answered feel well supported by their line manager; fewer than half say caseloads let them do their best work."),
        ("Survey of people who use adult services 2025", EvidenceKind.UsersSurvey, new(2025, 10, 1), new(2025, 12, 31), new(2026, 12, 31), false,
            "Most people say they were treated with respect and involved in their support plan; a third did not know who to contact out of hours."),
        ("Case file audit: children's services, spring 2026", EvidenceKind.CaseFileAudit, new(2026, 4, 1), new(2026, 5, 31), null, false,
            "Forty case files read against the framework's illustrations: chronologies were current in most, and plans followed from the assessment in two in three."),
        ("Local Government Benchmarking Framework indicators 2024 to 2025", EvidenceKind.PerformanceData, new(2024, 4, 1), new(2025, 3, 31), new(2027, 3, 31), true,
            "The council's social work indicators against its family group and Scotland, with three years of trend."),
        ("Supervision policy", EvidenceKind.Document, new(2023, 4, 1), new(2027, 3, 31), new(2026, 9, 30), true,
            "Monthly recorded supervision for every practitioner, with reflective discussion of at least one case."),
        ("Care Inspectorate inspection report 2022", EvidenceKind.ExternalReport, new(2021, 10, 1), new(2022, 3, 31), null, true,
            "The last joint inspection of services for children at risk of harm, with its four areas for improvement."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var evaluations = await db.SelfEvaluations.Where(s => s.Title == SelfEvaluationDemo.Title && s.State == SelfEvaluationState.InProgress)
            .Where(s => !db.EvidenceItems.Any(e => e.OrganisationId == s.OrganisationId && e.Title == Marker))
            .Select(s => new
            {
                s.Id,
                s.OrganisationId,
                s.LeadUserId,
                Contributor = s.QiEvaluations.SelectMany(q => q.Assignments).OrderBy(a => a.UserId).Select(a => (Guid?)a.UserId).FirstOrDefault(),
                Qis = s.QiEvaluations.OrderBy(q => q.Position).Select(q => q.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var evaluation in evaluations)
        {
            var items = Items.Select(i =>
            {
                var owner = i.ByLead ? evaluation.LeadUserId : evaluation.Contributor ?? evaluation.LeadUserId;
                return new EvidenceItem
                {
                    OrganisationId = evaluation.OrganisationId,
                    Title = i.Title,
                    Kind = i.Kind,
                    Summary = i.Summary,
                    Source = i.ByLead ? "Performance and improvement team" : "Practice development team",
                    EffectiveFrom = i.From,
                    EffectiveTo = i.To,
                    ReviewDate = i.Review,
                    OwnerId = owner,
                    AddedById = owner,
                    AddedAt = now,
                    UpdatedAt = now,
                };
            }).ToList();
            db.EvidenceItems.AddRange(items);
            AddCsv(items[3], now);

            // By position: none, a survey, a survey and an audit, the indicators and a policy, a stale report and a survey.
            int[][] pattern = [[], [0], [0, 2], [3, 4], [5, 1]];
            foreach (var (qi, position) in evaluation.Qis.Select((q, p) => (q, p)))
            {
                db.EvidenceLinks.AddRange(pattern[position % pattern.Length].Select(i => new EvidenceLink { EvidenceItemId = items[i].Id, QiEvaluationId = qi, LinkedAt = now, LinkedById = items[i].OwnerId }));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A small CSV of indicator values, stored as the real uploads are: one chunk.</summary>
    private void AddCsv(EvidenceItem item, DateTime now)
    {
        var bytes = Encoding.UTF8.GetBytes("indicator,2022-23,2023-24,2024-25\nchildren looked after in the community (%),89.1,89.6,90.2\nadults supported at home (%),61.3,62.0,62.8\n");
        var file = new EvidenceFile { EvidenceItemId = item.Id, FileName = "lgbf-indicators-2024-25.csv", ContentType = "text/csv", Length = bytes.Length, Chunks = 1, UploadedAt = now, UploadedById = item.OwnerId };
        db.EvidenceFiles.Add(file);
        db.FileChunks.Add(new FileChunk { FileId = file.Id, Index = 0, Data = bytes });
    }
}
