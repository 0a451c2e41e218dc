using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The large report exports made in the background, and the person's access to what they export, read when they run.</summary>
public static class ReportExports
{
    public const string PackPdf = "inspection-pack-pdf";
    public const string PackZip = "inspection-pack-zip";
    public const string National = "national-overview";

    public const string NoLongerSeen = "You can no longer read what this export was of, so it was not made.";

    internal static async Task<UserAccess> AccessAsync(AppDbContext db, TimeProvider clock, ExportJob job, CancellationToken cancellationToken) =>
        await CurrentUser.ReadAsync(db, job.RequestedById, clock.GetUtcNow().UtcDateTime, null, null, cancellationToken)
            ?? throw new ExportFailedException(NoLongerSeen);

    internal static async Task<InspectionPack> PackAsync(AppDbContext db, TimeProvider clock, ExportJob job, CancellationToken cancellationToken) =>
        await InspectionPack.LoadAsync(db, await AccessAsync(db, clock, job, cancellationToken), job.SubjectId ?? Guid.Empty, Dates.LondonToday(clock), cancellationToken)
            ?? throw new ExportFailedException(NoLongerSeen);
}

internal sealed class PackZipProducer(AppDbContext db, TimeProvider clock) : IExportProducer
{
    public string Kind => ReportExports.PackZip;

    public string Title => "The inspection-readiness pack as a ZIP of its parts";

    public async Task<ExportOutput> ProduceAsync(ExportJob job, HttpContext http, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        var pack = await ReportExports.PackAsync(db, clock, job, cancellationToken);
        await progress(40);
        return new ExportOutput(await pack.ZipAsync(db, job.Site, cancellationToken), "application/zip", pack.FileName("zip"));
    }
}

internal sealed class PackPdfProducer(AppDbContext db, ReportFiles files, TimeProvider clock) : IExportProducer
{
    public string Kind => ReportExports.PackPdf;

    public string Title => "The inspection-readiness pack as one PDF";

    public async Task<ExportOutput> ProduceAsync(ExportJob job, HttpContext http, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        if (!files.PrintsPdf)
        {
            throw new ExportFailedException(PdfUnavailableException.Message);
        }

        var pack = await ReportExports.PackAsync(db, clock, job, cancellationToken);
        await progress(40);
        var document = await files.DocumentAsync(http, pack.Report, cancellationToken);
        return new ExportOutput(await files.PrintAsync(http, PackModel.DocumentView, new PackDocument(document, pack), cancellationToken), "application/pdf", pack.FileName("pdf"));
    }
}

internal sealed class NationalOverviewProducer(AppDbContext db, TimeProvider clock) : IExportProducer
{
    public string Kind => ReportExports.National;

    public string Title => "The national overview as a spreadsheet";

    public async Task<ExportOutput> ProduceAsync(ExportJob job, HttpContext http, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        if (!ReportAccess.SeesNationalOverview(await ReportExports.AccessAsync(db, clock, job, cancellationToken)))
        {
            throw new ExportFailedException(ReportExports.NoLongerSeen);
        }

        var overview = await NationalOverview.LoadAsync(db, job.Parameter, cancellationToken) ?? throw new ExportFailedException("No self-evaluation has been validated yet, so there is no overview to export.");
        await progress(60);
        return new ExportOutput(await NationalOverviewExport.XlsxAsync(overview, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Texts.FileName($"National overview {overview.Framework.Title}", "xlsx"));
    }
}

public static class ReportExportsSetup
{
    public static WebApplicationBuilder AddPifReportExports(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IExportProducer, PackZipProducer>();
        builder.Services.AddScoped<IExportProducer, PackPdfProducer>();
        builder.Services.AddScoped<IExportProducer, NationalOverviewProducer>();
        return builder;
    }
}
