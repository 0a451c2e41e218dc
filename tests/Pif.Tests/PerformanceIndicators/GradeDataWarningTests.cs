using Pif.Statistics.Funnels;
using Pif.Statistics.Spc;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Polarity = Pif.Web.Modules.PerformanceIndicators.Polarity;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>Each warning of a grade against the data, on both sides of its rule.</summary>
public sealed class GradeDataWarningTests
{
    private static PerformanceIndicator Indicator(Polarity polarity) =>
        new() { Code = "SW06", NormalisedCode = "SW6", Title = "Readmissions", MeasureType = MeasureType.RatePer1000, NumberFormat = "0", Polarity = polarity };

    private static GradeDataWarnings.FunnelFigure Funnel(double value, double lower998, double upper998, Side side) =>
        new("2022-23", new FunnelPoint(new FunnelUnit("S1", 1, 1), value, side == Side.High ? 4 : -4, 2, new FunnelLimits(1000, lower998 + 1, upper998 - 1, lower998, upper998), side), value * 1000);

    private static IndicatorSpc Spc(PerformanceIndicator indicator, params SpecialCause[][] signals)
    {
        var periods = Enumerable.Range(0, signals.Length).Select(i => new SpcPeriod($"{2010 + i}-{(11 + i) % 100:00}", 2010 + i, 2011 + i, 1, null, null)).ToList();
        var points = signals.Select((s, i) => new ControlPoint(i, 1, 1, 0, 2, 1 / 3.0, s)).ToList();
        var chart = new ControlChartResult(ControlChartKind.XmR, RunRules.MakingDataCount, [new ControlSegment(0, points.Count - 1, 1, 1, 0)], points);
        return new IndicatorSpc(indicator, Guid.Empty, "Glasgow City", periods, SpcChart.XmR, 1, chart, null, null, null, null, [], null);
    }

    private static readonly SpecialCause[] None = [];
    private static readonly SpecialCause[] High = [new(SpecialCauseRule.Shift, Side.High)];
    private static readonly SpecialCause[] Low = [new(SpecialCauseRule.OutsideLimits, Side.Low)];

    [Fact]
    public void HighGrade_BeyondTheWorseFunnelLimit_IsWarned_AndBeyondTheBetterOneIsNot()
    {
        var indicator = Indicator(Polarity.LowerIsBetter);

        var worse = GradeDataWarnings.Judge([5], indicator, "Glasgow City", Funnel(0.13, 0.08, 0.12, Side.High), null).ToList();
        var better = GradeDataWarnings.Judge([6], indicator, "Glasgow City", Funnel(0.07, 0.08, 0.12, Side.Low), null).ToList();
        var inside = GradeDataWarnings.Judge([6], indicator, "Glasgow City", Funnel(0.11, 0.08, 0.12, Side.High), null).ToList();
        var modest = GradeDataWarnings.Judge([4], indicator, "Glasgow City", Funnel(0.13, 0.08, 0.12, Side.High), null).ToList();

        Assert.Equal(["A grade of 5, but Glasgow City's SW06 for 2022-23 (130) is beyond the 99.8% funnel limit on the worse side: further from Scotland's figure than chance allows."], worse);
        Assert.Empty(better);
        Assert.Empty(inside);
        Assert.Empty(modest);
    }

    [Fact]
    public void HighGrade_WithConcernInTheLastThreeFigures_IsWarned_AndConcernEarlierIsNot()
    {
        var indicator = Indicator(Polarity.HigherIsBetter);

        var recent = GradeDataWarnings.Judge([3, 5], indicator, "Glasgow City", null, Spc(indicator, None, None, Low, None, None)).ToList();
        var earlier = GradeDataWarnings.Judge([5], indicator, "Glasgow City", null, Spc(indicator, Low, None, None, None)).ToList();
        var improving = GradeDataWarnings.Judge([5], indicator, "Glasgow City", null, Spc(indicator, None, High, High, High)).ToList();

        Assert.Equal(["A grade of 5, but SW06's control chart shows special-cause concern among its last 3 figures (2012-13 to 2014-15)."], recent);
        Assert.Empty(earlier);
        Assert.Empty(improving);
    }

    [Fact]
    public void LowGrade_WithImprovementInEachOfTheLastThree_IsWarned_AndInTwoIsNot()
    {
        var indicator = Indicator(Polarity.HigherIsBetter);

        var sustained = GradeDataWarnings.Judge([2], indicator, "Glasgow City", null, Spc(indicator, None, High, High, High)).ToList();
        var twoOfThree = GradeDataWarnings.Judge([1], indicator, "Glasgow City", null, Spc(indicator, None, None, High, High)).ToList();
        var concern = GradeDataWarnings.Judge([2], indicator, "Glasgow City", null, Spc(indicator, Low, Low, Low)).ToList();

        Assert.Equal(["A grade of 2, but SW06's control chart shows special-cause improvement in each of its last 3 figures (2011-12 to 2013-14)."], sustained);
        Assert.Empty(twoOfThree);
        Assert.Empty(concern);
    }

    [Fact]
    public void NeitherDirectionBetter_RaisesNoQuestion()
    {
        var indicator = Indicator(Polarity.Neither);

        Assert.Empty(GradeDataWarnings.Judge([6], indicator, "Glasgow City", Funnel(0.13, 0.08, 0.12, Side.High), Spc(indicator, Low, Low, Low)));
    }

    [Theory]
    [InlineData("https://pif.example/performance-indicators/SW01?council=1", "SW01")]
    [InlineData("/performance-indicators/GC%2001", "GC 01")]
    [InlineData("https://pif.example/performance-indicators/profile?council=1", null)]
    [InlineData("https://pif.example/performance-indicators/SW01/funnel", null)]
    [InlineData("https://www.gov.scot/statistics", null)]
    public void EvidenceLinks_PointToAnIndicator_OnlyOnItsPage(string link, string? code)
    {
        Assert.Equal(code, Pif.Web.Pages.SelfEvaluations.EvidencedIndicators.CodeOf(link));
    }
}
