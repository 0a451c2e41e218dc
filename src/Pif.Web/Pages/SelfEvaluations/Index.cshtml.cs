using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>The self-evaluations the user may see, in every organisation they act for.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current, DataCache cache, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool CanStart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        CanStart = SelfEvaluationAccess.StartableIn(access).Count > 0;
        var today = Dates.LondonToday(clock);
        Rows = await cache.GetAsync((typeof(IndexModel), access.UserId, today), ct => RowsAsync(access, today, ct), cancellationToken);
    }

    /// <summary>The list is the reader's (what they may see), and whether each is overdue depends on the day.</summary>
    private async Task<IReadOnlyList<Row>> RowsAsync(UserAccess access, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await SelfEvaluationAccess.Visible(db, access)
            .OrderBy(s => s.State == SelfEvaluationState.Published).ThenByDescending(s => s.CreatedAt)
            .Select(s => new Row(
                s.Id,
                s.Title,
                db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(),
                db.FrameworkVersions.Where(v => v.Id == s.FrameworkVersionId).Select(v => v.Title + ", version " + v.Number).First(),
                s.State,
                s.DueDate,
                db.Users.Where(u => u.Id == s.LeadUserId).Select(u => u.DisplayName).First(),
                s.QiEvaluations.Count))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r with { Overdue = SelfEvaluation.IsOverdue(r.State, r.DueDate, today) })];
    }

    public sealed record Row(Guid Id, string Title, string Council, string Framework, SelfEvaluationState State, DateOnly DueDate, string Lead, int Qis)
    {
        public bool Overdue { get; init; }
    }
}
