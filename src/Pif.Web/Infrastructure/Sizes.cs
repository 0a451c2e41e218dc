using System.Globalization;

namespace Pif.Web.Infrastructure;

/// <summary>File sizes as people read them.</summary>
public static class Sizes
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0} KB"),
        _ => $"{bytes} bytes",
    };
}
