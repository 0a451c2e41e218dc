using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks.Documents;

namespace Pif.Web.Modules.Frameworks;

/// <summary>How framework values read in sentences and headings.</summary>
public static class FrameworkWording
{
    public static string Family(EvidenceFamily family) => family switch
    {
        EvidenceFamily.PeoplesViews => "People's views",
        EvidenceFamily.QuantitativeData => "Quantitative data",
        EvidenceFamily.Documentation => "Documentation",
        _ => "Direct observation of practice",
    };

    /// <summary>The relation read from the mapping's own QI: "is part of".</summary>
    public static string Relation(MappingRelation relation) => relation switch
    {
        MappingRelation.Equivalent => "is equivalent to",
        MappingRelation.Overlaps => "overlaps with",
        _ => "is part of",
    };

    /// <summary>The relation read from the other end: "includes".</summary>
    public static string InverseRelation(MappingRelation relation) => relation switch
    {
        MappingRelation.Equivalent => "is equivalent to",
        MappingRelation.Overlaps => "overlaps with",
        _ => "includes",
    };

    public static string RelationName(MappingRelation relation) => relation switch
    {
        MappingRelation.Equivalent => "Equivalent",
        MappingRelation.Overlaps => "Overlaps",
        _ => "Part of",
    };

    public static string Status(FrameworkStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The refusal of a change to a version that is no longer a draft.</summary>
    public static ServiceResult Locked(int number, FrameworkStatus status) =>
        ServiceResult.Locked($"Version {number} is {Status(status)}, and only a draft can change. Start a new draft to revise it");

    /// <summary>A framework document's problems as a refusal, each at its JSON path.</summary>
    public static ServiceResult Invalid(IEnumerable<FrameworkProblem> problems) =>
        ServiceResult.Invalid(problems.Select(p => new FieldProblem(p.Path, p.Message)).ToList());
}
