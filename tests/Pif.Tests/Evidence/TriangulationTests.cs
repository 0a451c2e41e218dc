using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;

namespace Pif.Tests.Evidence;

public sealed class TriangulationTests
{
    private static readonly int[] Top = [6, 5];
    private static readonly DateOnly PeriodStart = new(2026, 4, 1);
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static LinkedEvidence Item(EvidenceKind kind, DateOnly? to = null, DateOnly? review = null) =>
        new(Guid.Empty, Guid.NewGuid(), kind.ToString(), null, kind, new DateOnly(2026, 1, 1), to ?? new DateOnly(2026, 3, 31), review);

    [Theory]
    [InlineData(new[] { 4 }, 0, true)]
    [InlineData(new int[0], 0, false)]
    [InlineData(new[] { 4 }, 1, false)]
    public void NoEvidence_IsRaisedForAGradeWithNothingLinked(int[] grades, int items, bool raised)
    {
        var evidence = Enumerable.Range(0, items).Select(_ => Item(EvidenceKind.StaffSurvey)).ToList();

        Assert.Equal(raised, Triangulation.Warnings(evidence, grades, Top, PeriodStart, Today).Contains(EvidenceWarning.NoEvidence));
    }

    [Theory]
    [InlineData(5, EvidenceKind.StaffSurvey, EvidenceKind.Interview, true)]
    [InlineData(6, EvidenceKind.PerformanceData, EvidenceKind.PerformanceData, true)]
    [InlineData(5, EvidenceKind.StaffSurvey, EvidenceKind.Document, false)]
    [InlineData(4, EvidenceKind.StaffSurvey, EvidenceKind.Interview, false)]
    public void TopGradeOnOneFamily_IsRaisedForTheTopTwoLevelsOnFewerThanTwoFamilies(int grade, EvidenceKind first, EvidenceKind second, bool raised)
    {
        var warnings = Triangulation.Warnings([Item(first), Item(second)], [grade], Top, PeriodStart, Today);

        Assert.Equal(raised, warnings.Contains(EvidenceWarning.TopGradeOnOneFamily));
    }

    [Theory]
    [InlineData("2024-03-31", true)]
    [InlineData("2024-04-01", false)]
    public void Stale_IsRaisedForEvidenceEndingOverTwoYearsBeforeThePeriod(string to, bool raised)
    {
        var warnings = Triangulation.Warnings([Item(EvidenceKind.Document, DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture))], [3], Top, PeriodStart, Today);

        Assert.Equal(raised, warnings.Contains(EvidenceWarning.Stale));
    }

    [Theory]
    [InlineData("2026-11-25", true)]
    [InlineData("2026-11-26", false)]
    [InlineData(null, false)]
    public void DueForReview_IsRaisedForEvidencePastItsReviewDate(string? review, bool raised)
    {
        var date = review is null ? (DateOnly?)null : DateOnly.Parse(review, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(raised, Triangulation.Warnings([Item(EvidenceKind.Document, review: date)], [3], Top, PeriodStart, Today).Contains(EvidenceWarning.DueForReview));
    }

    [Fact]
    public void Families_AreTheDistinctFamiliesCovered()
    {
        Assert.Equal([EvidenceFamily.PeoplesViews, EvidenceFamily.DirectObservation],
            Triangulation.Families([Item(EvidenceKind.StaffSurvey), Item(EvidenceKind.CarersSurvey), Item(EvidenceKind.CaseFileAudit)]));
    }
}
