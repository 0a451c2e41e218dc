namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>The words for a plan's states and an action's status, priority and RAG.</summary>
public static class ImprovementPlanWording
{
    public static string State(PlanState state) => state switch
    {
        PlanState.Draft => "Draft",
        PlanState.Approved => "Approved",
        PlanState.Closed => "Closed",
        PlanState.Revising => "Approved, being revised",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "Not started",
        ActionStatus.OnTrack => "On track",
        ActionStatus.AtRisk => "At risk",
        ActionStatus.OffTrack => "Off track",
        ActionStatus.Complete => "Complete",
        ActionStatus.Superseded => "Superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Priority(ActionPriority priority) => priority switch
    {
        ActionPriority.High => "High",
        ActionPriority.Medium => "Medium",
        ActionPriority.Low => "Low",
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };

    public static string Rag(Rag rag) => rag switch
    {
        ImprovementPlans.Rag.Red => "Red",
        ImprovementPlans.Rag.Amber => "Amber",
        ImprovementPlans.Rag.Green => "Green",
        ImprovementPlans.Rag.Done => "Complete",
        ImprovementPlans.Rag.None => "None",
        _ => throw new ArgumentOutOfRangeException(nameof(rag)),
    };

    public static string Decision(PdsaDecision decision) => decision switch
    {
        PdsaDecision.Adopt => "Adopt the change",
        PdsaDecision.Adapt => "Adapt it and test again",
        PdsaDecision.Abandon => "Abandon it",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    public static string Source(SourceKind kind) => kind switch
    {
        SourceKind.AreaForImprovement => "Area for improvement",
        SourceKind.ValidationStrengths => "Validation summary: strengths",
        SourceKind.ValidationImprovements => "Validation summary: areas for improvement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
