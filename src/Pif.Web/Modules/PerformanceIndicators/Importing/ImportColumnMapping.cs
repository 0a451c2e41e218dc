using System.Security.Cryptography;
using System.Text;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// What each column of a file layout Pif did not know holds, as a person told it: remembered by the layout's
/// headings, so the next file laid out the same way is read without asking again.
/// </summary>
public sealed class ImportColumnMapping
{
    public const int SignatureLength = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The layout's headings, folded and hashed (<see cref="SignatureOf"/>).</summary>
    public required string Signature { get; init; }

    /// <summary>Each heading read, with what it holds, as a JSON object (heading to <see cref="ImportColumn"/>).</summary>
    public required string Columns { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid UpdatedById { get; set; }

    /// <summary>The headings' signature: folded (case, spaces and punctuation ignored) and in order.</summary>
    public static string SignatureOf(IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var folded = string.Join("|", header.Select(ImportFile.Fold));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }
}

/// <summary>What a column of a file may hold, when a person tells Pif; each reads as the heading Pif knows for it.</summary>
public enum ImportColumn
{
    Council,
    Code,
    Title,
    Period,
    Value,
    Numerator,
    Denominator,
}

public static class ImportColumns
{
    /// <summary>Every kind of column, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<ImportColumn> All = Enum.GetValues<ImportColumn>();

    /// <summary>The heading Pif reads for a kind of column (Year for a period, since the LGBF long file heads it so).</summary>
    public static string Heading(ImportColumn column) => column switch
    {
        ImportColumn.Council => "Council",
        ImportColumn.Code => "Code",
        ImportColumn.Title => "Title",
        ImportColumn.Period => "Year",
        ImportColumn.Value => "Value",
        ImportColumn.Numerator => "Numerator",
        ImportColumn.Denominator => "Denominator",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    public static string Describe(ImportColumn column) => column switch
    {
        ImportColumn.Council => "The council (for a national file; leave it out for your council's own indicators)",
        ImportColumn.Code => "The indicator's code",
        ImportColumn.Title => "The indicator's title",
        ImportColumn.Period => "The period (a year such as 2022-23)",
        ImportColumn.Value => "The value",
        ImportColumn.Numerator => "The numerator",
        ImportColumn.Denominator => "The denominator",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
