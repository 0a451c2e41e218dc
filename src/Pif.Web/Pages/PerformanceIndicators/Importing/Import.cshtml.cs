using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Pages.PerformanceIndicators.Importing;

/// <summary>
/// An uploaded file: before it is imported, what it would add, revise and leave, and every row it would skip with
/// the reason; the button that imports it; afterwards, what it did.
/// </summary>
public sealed class ImportModel(AppDbContext db, CurrentUser current, IndicatorImportsService imports) : PageModel
{
    /// <summary>The most problems a page lists; the API gives them all.</summary>
    public const int ProblemsShown = 500;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>An import as the page reads it: not its file, which may be megabytes.</summary>
    public sealed record ImportView(string FileName, ImportLayout Layout, ImportState State, DateTime CreatedAt, DateTime? CommittedAt, Guid? CommittedById,
        int Rows, int Added, int Revised, int Unchanged, int Skipped, string Problems, string Notes);

    public ImportView Import { get; private set; } = null!;

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public IReadOnlyList<string> Notes { get; private set; } = [];

    /// <summary>Whether a row of the file holds many figures, so the summary counts figures rather than rows.</summary>
    public bool Wide => Import.Layout is ImportLayout.WideWithYearColumn or ImportLayout.WideWithYearInHeadings;

    public string? CommittedBy { get; private set; }

    /// <summary>For a file of a layout Pif does not know: its headings, to say what each holds.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>What each column holds, by position; null for one not to import.</summary>
    [BindProperty]
    public List<ImportColumn?> Columns { get; set; } = [];

    /// <summary>The councils whose own indicators the user imports, when there are several to choose from.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    [BindProperty]
    public Guid? Council { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await imports.CommitAsync((await current.GetAccessAsync(cancellationToken))!, Id, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("The file has been imported");
            return RedirectToPage("/PerformanceIndicators/Importing/Import", new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound());
    }

    public async Task<IActionResult> OnPostColumnsAsync(CancellationToken cancellationToken)
    {
        var result = await imports.MapColumnsAsync((await current.GetAccessAsync(cancellationToken))!, Id, Columns, Council, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("Pif has read the file as you said: check what importing it would do");
            return RedirectToPage("/PerformanceIndicators/Importing/Import", new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var import = await PerformanceIndicatorAccess.Imports(db, access).Where(i => i.Id == Id)
            .Select(i => new ImportView(i.FileName, i.Layout, i.State, i.CreatedAt, i.CommittedAt, i.CommittedById, i.Rows, i.Added, i.Revised, i.Unchanged, i.Skipped, i.Problems, i.Notes))
            .SingleOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return false;
        }

        Import = import;
        Problems = IndicatorImportsService.ProblemsOf(import.Problems);
        Notes = IndicatorImportsService.NotesOf(import.Notes);
        CommittedBy = import.CommittedById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleAsync(cancellationToken) : null;
        if (import.Layout == ImportLayout.Unknown)
        {
            var content = await db.IndicatorImports.Where(i => i.Id == Id).Select(i => i.Content).SingleAsync(cancellationToken);
            Header = ImportFile.UnknownHeader(content) ?? [];
            var councils = PerformanceIndicatorPermissions.LocalImportCouncils(access);
            Councils = councils.Count < 2 ? [] : access.Memberships.Where(m => councils.Contains(m.OrganisationId)).DistinctBy(m => m.OrganisationId)
                .Select(m => (m.OrganisationId, m.OrganisationName)).OrderBy(c => c.OrganisationName, StringComparer.Ordinal).ToList();
        }

        return true;
    }
}
