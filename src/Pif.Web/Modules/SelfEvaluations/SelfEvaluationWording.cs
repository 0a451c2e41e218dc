namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>How self-evaluation values read on pages.</summary>
public static class SelfEvaluationWording
{
    public static string State(SelfEvaluationState state) => state switch
    {
        SelfEvaluationState.Draft => "Draft",
        SelfEvaluationState.InProgress => "In progress",
        SelfEvaluationState.Submitted => "Submitted",
        SelfEvaluationState.Validated => "Validated",
        _ => "Published",
    };

    public static string Area(ServiceAreas area) => area switch
    {
        ServiceAreas.ChildrenAndFamilies => "Children and families",
        ServiceAreas.AdultServices => "Adult services",
        ServiceAreas.JusticeSocialWork => "Justice social work",
        ServiceAreas.WholeService => "Whole service",
        _ => "None",
    };

    public static readonly IReadOnlyList<ServiceAreas> AllAreas = [ServiceAreas.ChildrenAndFamilies, ServiceAreas.AdultServices, ServiceAreas.JusticeSocialWork, ServiceAreas.WholeService];

    public static string Areas(ServiceAreas areas) => string.Join(", ", AllAreas.Where(a => areas.HasFlag(a)).Select(Area));

    public static string Confidence(EvidenceConfidence confidence) => confidence switch
    {
        EvidenceConfidence.Low => "Low",
        EvidenceConfidence.Medium => "Medium",
        _ => "High",
    };
}
