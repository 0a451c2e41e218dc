namespace Pif.Web.Modules.Evidence;

/// <summary>The kinds of evidence of DOMAIN.md section 6.</summary>
public enum EvidenceKind
{
    StaffSurvey,
    UsersSurvey,
    CarersSurvey,
    PartnersSurvey,
    FocusGroup,
    Interview,
    ComplaintsAndCompliments,
    PerformanceData,
    Document,
    ExternalReport,
    CaseStudy,
    CaseFileAudit,
    ObservationOfPractice,
}

/// <summary>The four triangulation families: a judgement is stronger when different families agree.</summary>
public enum EvidenceFamily
{
    PeoplesViews,
    QuantitativeData,
    Documentation,
    DirectObservation,
}

public static class EvidenceKinds
{
    public static EvidenceFamily FamilyOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PerformanceData => EvidenceFamily.QuantitativeData,
        EvidenceKind.Document or EvidenceKind.ExternalReport or EvidenceKind.CaseStudy => EvidenceFamily.Documentation,
        EvidenceKind.CaseFileAudit or EvidenceKind.ObservationOfPractice => EvidenceFamily.DirectObservation,
        _ => EvidenceFamily.PeoplesViews,
    };

    public static IReadOnlyList<EvidenceKind> In(EvidenceFamily family) => Enum.GetValues<EvidenceKind>().Where(k => FamilyOf(k) == family).ToList();

    public static string Label(EvidenceKind kind) => kind switch
    {
        EvidenceKind.StaffSurvey => "Staff survey",
        EvidenceKind.UsersSurvey => "Survey of people who use services",
        EvidenceKind.CarersSurvey => "Carers' survey",
        EvidenceKind.PartnersSurvey => "Partners' survey",
        EvidenceKind.FocusGroup => "Focus group",
        EvidenceKind.Interview => "Interview",
        EvidenceKind.ComplaintsAndCompliments => "Complaints and compliments",
        EvidenceKind.PerformanceData => "Performance data (indicator series, statistical returns)",
        EvidenceKind.Document => "Document (policy, plan, procedure, minutes)",
        EvidenceKind.ExternalReport => "External report (inspection, audit, research)",
        EvidenceKind.CaseStudy => "Case study",
        EvidenceKind.CaseFileAudit => "Case file audit (records reading)",
        _ => "Observation of practice",
    };

    public static string Label(EvidenceFamily family) => family switch
    {
        EvidenceFamily.PeoplesViews => "People's views",
        EvidenceFamily.QuantitativeData => "Quantitative data",
        EvidenceFamily.Documentation => "Documentation",
        _ => "Direct observation of practice",
    };
}
