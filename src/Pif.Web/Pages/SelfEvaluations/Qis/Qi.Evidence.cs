using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>The QI page's evidence: what supports the judgement, by family, and what it lacks.</summary>
public sealed partial class QiModel
{
    public IReadOnlyList<LinkedEvidence> Evidence { get; private set; } = [];

    public IReadOnlyList<EvidenceFamily> Families { get; private set; } = [];

    public IReadOnlyList<EvidenceWarning> Warnings { get; private set; } = [];

    /// <summary>Whether the user may link and unlink evidence here now: they write on the QI and it is open.</summary>
    public bool CanLinkEvidence { get; private set; }

    private async Task LoadEvidenceAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var qiId = QiId;
        Evidence = await cache.GetAsync((typeof(Triangulation), qiId), ct => Triangulation.ForQiAsync(db, qiId, ct), cancellationToken);
        Families = Triangulation.Families(Evidence);
        Warnings = SeesWorking ? Triangulation.Warnings(Evidence, Context.Grades, Context.TopLevels, Context.Evaluation.PeriodStart, Dates.LondonToday(clock)) : [];
        CanLinkEvidence = QiEvaluationLocks.IsOpen(Context.Evaluation.State) && Context.WritesOnQi(access)
            && EvidencePermissions.CanAdd(access, Context.Evaluation.OrganisationId);
    }
}
