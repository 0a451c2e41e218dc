namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// An action's red, amber or green, derived and never set by hand: complete is done; past its due date and not
/// complete is red; off track is red; at risk is amber; otherwise green. A superseded action has none.
/// </summary>
public enum Rag
{
    Red,
    Amber,
    Green,
    Done,
    None,
}

public static class ActionRag
{
    public static Rag Of(ActionStatus status, DateOnly dueDate, DateOnly today) => status switch
    {
        ActionStatus.Complete => Rag.Done,
        ActionStatus.Superseded => Rag.None,
        _ when today > dueDate => Rag.Red,
        ActionStatus.OffTrack => Rag.Red,
        ActionStatus.AtRisk => Rag.Amber,
        _ => Rag.Green,
    };

    /// <summary>Whether the action is past its due date and not finished: saying "on track" then needs a reason.</summary>
    public static bool IsOverdue(ActionStatus status, DateOnly dueDate, DateOnly today) =>
        status is not (ActionStatus.Complete or ActionStatus.Superseded) && today > dueDate;
}
