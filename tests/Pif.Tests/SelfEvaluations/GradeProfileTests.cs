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
}
