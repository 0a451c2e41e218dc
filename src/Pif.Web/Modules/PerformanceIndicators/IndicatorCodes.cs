using System.Text;

namespace Pif.Web.Modules.PerformanceIndicators;

public static class IndicatorCodes
{
    /// <summary>
    /// Folds an indicator code for matching: case and spaces ignored, and a number's leading zeros dropped, so
    /// SW01, SW 01, SW1 and sw01 are one code, and SW03a is SW3A.
    /// </summary>
    public static string Normalise(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var compact = new StringBuilder(code.Length);
        foreach (var c in code.Trim())
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        var folded = new StringBuilder(compact.Length);
        var inNumber = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            if (!char.IsAsciiDigit(c))
            {
                inNumber = false;
            }
            else if (!inNumber && c == '0' && i + 1 < compact.Length && char.IsAsciiDigit(compact[i + 1]))
            {
                continue;
            }
            else
            {
                inNumber = true;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }
}
