using Pif.Web.Modules.Frameworks;

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

public static class EvidenceKinds
{
    public static EvidenceFamily FamilyOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PerformanceData => EvidenceFamily.QuantitativeData,
        EvidenceKind.Document or EvidenceKind.ExternalReport or EvidenceKind.CaseStudy => EvidenceFamily.Documentation,
        EvidenceKind.CaseFileAudit or EvidenceKind.ObservationOfPractice => EvidenceFamily.DirectObservation,
        _ => EvidenceFamily.PeoplesViews,
    };

    /// <summary>The family a kind belongs to, in words.</summary>
    public static string FamilyLabel(EvidenceKind kind) => FrameworkWording.Family(FamilyOf(kind));

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
}
