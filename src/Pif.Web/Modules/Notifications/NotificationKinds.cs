namespace Pif.Web.Modules.Notifications;

/// <summary>What each kind is called where people choose how to hear of it, and which cannot be turned off.</summary>
public static class NotificationKinds
{
    public sealed record Description(NotificationKind Kind, string Label, string Hint, bool Mandatory)
    {
        /// <summary>The part of Pif it belongs to, which the settings page groups by.</summary>
        public string Group => Kind switch
        {
            NotificationKind.PlanApproved or NotificationKind.ActionAssigned or NotificationKind.ActionDue or NotificationKind.ActionNoUpdate => "Improvement plans",
            NotificationKind.EvidenceReview => "Evidence",
            NotificationKind.CaseStudyDecided => "Case studies",
            NotificationKind.SubmissionWaiting or NotificationKind.InspectorComment or NotificationKind.CommentReply => "Validation",
            _ => "Self-evaluations",
        };
    }

    /// <summary>Every kind, in the order the settings page lists them.</summary>
    public static readonly IReadOnlyList<Description> All =
    [
        new(NotificationKind.QisAssigned, "You are assigned quality indicators", "When a lead asks you to write on quality indicators of a self-evaluation.", false),
        new(NotificationKind.EvaluationBegan, "A self-evaluation you take part in begins", "When its lead starts it, so contributors can write.", false),
        new(NotificationKind.EvaluationSubmitted, "A self-evaluation you take part in is submitted", "When its lead submits it to the link inspector.", false),
        new(NotificationKind.EvaluationReturned, "A self-evaluation you take part in is returned", "When the link inspector returns it to the council, with the reason. You always get this e-mail.", true),
        new(NotificationKind.EvaluationValidated, "A self-evaluation you take part in is validated", "When the link inspector validates it.", false),
        new(NotificationKind.EvaluationPublished, "A self-evaluation you take part in is published", "When its lead publishes it to the council.", false),
        new(NotificationKind.SubmissionWaiting, "A submission is waiting for you", "Link inspectors: when a council you are assigned to submits a self-evaluation.", false),
        new(NotificationKind.InspectorComment, "The link inspector comments on your quality indicator", "Support or challenge on a quality indicator you write on.", false),
        new(NotificationKind.CommentReply, "Someone replies to your comment", "A reply in the support and challenge thread of a quality indicator you commented on.", false),
        new(NotificationKind.PlanApproved, "An improvement plan you own actions in is approved", "When the plan's actions become the council's commitments.", false),
        new(NotificationKind.ActionAssigned, "You are given an improvement action", "When you are made the owner of an action.", false),
        new(NotificationKind.ActionDue, "Your action is due soon or overdue", "Once a week while an action you own is due within 7 days or past its due date.", false),
        new(NotificationKind.ActionNoUpdate, "Your action has had no update for 30 days", "Once a week while an action you own in an approved plan has no recent update.", false),
        new(NotificationKind.EvidenceReview, "Evidence you own is past its review date", "Once a week while evidence you own waits for its review.", false),
        new(NotificationKind.CaseStudyDecided, "Your case study is published or sent back", "When a reviewer publishes a case study you wrote, or asks for changes.", false),
    ];

    private static readonly Dictionary<NotificationKind, Description> ByKind = All.ToDictionary(d => d.Kind);

    public static Description Of(NotificationKind kind) => ByKind[kind];

    /// <summary>Whether the kind is always e-mailed at once, whatever the person chose.</summary>
    public static bool IsMandatory(NotificationKind kind) => ByKind[kind].Mandatory;

    /// <summary>A short name for lists and filters.</summary>
    public static string ShortLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.QisAssigned => "Assigned to you",
        NotificationKind.EvaluationBegan => "Self-evaluation begun",
        NotificationKind.EvaluationSubmitted => "Self-evaluation submitted",
        NotificationKind.EvaluationReturned => "Self-evaluation returned",
        NotificationKind.EvaluationValidated => "Self-evaluation validated",
        NotificationKind.EvaluationPublished => "Self-evaluation published",
        NotificationKind.SubmissionWaiting => "Submission waiting",
        NotificationKind.InspectorComment => "Link inspector's comment",
        NotificationKind.CommentReply => "Reply",
        NotificationKind.PlanApproved => "Plan approved",
        NotificationKind.ActionAssigned => "Action given to you",
        NotificationKind.ActionDue => "Action due",
        NotificationKind.ActionNoUpdate => "Action needs an update",
        NotificationKind.EvidenceReview => "Evidence to review",
        NotificationKind.CaseStudyDecided => "Case study decision",
        _ => kind.ToString(),
    };
}
