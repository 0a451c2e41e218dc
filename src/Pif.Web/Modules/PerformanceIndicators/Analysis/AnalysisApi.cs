using Pif.Statistics.Funnels;
using Pif.Statistics.Spc;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// The statistics of an indicator in /api/v1: the funnel plot of every council for a period, and one council's
/// control or run chart over time. Numbers are JSON numbers, never rounded.
/// </summary>
public static class AnalysisApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "The chart could not be drawn",
        NotFound: "There is no indicator with that code.",
        Forbidden: "You may not read these figures.",
        Again: "ask again");

    public static RouteGroupBuilder MapIndicatorAnalysisApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Performance indicators");
        group.MapGet("/indicators/{code}/funnel", FunnelAsync).WithName("GetPerformanceIndicatorFunnel")
            .WithSummary("The funnel plot of every council's figure for a period (the latest when none is given) against its denominator, with limits at about 95 % and 99.8 % around Scotland's figure, "
                + "the over-dispersion test and the adjustment used (adjustment: additive, the default, multiplicative or none). Values and limits are on the indicator's scale; tau2 on the scale of numerator over denominator")
            .Produces<FunnelResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/indicators/{code}/spc", SpcAsync).WithName("GetPerformanceIndicatorSpc")
            .WithSummary("One council's control chart of an indicator (organisation: its GSS code or id; from and to: first years of periods): a P chart for a proportion with its counts, a U chart for events per population, "
                + "XmR otherwise, or a run chart with fewer than 10 figures (chart: xmr, p, u or run asks for one), with the signals of each point and Making Data Count's variation and assurance")
            .Produces<SpcResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> FunnelAsync(string code, string? period, string? adjustment, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, code, cancellationToken);
        if (indicator is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no indicator {code} in the catalogue.");
        }

        if (!Enum.TryParse<OverdispersionAdjustment>(adjustment ?? nameof(OverdispersionAdjustment.Additive), ignoreCase: true, out var chosen) || int.TryParse(adjustment, out _))
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new("Adjustment", "adjustment must be additive, multiplicative or none")], Wording);
        }

        var funnel = await IndicatorFunnel.LoadAsync(db, indicator, period?.Trim(), chosen, cancellationToken);
        if (funnel is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Pif holds no council's figures of {indicator.Code}{(period is null ? "" : $" for {period}")}.");
        }

        if (funnel.Result is not { } result)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"No funnel plot of {indicator.Code}", detail: funnel.CannotDraw);
        }

        var o = result.Overdispersion;
        var (smallest, largest) = (funnel.Councils.Min(c => c.Denominator), funnel.Councils.Max(c => c.Denominator));
        var limits = result.Points.Select(p => p.Limits)
            .Concat(result.Model.Curve(smallest, largest > smallest ? largest : smallest * 1.05, 50))
            .DistinctBy(l => l.Denominator).OrderBy(l => l.Denominator)
            .Select(l => new FunnelLimitResponse(l.Denominator, funnel.Shown(l.Lower95), funnel.Shown(l.Upper95), funnel.Shown(l.Lower998), funnel.Shown(l.Upper998))).ToList();
        return Results.Ok(new FunnelResponse(
            indicator.Code,
            funnel.Period,
            funnel.Shown(result.Model.Target),
            funnel.TargetIsScotland ? "Scotland" : "Pooled",
            result.Model.LimitsMethod.ToString(),
            funnel.Scale,
            ["95", "99.8"],
            new OverdispersionResponse(o.Phi, o.Overdispersed, o.Tau2, o.Adjustment.ToString(), o.Winsorised, o.ChiSquare, o.DegreesOfFreedom, o.PValue),
            result.Points.Select((p, i) => new FunnelPointResponse(funnel.Councils[i].Gss, funnel.Councils[i].Name, funnel.Councils[i].FamilyGroup,
                p.Unit.Numerator, p.Unit.Denominator, funnel.Shown(p.Value), p.Z, p.Outside95, p.Outside998)).ToList(),
            limits));
    }

    private static async Task<IResult> SpcAsync(string code, string? organisation, int? from, int? to, string? chart, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, code, cancellationToken);
        if (indicator is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no indicator {code} in the catalogue.");
        }

        var (council, problem) = await PerformanceIndicatorsApi.CouncilAsync(db, organisation, Wording, cancellationToken);
        if (council is null)
        {
            return problem!;
        }

        if (!Enum.TryParse<SpcChart>(chart ?? nameof(SpcChart.Auto), ignoreCase: true, out var asked) || int.TryParse(chart, out _))
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new("Chart", "chart must be xmr, p, u or run; leave it out for the chart that fits the measure")], Wording);
        }

        if (from is { } first && to is { } last && last < first)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new("To", "to must be the same year as from or later")], Wording);
        }

        var target = await SpcTargets.LatestAsync(db, access, indicator, council.Value, cancellationToken);
        var (spc, refusal) = await IndicatorSpc.LoadAsync(db, indicator, council.Value, from, to, asked, target, cancellationToken);
        if (spc is null)
        {
            return Results.Problem(statusCode: refusal is null ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
                title: refusal is null ? "Not found" : $"No chart of {indicator.Code}", detail: refusal ?? "There is no such council.");
        }

        return Results.Ok(ToResponse(spc));
    }

    private static SpcResponse ToResponse(IndicatorSpc spc)
    {
        var name = spc.Chart.ToString().ToLowerInvariant();
        var rebases = spc.Rebases.Where(r => spc.Periods.Any(p => p.Period == r.Period)).Select(r => new RebaseResponse(r.Period, r.Reason)).ToList();
        if (spc.Control is { } control)
        {
            var points = control.Points.Select(p => new SpcPointResponse(spc.Periods[p.Index].Period, p.Value * spc.Scale, p.Centre * spc.Scale, p.Lower * spc.Scale, p.Upper * spc.Scale,
                p.Signals.Select(s => s.Rule.ToString()).Distinct().ToList())).ToList();
            return new SpcResponse(name, control.Points[^1].Centre * spc.Scale, spc.Scale, points, new RulesResponse(control.Rules.Shift, control.Rules.Trend),
                spc.Variation?.Variation.ToString(), spc.Assurance?.ToString(), spc.Target, null, rebases, spc.Note);
        }

        var run = spc.Run!;
        var shifts = run.Shifts.SelectMany(s => s.Points).ToHashSet();
        var trends = run.Trends.SelectMany(s => s.Points).ToHashSet();
        var runPoints = spc.Periods.Select((p, i) => new SpcPointResponse(p.Period, p.Value, run.Median, null, null,
            [.. new[] { (shifts, SpecialCauseRule.Shift), (trends, SpecialCauseRule.Trend) }.Where(r => r.Item1.Contains(i)).Select(r => r.Item2.ToString())])).ToList();
        var anhoj = run.Anhoj is { } a ? new RunsResponse(a.UsefulObservations, a.LongestRun, a.LongestRunLimit, a.Crossings, a.FewestCrossings, a.NonRandom) : null;
        return new SpcResponse(name, run.Median, 1, runPoints, new RulesResponse(run.Rules.Shift, run.Rules.Trend), null, null, spc.Target, anhoj, rebases, spc.Note);
    }

    public sealed record FunnelResponse(string Indicator, string Period, double Target, string TargetFrom, string Method, double Scale, IReadOnlyList<string> Levels,
        OverdispersionResponse Overdispersion, IReadOnlyList<FunnelPointResponse> Points, IReadOnlyList<FunnelLimitResponse> Limits);

    /// <summary>φ from the z-scores winsorised at 10 % each end, its χ² test on councils − 1 degrees of freedom, and τ² by DerSimonian-Laird.</summary>
    public sealed record OverdispersionResponse(double Phi, bool Overdispersed, double Tau2, string Adjustment, int Winsorised, double ChiSquare, int DegreesOfFreedom, double PValue);

    public sealed record FunnelPointResponse(string Gss, string Organisation, int? FamilyGroup, double Numerator, double Denominator, double Value, double Z, bool Outside95, bool Outside998);

    public sealed record FunnelLimitResponse(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998);

    /// <param name="Centre">The latest segment's centre line (the median on a run chart).</param>
    /// <param name="Runs">On a run chart, the Anhøj rules: useful observations, the longest run and its limit, the crossings and the fewest expected.</param>
    public sealed record SpcResponse(string Chart, double Centre, double Scale, IReadOnlyList<SpcPointResponse> Points, RulesResponse Rules, string? Variation, string? Assurance,
        double? Target, RunsResponse? Runs, IReadOnlyList<RebaseResponse> Rebases, string? Note);

    public sealed record SpcPointResponse(string Period, double Value, double Centre, double? Lower, double? Upper, IReadOnlyList<string> Signals);

    public sealed record RulesResponse(int Shift, int Trend);

    public sealed record RunsResponse(int Useful, int LongestRun, int LongestRunLimit, int Crossings, int FewestCrossings, bool NonRandom);

    public sealed record RebaseResponse(string Period, string Reason);
}
