namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>
/// A version of the national outcomes (DOMAIN.md section 9.1): the 2007 set of fifteen, the 2011 set with a
/// sixteenth on older people, and any later set a national administrator imports. Reference data: a set never
/// changes once loaded; a new version is a new set.
/// </summary>
public sealed class OutcomeSet
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 200;
    public const int SourceMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A short code, unique: NPF2007.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The year the set took effect.</summary>
    public int Year { get; init; }

    /// <summary>Where the set comes from, and what of its wording is Pif's own.</summary>
    public string? Source { get; init; }

    public DateTime LoadedAt { get; init; }

    public List<NationalOutcome> Outcomes { get; init; } = [];
}

/// <summary>One national outcome of a set: its number, a short title, and a statement of what it means.</summary>
public sealed class NationalOutcome
{
    public const int TitleMaxLength = 200;
    public const int StatementMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SetId { get; init; }

    public int Number { get; init; }

    public required string Title { get; init; }

    public required string Statement { get; init; }
}
