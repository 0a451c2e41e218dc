namespace Pif.Statistics.Spc;

/// <summary>A run of points that signals: the points that make it, by their index in the series.</summary>
/// <param name="Points">The indexes of the points counted in the run, in order.</param>
/// <param name="Side">For a shift, the side of the centre line; for a trend, High when rising and Low when falling.</param>
public sealed record RunSignal(IReadOnlyList<int> Points, Side Side)
{
    public int First => Points[0];

    public int Last => Points[^1];
}

/// <summary>
/// Shifts and trends, the two run rules shared by run charts and control charts. Run charts
/// follow Perla, Provost and Murray, "The run chart: a simple analytical tool for learning from
/// variation in healthcare processes", BMJ Quality &amp; Safety 20 (2011) 46–51, where a point on
/// the median and a repeated value are skipped; control charts follow NHS England's Making Data
/// Count (2019) as NHSRplotthedots implements it, where either ends the run.
/// </summary>
internal static class Runs
{
    /// <summary>
    /// Every run of <paramref name="length"/> or more consecutive points on one side of
    /// <paramref name="centre"/>. A point exactly on the centre line ends the run when
    /// <paramref name="skipTies"/> is false; otherwise it neither adds to a run nor breaks it.
    /// </summary>
    public static List<RunSignal> Shifts(IReadOnlyList<double> values, int from, int to, Func<int, double> centre, int length, bool skipTies)
    {
        var found = new List<RunSignal>();
        var run = new List<int>();
        var side = 0;
        for (var i = from; i < to; i++)
        {
            var here = Math.Sign(values[i] - centre(i));
            if (here == 0 && skipTies)
            {
                continue;
            }

            if (here != side)
            {
                Close(run, side, length, found);
                run = [];
                side = here;
            }

            run.Add(i);
        }

        Close(run, side, length, found);
        return found;
    }

    /// <summary>
    /// Every run of <paramref name="length"/> or more points each higher (or each lower) than the
    /// one before; the point where one trend turns starts the next. A point equal to the one
    /// before ends the trend when <paramref name="skipTies"/> is false; otherwise it neither adds
    /// to a trend nor breaks it.
    /// </summary>
    public static List<RunSignal> Trends(IReadOnlyList<double> values, int from, int to, int length, bool skipTies)
    {
        var found = new List<RunSignal>();
        if (to - from < 2)
        {
            return found;
        }

        var run = new List<int> { from };
        var direction = 0;
        var previous = from;
        for (var i = from + 1; i < to; i++)
        {
            var step = Math.Sign(values[i] - values[previous]);
            if (step == 0 && skipTies)
            {
                continue;
            }

            if (step != direction)
            {
                Close(run, direction, length, found);
                run = [previous];
                direction = step;
            }

            run.Add(i);
            previous = i;
        }

        Close(run, direction, length, found);
        return found;
    }

    private static void Close(List<int> run, int side, int length, List<RunSignal> found)
    {
        if (side != 0 && run.Count >= length)
        {
            found.Add(new RunSignal(run, (Side)side));
        }
    }
}
