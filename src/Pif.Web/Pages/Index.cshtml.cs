using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;
using Pif.Web.Pages.ImprovementPlans;

namespace Pif.Web.Pages;

/// <remarks>What needs the person is kept for them in <see cref="DataCache"/> until something changes.</remarks>
public sealed class IndexModel(CurrentUser current, AppDbContext db, DataCache cache, TimeProvider clock) : PageModel
{
    public UserAccess Access { get; private set; } = null!;

    /// <summary>Each organisation the user acts for, with their roles there.</summary>
    public IReadOnlyList<(string Organisation, string Roles)> ActsFor { get; private set; } = [];

    /// <summary>For a link inspector: the submissions of their councils that wait for validation, oldest first.</summary>
    public IReadOnlyList<(Guid Id, string Title, string Council, DateTime SubmittedAt)> AwaitingValidation { get; private set; } = [];

    /// <summary>The evidence the user owns that is past its review date, oldest review first.</summary>
    public IReadOnlyList<(Guid Id, string Title, DateOnly ReviewDate)> DueForReview { get; private set; } = [];

    public bool KeepsEvidence { get; private set; }

    public WhatNeedsYou Work { get; private set; } = new([], []);

    /// <summary>The user's improvement actions that need them: overdue or due soon, quiet for a month, a milestone this week.</summary>
    public IReadOnlyList<MyTasks.Item> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            // The account was removed while its cookie was still valid.
            return Challenge();
        }

        Access = access;
        ActsFor = access.Memberships
            .GroupBy(m => m.OrganisationName)
            .Select(g => (g.Key, string.Join(", ", g.Select(m => OrganisationRoles.Label(m.Role)))))
            .ToList();
        var user = access.UserId;
        var today = Dates.LondonToday(clock);
        if (access.AssignedCouncils.Count > 0)
        {
            var councils = access.AssignedCouncils.Select(c => c.CouncilId).ToList();
            AwaitingValidation = await cache.GetAsync((typeof(IndexModel), "awaiting", user), async ct =>
                (IReadOnlyList<(Guid Id, string Title, string Council, DateTime SubmittedAt)>)(await SelfEvaluationAccess.Visible(db, access)
                        .Where(s => s.State == SelfEvaluationState.Submitted && councils.Contains(s.OrganisationId))
                        .OrderBy(s => s.SubmittedAt)
                        .Select(s => new { s.Id, s.Title, Council = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(), s.SubmittedAt })
                        .ToListAsync(ct))
                    .Select(s => (s.Id, s.Title, s.Council, s.SubmittedAt!.Value)).ToList(), cancellationToken);
        }

        Work = await cache.GetAsync((typeof(WhatNeedsYou), user), ct => WhatNeedsYou.LoadAsync(db, access, ct), cancellationToken);
        if (SelfEvaluationAccess.SeesAny(access))
        {
            Tasks = await cache.GetAsync((typeof(MyTasks), user, today), ct => MyTasks.LoadAsync(db, access, today, ct), cancellationToken);
        }
        KeepsEvidence = EvidenceAccess.Councils(access).Count > 0;
        if (KeepsEvidence)
        {
            DueForReview = await cache.GetAsync((typeof(IndexModel), "review", user, today), async ct =>
                (IReadOnlyList<(Guid Id, string Title, DateOnly ReviewDate)>)(await EvidenceAccess.Visible(db, access).Where(e => e.OwnerId == user && e.ReviewDate < today).OrderBy(e => e.ReviewDate).Take(20)
                        .Select(e => new { e.Id, e.Title, e.ReviewDate }).ToListAsync(ct))
                    .Select(e => (e.Id, e.Title, e.ReviewDate!.Value)).ToList(), cancellationToken);
        }

        return Page();
    }
}
