using Microsoft.AspNetCore.Mvc;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>The QI page's part in supported validation: the support and challenge thread, and the inspector's decision.</summary>
public sealed partial class QiModel
{
    [BindProperty]
    public CommentForm Comment { get; set; } = new();

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    public bool IsInspector { get; private set; }

    /// <summary>Whether the user sees the working: contributions, the thread and the history (not a viewer).</summary>
    public bool SeesWorking { get; private set; }

    public bool CanComment => IsInspector && Context.ThreadOpen;

    public bool CanReply { get; private set; }

    public bool CanDecide => IsInspector && Context.Evaluation.State == SelfEvaluationState.Submitted;

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return NotFound();
        }

        var kind = IsInspector ? Comment.Kind : CommentKind.Reply;
        if (kind is null)
        {
            this.AddError("Comment.Kind", "Choose whether this is support or challenge");
        }

        var result = kind is null ? null : await validation.CommentAsync(access, QiId, kind.Value, Comment.Text, cancellationToken);
        return Answer(result, "Comment", kind == CommentKind.Reply ? "Your reply has been added" : "Your comment has been added", "thread");
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return NotFound();
        }

        // Find, permit, then validate: someone who may not decide learns nothing from the form's checks.
        if (!IsInspector)
        {
            return Forbid();
        }

        if (Decision.Agrees is null)
        {
            this.AddError("Decision.Agrees", "Choose whether you agree with the council's grade");
        }

        var result = Decision.Agrees is not { } agrees ? null
            : await validation.DecideAsync(access, QiId, new DecisionInput(agrees, Decision.Grade, Decision.Reasons), cancellationToken);
        return Answer(result, "Decision", "Your validation decision has been recorded", "decision");
    }

    /// <summary>Redirects after a change, or shows the page again with what to fix, keeping what was typed.</summary>
    private IActionResult Answer(ServiceResult? result, string form, string confirmation, string anchor) =>
        result is null ? Page() : this.Answer(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage(null, null, new { Id, QiId }, anchor);
        }, field => field is "State" or "" ? anchor : $"{form}.{field}");

    public sealed class CommentForm
    {
        public CommentKind? Kind { get; set; }

        public string? Text { get; set; }
    }

    public sealed class DecisionForm
    {
        public bool? Agrees { get; set; }

        public int? Grade { get; set; }

        public string? Reasons { get; set; }

        public static DecisionForm From(ValidationDecision? decision) =>
            decision is null ? new() : new() { Agrees = decision.Agrees, Grade = decision.Agrees ? null : decision.Grade, Reasons = decision.Reasons };
    }
}
