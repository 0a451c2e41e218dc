using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// A council's account of how it improved something (DOMAIN.md section 1: the programme's second product): written by
/// the council, reviewed and published by a national administrator, then read by every council. Its words live in
/// revisions: a change after publishing makes a new revision, and the published one stands until the new one is published.
/// </summary>
public sealed class CaseStudy
{
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The council that wrote it and keeps it up to date.</summary>
    public required Guid OrganisationId { get; init; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedById { get; init; }

    /// <summary>The number of the revision every council reads, once one has been published.</summary>
    public int? PublishedRevision { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>Written by the Pif team to show what a case study looks like, and labelled so wherever it is shown.</summary>
    public bool IsDemonstration { get; init; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CaseStudyRevision> Revisions { get; init; } = [];

    public List<CaseStudyComment> Comments { get; init; } = [];

    /// <summary>Whether every signed-in user reads it: a revision is published and it has not been withdrawn.</summary>
    public bool IsPublic => PublishedRevision is not null && WithdrawnAt is null;
}

/// <summary>Where a revision is in its review.</summary>
public enum RevisionState
{
    /// <summary>The council is writing it.</summary>
    Draft,

    /// <summary>Waiting for a national administrator's review; the council cannot change it meanwhile.</summary>
    Submitted,

    /// <summary>Returned to the council with what to change.</summary>
    ChangesRequested,

    /// <summary>The revision every council reads.</summary>
    Published,

    /// <summary>Published once, then replaced by a later revision.</summary>
    Superseded,
}

/// <summary>One version of a case study's words and links.</summary>
public sealed class CaseStudyRevision
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 600;
    public const int SectionMaxLength = 10000;
    public const int ContactRoleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseStudyId { get; init; }

    public int Number { get; init; }

    public RevisionState State { get; set; }

    public required string Title { get; set; }

    /// <summary>Two or three plain sentences for lists and search results.</summary>
    public required string Summary { get; set; }

    public ServiceAreas ServiceAreas { get; set; }

    /// <summary>The year the work was done (or finished), for the year filter.</summary>
    public int Year { get; set; }

    /// <summary>The problem, with the data that showed it (Markdown).</summary>
    public required string Problem { get; set; }

    /// <summary>The change ideas and how they were tested (Markdown).</summary>
    public required string WhatWasDone { get; set; }

    /// <summary>Before and after (Markdown).</summary>
    public required string Results { get; set; }

    public string? WhatHelped { get; set; }

    public string? WhatGotInTheWay { get; set; }

    public string? CostAndResources { get; set; }

    /// <summary>Who to ask about it, as a role ("Service manager, adult services"), not a person's name unless the author chooses.</summary>
    public required string ContactRole { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedById { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public Guid? PublishedById { get; set; }

    public List<CaseStudyCouncil> Councils { get; init; } = [];

    public List<CaseStudyQi> Qis { get; init; } = [];

    public List<CaseStudyIndicator> Indicators { get; init; } = [];

    public List<CaseStudyAction> Actions { get; init; } = [];

    public List<CaseStudyEvidence> Evidence { get; init; } = [];

    public List<CaseStudyOutcome> Outcomes { get; init; } = [];
}

/// <summary>A council that did the work, besides the one that wrote it.</summary>
public sealed class CaseStudyCouncil
{
    public Guid RevisionId { get; init; }

    public Guid OrganisationId { get; init; }
}

/// <summary>A quality indicator the work improved, by framework code and QI code, so it holds across framework versions.</summary>
public sealed class CaseStudyQi
{
    public Guid RevisionId { get; init; }

    public required string FrameworkCode { get; init; }

    public required string QiCode { get; init; }
}

/// <summary>A performance indicator the work moved, with the council's periods before and after it when the author gives them.</summary>
public sealed class CaseStudyIndicator
{
    public const int PeriodMaxLength = 20;

    public Guid RevisionId { get; init; }

    public Guid IndicatorId { get; init; }

    /// <summary>The period before the work (2016-17): the case study shows the writing council's figure for it.</summary>
    public string? BeforePeriod { get; set; }

    /// <summary>The period after the work, later than <see cref="BeforePeriod"/>.</summary>
    public string? AfterPeriod { get; set; }
}

/// <summary>A national outcome the work served.</summary>
public sealed class CaseStudyOutcome
{
    public Guid RevisionId { get; init; }

    public Guid NationalOutcomeId { get; init; }
}

/// <summary>An action of the council's improvement plan that the work carried out.</summary>
public sealed class CaseStudyAction
{
    public Guid RevisionId { get; init; }

    public Guid ActionId { get; init; }
}

/// <summary>
/// An item of the council's evidence library whose files the case study shares: every council that reads the
/// revision can download them, through the evidence file store.
/// </summary>
public sealed class CaseStudyEvidence
{
    public Guid RevisionId { get; init; }

    public Guid EvidenceItemId { get; init; }
}

public enum CaseStudyCommentKind
{
    Comment,
    ChangesRequested,
    Published,
    Withdrawn,
}

/// <summary>The review's record: comments, requests for changes, publication and withdrawal, each on the revision it concerned.</summary>
public sealed class CaseStudyComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseStudyId { get; init; }

    public int RevisionNumber { get; init; }

    public CaseStudyCommentKind Kind { get; init; }

    public string? Text { get; init; }

    public Guid AuthorId { get; init; }

    public DateTime At { get; init; }
}

/// <summary>
/// The searchable words of a published revision, as plain text (<see cref="CaseStudySearch"/>): one row per case
/// study every council reads, kept by the review service in the same save as the publication or withdrawal.
/// </summary>
public sealed class CaseStudySearchEntry
{
    public Guid CaseStudyId { get; init; }

    public Guid RevisionId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    // What the library lists and filters by, kept here so a page of 10,000 case studies reads one narrow index.
    public Guid OrganisationId { get; set; }

    public int Year { get; set; }

    public ServiceAreas ServiceAreas { get; set; }

    public DateTime PublishedAt { get; set; }
}
