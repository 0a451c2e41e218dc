using Pif.Web.Modules.Evidence;

namespace Pif.Web.Pages.Evidence;

/// <summary>The fields of an evidence item's form, shared by adding and editing.</summary>
public sealed class EvidenceForm
{
    public Guid? OrganisationId { get; set; }

    public string? Title { get; set; }

    public EvidenceKind? Kind { get; set; }

    public string? Summary { get; set; }

    public string? Source { get; set; }

    public DateOnly? EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public Guid? OwnerId { get; set; }

    public DateOnly? ReviewDate { get; set; }

    public string? Link { get; set; }

    /// <summary>The version of the item the form was opened on, when editing.</summary>
    public Guid? Stamp { get; set; }

    public EvidenceInput ToInput() => new(OrganisationId, Title, Kind, Summary, Source, EffectiveFrom, EffectiveTo, OwnerId, ReviewDate, Link);

    public static EvidenceForm From(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            OrganisationId = item.OrganisationId,
            Title = item.Title,
            Kind = item.Kind,
            Summary = item.Summary,
            Source = item.Source,
            EffectiveFrom = item.EffectiveFrom,
            EffectiveTo = item.EffectiveTo,
            OwnerId = item.OwnerId,
            ReviewDate = item.ReviewDate,
            Link = item.Link,
            Stamp = item.ConcurrencyStamp,
        };
    }
}

/// <summary>Someone who may own evidence, and the council they belong to.</summary>
public sealed record OwnerOption(Guid Id, string Name, Guid OrganisationId, string Council);
