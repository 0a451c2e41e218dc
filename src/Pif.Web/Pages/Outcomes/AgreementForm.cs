using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>The fields of an outcome agreement's form, for a new one and a change.</summary>
public sealed class AgreementForm
{
    public Guid? OrganisationId { get; set; }

    public string? Title { get; set; }

    public int? FromYear { get; set; }

    public int? ToYear { get; set; }

    public Guid? OutcomeSetId { get; set; }

    public Guid? Stamp { get; set; }

    public AgreementInput ToInput() => new(Title, FromYear, ToYear, OutcomeSetId);
}

/// <summary>The form partial's model: the form, the sets and councils it offers, and its button.</summary>
public sealed record AgreementFormView(AgreementForm Form, IReadOnlyList<OutcomeSet> Sets, IReadOnlyList<(Guid Id, string Name)> Councils, string Button);
