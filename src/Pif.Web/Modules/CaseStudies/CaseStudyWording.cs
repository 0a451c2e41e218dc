namespace Pif.Web.Modules.CaseStudies;

public static class CaseStudyWording
{
    public static string State(RevisionState state) => state switch
    {
        RevisionState.Draft => "Draft",
        RevisionState.Submitted => "Waiting for review",
        RevisionState.ChangesRequested => "Changes asked for",
        RevisionState.Published => "Published",
        _ => "Replaced",
    };

    public static string Kind(CaseStudyCommentKind kind) => kind switch
    {
        CaseStudyCommentKind.ChangesRequested => "Asked for changes",
        CaseStudyCommentKind.Published => "Published",
        CaseStudyCommentKind.Withdrawn => "Withdrew it",
        _ => "Commented",
    };
}
