namespace Pif.Web.Modules.PerformanceIndicators.CareRegister;

/// <summary>
/// A care service on the Care Inspectorate's register, with its latest grades (1 unsatisfactory to 6 excellent), as
/// one import of the register gives it. A later import that changes it supersedes it without erasing it, as
/// indicator values do; a service no longer on the register stops being current.
/// </summary>
public sealed class RegisteredService
{
    public const int NameMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The Care Inspectorate's number for the service, such as CS2003000164.</summary>
    public required string CsNumber { get; init; }

    public required string Name { get; init; }

    /// <summary>The kind of service, such as Care Home Service or Housing Support Service.</summary>
    public required string CareService { get; init; }

    public string? Subtype { get; init; }

    /// <summary>Who provides it: Private, Local Authority, Voluntary or Not for Profit, or Health Board.</summary>
    public required string Sector { get; init; }

    public string? Provider { get; init; }

    /// <summary>The council area it is in.</summary>
    public Guid OrganisationId { get; init; }

    /// <summary>Adults or Children.</summary>
    public string? ClientGroup { get; init; }

    public bool Active { get; init; }

    /// <summary>The lowest of its latest grades; null when it has not been graded.</summary>
    public int? MinGrade { get; init; }

    public int? MaxGrade { get; init; }

    /// <summary>When its latest grades were published.</summary>
    public DateOnly? GradedOn { get; init; }

    public Guid ImportId { get; init; }

    public bool Current { get; set; } = true;

    /// <summary>Graded good (4) or better on every key question, as LGBF's SW07 counts a service.</summary>
    public bool GoodOrBetter => MinGrade >= 4;
}
