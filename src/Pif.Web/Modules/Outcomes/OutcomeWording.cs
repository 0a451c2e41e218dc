namespace Pif.Web.Modules.Outcomes;

public static class OutcomeWording
{
    public static string State(AgreementState state) => state switch
    {
        AgreementState.Draft => "Draft",
        AgreementState.Agreed => "Agreed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>"1 outcome", "15 outcomes".</summary>
    public static string Outcomes(int count) => count == 1 ? "1 outcome" : $"{count} outcomes";
}
