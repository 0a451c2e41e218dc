using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.SelfEvaluations;
using Pif.Web.Pages.ImprovementPlans;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>One QI of a self-evaluation: the framework's guidance beside the user's own contribution, the agreed record, and the history.</summary>
public sealed partial class QiModel(AppDbContext db, DataCache cache, QiGuidance guidance, ScaleLevelsCache scales, CurrentUser current, EvaluationRecordsService records, ValidationService validation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid QiId { get; set; }

    [BindProperty]
    public RecordForm Form { get; set; } = new();

    public QiContext Context { get; private set; } = null!;

    public IReadOnlyList<QiHistory.Row> History { get; private set; } = [];

    /// <summary>The improvement actions that answer this QI, in the plans the user sees.</summary>
    public IReadOnlyList<AnsweringActions.Row> Answering { get; private set; } = [];

    public bool CanContribute { get; private set; }

    /// <summary>Published case studies linked to this QI: how other councils improved it.</summary>
    public IReadOnlyList<CaseStudies.HowOthersImproved.Row> OthersImproved { get; private set; } = [];

    /// <summary>Where the grades sit badly with the linked performance indicators, for the lead and the link inspector.</summary>
    public IReadOnlyList<string> DataWarnings { get; private set; } = [];

    public bool IsLead { get; private set; }

    /// <summary>The user's own contribution, if they have written one.</summary>
    public EvaluationRecord? Mine { get; private set; }

    /// <summary>What is saved now, when the user's save was refused because someone saved first.</summary>
    public EvaluationRecord? SavedMeanwhile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return NotFound();
        }

        Form = RecordForm.From(Mine);
        Decision = DecisionForm.From(Context.Decision);
        if (SeesWorking && Context.Comments.Count > 0)
        {
            await validation.MarkThreadReadAsync(access, QiId, Context.Comments.Max(c => c.At), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return NotFound();
        }

        this.AddErrors(new RecordForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rearranging = Form.Move is not null || Form.Remove is not null;
        var result = await records.SaveContributionAsync(access, QiId, Form.Stamp, Form.ToInput(), cancellationToken);
        if (result.IsStale)
        {
            // Read what is saved now, so the user compares with it and saves over it knowingly.
            await LoadAsync(access, cancellationToken);
            SavedMeanwhile = Mine;
            Form.Stamp = SavedMeanwhile?.ConcurrencyStamp;
            ModelState.Remove("Form.Stamp");
        }

        return this.Answer(result, _ =>
        {
            this.Confirm(rearranging ? "Your contribution has been saved with the change" : "Your contribution has been saved");
            return RedirectToPage(null, null, new { Id, QiId }, rearranging ? "contribution" : null);
        }, field => field switch { "" => "SavedMeanwhile", "State" => "contribution", _ => $"Form.{field}" },
            "Your contribution was saved from another window or device after you opened this page. Nothing has been overwritten: compare what is saved now with your text below, then save again");
    }

    private async Task<bool> LoadAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var (id, qiId, user, today) = (Id, QiId, access.UserId, Dates.LondonToday(clock));
        var context = await QiContext.LoadAsync(cache, db, guidance, scales, access, id, qiId, cancellationToken);
        if (context is null)
        {
            return false;
        }

        Context = context;
        CanContribute = context.CanContribute(access);
        IsLead = context.IsLead(access);
        Mine = context.Contributions.FirstOrDefault(c => c.AuthorId == access.UserId);
        IsInspector = SelfEvaluationAccess.IsLinkInspector(access, context.Evaluation.OrganisationId);
        SeesWorking = await cache.GetAsync((typeof(SelfEvaluationAccess), user, id),
            ct => SelfEvaluationAccess.SeesWorkingAsync(db, access, id, context.Evaluation.OrganisationId, ct), cancellationToken);
        CanReply = context.CanReply(access);
        History = SeesWorking
            ? await cache.GetAsync((typeof(QiHistory), id, qiId), ct => QiHistory.LoadAsync(db, id, qiId, context.Name,
                (action, before, after) => (Audit.AuditDescriptions.What(action, before, after), Audit.AuditDescriptions.Changes(before, after)), ct), cancellationToken)
            : [];
        await LoadEvidenceAsync(access, cancellationToken);
        Answering = await cache.GetAsync((typeof(AnsweringActions), user, qiId, today),
            ct => AnsweringActions.LoadAsync(db, access, qiId, context.Evaluation.State, today, ct), cancellationToken);
        OthersImproved = await cache.GetAsync((typeof(CaseStudies.HowOthersImproved), id, qiId),
            ct => CaseStudies.HowOthersImproved.ForQiAsync(db, id, context.Qi.Code, ct), cancellationToken);
        if ((IsLead || IsInspector) && GradeDataWarnings.Questioned(context.Grades))
        {
            DataWarnings = await cache.GetAsync((typeof(GradeDataWarnings), user, qiId), async ct =>
            {
                var framework = await db.SelfEvaluations.Where(e => e.Id == id)
                    .Join(db.FrameworkVersions, e => e.FrameworkVersionId, v => v.Id, (e, v) => v.Framework.Code).SingleAsync(ct);
                var evidenced = (await EvidencedIndicators.CodesAsync(db, [qiId], ct))[qiId].ToList();
                return await GradeDataWarnings.ForQiAsync(db, context.Evaluation.OrganisationId, framework, context.Qi.Code, context.Grades, evidenced, ct);
            }, cancellationToken);
        }

        return true;
    }
}
