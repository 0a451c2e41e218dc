using System.Text.RegularExpressions;

namespace Pif.Web.Modules.Frameworks;

/// <summary>Length limits and code formats, shared by the database mappings, the import and the forms.</summary>
public static partial class FrameworkLimits
{
    public const int FrameworkCodeMaxLength = 32;
    public const int CodeMaxLength = 16;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int PublisherMaxLength = 200;
    public const int GroupLabelMaxLength = 60;
    public const int SummaryMaxLength = 2000;
    public const int ThemeMaxLength = 200;
    public const int IllustrationMaxLength = 4000;
    public const int QuestionMaxLength = 500;
    public const int EvidenceMaxLength = 500;

    /// <summary>More than any framework we know of (PIF has 25 QIs): guards against a runaway file.</summary>
    public const int MaxQualityIndicators = 500;

    public const string FrameworkCodeHint = "a letter or digit, then up to 31 letters, digits or hyphens, such as PIF or HGIOS-4";
    public const string CodeHint = "a letter or digit, then up to 15 letters, digits, dots or hyphens, such as 9.2";

    public static bool IsFrameworkCode(string? code) => code is not null && FrameworkCodePattern().IsMatch(code);

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,31}$")]
    private static partial Regex FrameworkCodePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.-]{0,15}$")]
    private static partial Regex CodePattern();
}
