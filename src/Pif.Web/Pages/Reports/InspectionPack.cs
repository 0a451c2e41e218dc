using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.Reports;
using Pif.Web.Pages.ImprovementPlans;

namespace Pif.Web.Pages.Reports;

/// <summary>
/// What the link inspector reads before fieldwork (issue: reports, item 3): the self-evaluation report with its
/// evidence index, the improvement plan that answers it, and the council's indicator profile in every service area.
/// </summary>
/// <param name="Plan">The plan made from this self-evaluation, else the council's latest approved plan, as far as the reader sees it; null when there is none.</param>
public sealed record InspectionPack(SelfEvaluationReport Report, PlanView? Plan, IReadOnlyList<CouncilProfile> Profiles)
{
    public const string ReportFile = "Self-evaluation report.docx";
    public const string EvidenceFile = "Evidence index.xlsx";
    public const string PlanDocxFile = "Improvement plan.docx";
    public const string PlanXlsxFile = "Improvement plan.xlsx";
    public const string ProfileFile = "Indicator profile.xlsx";

    public string FileName(string extension) => Texts.FileName($"{Report.Cover.Council} {Report.Cover.Title} inspection-readiness pack", extension);

    /// <summary>The pack of a self-evaluation the user may see, or null (a 404).</summary>
    public static async Task<InspectionPack?> LoadAsync(AppDbContext db, UserAccess access, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await SelfEvaluationReports.LoadAsync(db, access, id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var council = report.Cover.OrganisationId;
        var planId = await ImprovementPlanAccess.Visible(db, access).Where(p => p.OrganisationId == council && (p.SelfEvaluationId == id || p.Approvals.Any()))
            .OrderByDescending(p => p.SelfEvaluationId == id).ThenByDescending(p => p.PeriodStart).ThenByDescending(p => p.CreatedAt)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var plan = planId is { } found ? await PlanView.LoadAsync(db, access, found, today, cancellationToken) : null;
        var profiles = new List<CouncilProfile>();
        foreach (var category in await CouncilProfile.CategoriesAsync(db, cancellationToken))
        {
            if (await CouncilProfile.LoadAsync(db, council, category, cancellationToken) is { Rows.Count: > 0 } profile)
            {
                profiles.Add(profile);
            }
        }

        return new InspectionPack(report, plan, profiles);
    }

    /// <summary>The parts as files in one ZIP: the report and the plan as Word documents, the evidence index, the plan and the profile as workbooks.</summary>
    /// <param name="site">The app's address, so the evidence index links to each item's page.</param>
    public async Task<byte[]> ZipAsync(AppDbContext db, string site, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(zip, ReportFile, SelfEvaluationReportDocx.Write(Report), cancellationToken);
            await AddAsync(zip, EvidenceFile, await EvidenceXlsxAsync(site, cancellationToken), cancellationToken);
            if (Plan is not null)
            {
                await AddAsync(zip, PlanDocxFile, await PlanExport.DocxAsync(db, Plan, cancellationToken), cancellationToken);
                await AddAsync(zip, PlanXlsxFile, await PlanExport.XlsxAsync(db, Plan, cancellationToken), cancellationToken);
            }

            if (Profiles.Count > 0)
            {
                await AddAsync(zip, ProfileFile, await ProfileXlsxAsync(cancellationToken), cancellationToken);
            }
        }

        return stream.ToArray();
    }

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken);
        await entry.WriteAsync(content, cancellationToken);
    }

    private async Task<byte[]> EvidenceXlsxAsync(string site, CancellationToken cancellationToken)
    {
        var rows = Report.Evidence.Select(e => new Dictionary<string, object?>
        {
            ["Evidence"] = e.Title,
            ["Kind"] = e.KindName,
            ["Family"] = e.FamilyName,
            ["From"] = e.From.ToDateTime(TimeOnly.MinValue),
            ["To"] = e.To.ToDateTime(TimeOnly.MinValue),
            ["Supports"] = string.Join(", ", e.Qis),
            ["Link"] = $"{site}/evidence/{e.Id}",
        }).ToList();
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows, sheetName: "Evidence", cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private async Task<byte[]> ProfileXlsxAsync(CancellationToken cancellationToken)
    {
        // A sheet per service area; Excel allows 31 characters in a sheet's name.
        var sheets = Profiles.ToDictionary(p => p.Category.Length > 31 ? p.Category[..31] : p.Category, p => (object)p.Rows.Select(r => new Dictionary<string, object?>
        {
            ["Code"] = r.Indicator.Code,
            ["Indicator"] = r.Indicator.Title,
            ["Period"] = r.Period,
            [p.Council] = IndicatorSeries.Format(r.Indicator, r.Value),
            ["Family group"] = r.FamilyGroup is { } f ? IndicatorSeries.Format(r.Indicator, f) : null,
            ["Scotland"] = r.Scotland is { } s ? IndicatorSeries.Format(r.Indicator, s) : null,
            ["Where it stands"] = Standing(r),
        }).ToList());
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Where the council's figure stands among the councils', in the profile page's words.</summary>
    public static string Standing(CouncilProfile.Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var quarter = PerformanceIndicators.ProfileModel.Quarter(row);
        return row.Quarter is null ? quarter : $"{quarter}: {row.Better} of {row.Councils} councils have a better figure";
    }
}
