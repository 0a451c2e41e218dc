namespace Pif.Web.Modules.Frameworks;

/// <summary>A high-level question, key area, category or the like: one of the one or two levels above the QIs.</summary>
public sealed class FrameworkGroup : IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VersionId { get; init; }

    /// <summary>The top-level group this one sits in, or null for a top-level group.</summary>
    public Guid? ParentId { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public int Position { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public sealed class QualityIndicator : IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VersionId { get; init; }

    /// <summary>The lowest-level group it sits in.</summary>
    public Guid GroupId { get; set; }

    public required string Code { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Whether this QI is the framework's one overall, forward-looking judgement (PIF 10.1).</summary>
    public bool IsOverallJudgement { get; set; }

    public int Position { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<QiTheme> Themes { get; init; } = [];

    public List<QiIllustration> Illustrations { get; init; } = [];

    public List<ChallengeQuestion> ChallengeQuestions { get; init; } = [];

    public List<SuggestedEvidence> SuggestedEvidence { get; init; } = [];
}

/// <summary>Something a QI is made of (a theme, an illustration, a question, a source of evidence), in order.</summary>
public abstract class QiPart : IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QualityIndicatorId { get; init; }

    public int Position { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public sealed class QiTheme : QiPart
{
    public required string Title { get; set; }
}

/// <summary>What a level of the scale looks like in practice, for the whole QI or one of its themes.</summary>
public sealed class QiIllustration : QiPart
{
    public int Level { get; set; }

    public Guid? ThemeId { get; set; }

    public required string Text { get; set; }
}

public sealed class ChallengeQuestion : QiPart
{
    public required string Text { get; set; }
}

public sealed class SuggestedEvidence : QiPart
{
    public EvidenceFamily Family { get; set; }

    public required string Text { get; set; }
}

/// <summary>
/// Relates a QI of this version to a QI of another framework, by codes, so the link holds
/// whichever version of the other framework a reader is looking at.
/// </summary>
public sealed class FrameworkMapping : IPositioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid VersionId { get; init; }

    public Guid FromQualityIndicatorId { get; set; }

    public required string ToFrameworkCode { get; set; }

    public required string ToQiCode { get; set; }

    public MappingRelation Relation { get; set; }

    public int Position { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>Something kept in an order its editors choose.</summary>
public interface IPositioned
{
    int Position { get; set; }
}

/// <summary>The four triangulation families of DOMAIN.md section 6.</summary>
public enum EvidenceFamily
{
    PeoplesViews,
    QuantitativeData,
    Documentation,
    DirectObservation,
}

public enum MappingRelation
{
    Equivalent,
    Overlaps,
    PartOf,
}
