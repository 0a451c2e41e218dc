namespace Pif.Web.Modules.Outcomes;

/// <summary>
/// A council's agreement of local outcomes (DOMAIN.md section 9.2: a Single Outcome Agreement, later a Local Outcomes
/// Improvement Plan), each mapped to national outcomes of the set the agreement chose, and tied to the indicators,
/// quality indicators, actions and case studies that serve it: the golden thread.
/// </summary>
public sealed class OutcomeAgreement
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid OrganisationId { get; init; }

    public required string Title { get; set; }

    /// <summary>The first and last years the agreement covers (2024 to 2027 for 2024-25 to 2026-27).</summary>
    public int FromYear { get; set; }

    public int ToYear { get; set; }

    /// <summary>The set of national outcomes its local outcomes map to; fixed once a local outcome maps to it.</summary>
    public Guid OutcomeSetId { get; set; }

    public AgreementState State { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedById { get; init; }

    public DateTime? AgreedAt { get; set; }

    public Guid? AgreedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<LocalOutcome> Outcomes { get; init; } = [];
}

public enum AgreementState
{
    /// <summary>Being written by the council: only its writers see it.</summary>
    Draft,

    /// <summary>Agreed: the council's members, its link inspector and the national administrators read it.</summary>
    Agreed,
}

/// <summary>One outcome the council agreed to work towards, with everything that serves it.</summary>
public sealed class LocalOutcome
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgreementId { get; init; }

    /// <summary>Its number in the agreement ("Local outcome 2"), kept when another is removed.</summary>
    public int Number { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public List<LocalOutcomeNational> NationalOutcomes { get; init; } = [];

    public List<LocalOutcomeIndicator> Indicators { get; init; } = [];

    public List<LocalOutcomeQi> Qis { get; init; } = [];

    public List<LocalOutcomeAction> Actions { get; init; } = [];

    public List<LocalOutcomeCaseStudy> CaseStudies { get; init; } = [];

    public List<ProgressStatement> Progress { get; init; } = [];
}

/// <summary>What the council says of its progress towards a local outcome in one year of the agreement.</summary>
public sealed class ProgressStatement
{
    public const int TextMaxLength = 4000;

    public Guid LocalOutcomeId { get; init; }

    public int Year { get; init; }

    public required string Text { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid UpdatedById { get; set; }
}

/// <summary>A national outcome a local outcome contributes to.</summary>
public sealed class LocalOutcomeNational
{
    public Guid LocalOutcomeId { get; init; }

    public Guid NationalOutcomeId { get; init; }
}

/// <summary>
/// A performance indicator that measures a local outcome, from its baseline period; the yearly targets are the
/// council's targets on the indicator (the PerformanceIndicators module's), so they are set once.
/// </summary>
public sealed class LocalOutcomeIndicator
{
    public const int PeriodMaxLength = 20;

    public Guid LocalOutcomeId { get; init; }

    public Guid IndicatorId { get; init; }

    /// <summary>The period the agreement measures progress from (2023-24), when the council gives one.</summary>
    public string? BaselinePeriod { get; set; }
}

/// <summary>A quality indicator whose judgements speak to the outcome, by framework and QI code, so it carries from cycle to cycle.</summary>
public sealed class LocalOutcomeQi
{
    public Guid LocalOutcomeId { get; init; }

    public required string FrameworkCode { get; init; }

    public required string QiCode { get; init; }
}

/// <summary>An improvement action that serves the outcome.</summary>
public sealed class LocalOutcomeAction
{
    public Guid LocalOutcomeId { get; init; }

    public Guid ActionId { get; init; }
}

/// <summary>A case study of work towards the outcome.</summary>
public sealed class LocalOutcomeCaseStudy
{
    public Guid LocalOutcomeId { get; init; }

    public Guid CaseStudyId { get; init; }
}
