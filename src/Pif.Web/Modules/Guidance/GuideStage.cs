namespace Pif.Web.Modules.Guidance;

/// <summary>The stages of supported self-evaluation (DOMAIN.md section 5), in order; each has a guide page.</summary>
public enum GuideStage
{
    PrepareAndScope = 1,
    GatherAndWeighEvidence,
    EvaluateEachQi,
    ModerateAndAgree,
    SupportAndChallenge,
    Validation,
    ImprovementPlanning,
    Review,
}

public static class GuideStages
{
    /// <summary>The guide page of each stage: its file name in <c>Content/</c> and its address under <c>/guide</c>.</summary>
    public static string Slug(GuideStage stage) => stage switch
    {
        GuideStage.PrepareAndScope => "prepare-and-scope",
        GuideStage.GatherAndWeighEvidence => "gather-and-weigh-evidence",
        GuideStage.EvaluateEachQi => "evaluate-each-qi",
        GuideStage.ModerateAndAgree => "moderate-and-agree",
        GuideStage.SupportAndChallenge => "support-and-challenge",
        GuideStage.Validation => "validation",
        GuideStage.ImprovementPlanning => "improvement-planning",
        GuideStage.Review => "review",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static IReadOnlyList<GuideStage> All { get; } = Enum.GetValues<GuideStage>();
}
