using Pif.Statistics;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.SelfEvaluations;

public sealed class GradeProfileTests
{
    [Theory]
    [InlineData(null, 4, GradeChange.New)]
    [InlineData(3, 4, GradeChange.Up)]
    [InlineData(5, 4, GradeChange.Down)]
    [InlineData(4, 4, GradeChange.Same)]
    public void Compare_MarksUpDownSameAndNew(int? previous, int current, GradeChange expected)
    {
        Assert.Equal(expected, GradeProfiles.Compare(previous, current));
    }

    [Theory]
    [InlineData(-0.1, "less than chance agreement")]
    [InlineData(0.2, "slight agreement")]
    [InlineData(0.4, "fair agreement")]
    [InlineData(0.6, "moderate agreement")]
    [InlineData(0.6154, "substantial agreement")]
    [InlineData(0.81, "almost perfect agreement")]
    public void Strength_PutsKappaIntoWords(double kappa, string expected)
    {
        Assert.Equal(expected, GradeProfile.Strength(kappa));
    }

    [Fact]
    public void Summary_SaysHowManyTheInspectorAgreed_AndSaysSoFarUntilEveryQiIsDecided()
    {
        (int, string)[] levels = [(1, "Unsatisfactory"), (2, "Weak"), (3, "Adequate"), (4, "Good"), (5, "Very good"), (6, "Excellent")];
        var agreement = Agreement.Measure([], [1, 2, 3, 4, 5, 6]);
        GradeProfile.Row Row(string code, int? agreed, int? validated) => new(Guid.NewGuid(), code, "QI " + code, agreed, validated, null, null);

        var none = new GradeProfile([Row("1.1", null, null)], levels, agreement, null);
        var undecided = new GradeProfile([Row("1.1", 4, null), Row("1.2", 2, null)], levels, agreement, null);
        var partly = new GradeProfile([Row("1.1", 4, 4), Row("1.2", 2, 3), Row("1.3", 5, null)], levels, agreement, null);
        var all = new GradeProfile([Row("1.1", 4, 3), Row("1.2", 5, 4)], levels, agreement, null);

        Assert.Equal("The council has not agreed any grades yet.", none.Summary());
        Assert.Equal("The council's agreed grades for 2 quality indicators run from 2 to 4, with no validation decisions yet.", undecided.Summary());
        Assert.Equal("The council's agreed grades for 3 quality indicators run from 2 to 5; the link inspector agreed 1 of the 2 decided so far and raised 1.", partly.Summary());
        Assert.Equal("The council's agreed grades for 2 quality indicators run from 4 to 5; the link inspector agreed 0 of 2 and lowered 2.", all.Summary());
    }
}
