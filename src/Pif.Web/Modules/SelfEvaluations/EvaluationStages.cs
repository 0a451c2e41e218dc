using Pif.Web.Modules.Guidance;

namespace Pif.Web.Modules.SelfEvaluations;

public enum StageStatus
{
    Done,
    Now,
    NotYet,
}

/// <summary>Where a self-evaluation is in the stages of the guide, from its state (DOMAIN.md section 5).</summary>
public static class EvaluationStages
{
    /// <summary>The stages a self-evaluation in <paramref name="state"/> is at; several run alongside each other.</summary>
    public static IReadOnlyList<GuideStage> Current(SelfEvaluationState state) => state switch
    {
        SelfEvaluationState.Draft => [GuideStage.PrepareAndScope],
        SelfEvaluationState.InProgress => [GuideStage.GatherAndWeighEvidence, GuideStage.EvaluateEachQi, GuideStage.ModerateAndAgree],
        SelfEvaluationState.Submitted => [GuideStage.SupportAndChallenge, GuideStage.Validation],
        SelfEvaluationState.Validated => [GuideStage.ImprovementPlanning],
        SelfEvaluationState.Published => [GuideStage.ImprovementPlanning, GuideStage.Review],
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>The one stage a page about the whole self-evaluation points to, under "What this stage is for".</summary>
    public static GuideStage Principal(SelfEvaluationState state) => state switch
    {
        SelfEvaluationState.InProgress => GuideStage.EvaluateEachQi,
        _ => Current(state)[0],
    };

    /// <summary>The stage a quality indicator's page is at: writing while in progress, then the link inspector's stages.</summary>
    public static GuideStage ForQi(SelfEvaluationState state) => state switch
    {
        SelfEvaluationState.Submitted => GuideStage.SupportAndChallenge,
        SelfEvaluationState.Validated or SelfEvaluationState.Published => GuideStage.Validation,
        _ => Principal(state),
    };

    public static StageStatus Status(GuideStage stage, SelfEvaluationState state)
    {
        var current = Current(state);
        return current.Contains(stage) ? StageStatus.Now : stage < current[0] ? StageStatus.Done : StageStatus.NotYet;
    }
}
