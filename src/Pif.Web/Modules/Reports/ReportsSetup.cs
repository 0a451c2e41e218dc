using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure.Documents;

namespace Pif.Web.Modules.Reports;

public static class ReportsSetup
{
    public static WebApplicationBuilder AddPifReports(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<PdfOptions>(builder.Configuration.GetSection(PdfOptions.SectionName));
        builder.Services.AddSingleton<PdfPrinter>();
        builder.Services.AddScoped<ViewRenderer>();
        builder.Services.AddScoped<ReportFiles>();
        // The report's downloads live at the page's address with .docx or .pdf after it.
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Reports/SelfEvaluationReport", "/self-evaluations/{id:guid}/report.{format}"));
        return builder;
    }
}
