using System.Globalization;

namespace Pif.Web.Infrastructure;

/// <summary>Dates as people in Scotland read them, in Europe/London time.</summary>
public static class Dates
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Today's date in Scotland.</summary>
    public static DateOnly LondonToday(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, London));
    }

    /// <summary>A date as people read it: "25 November 2026".</summary>
    public static string Written(DateOnly date) => date.ToString("d MMMM yyyy", British);

    /// <summary>A UTC time as its London date: "25 November 2026".</summary>
    public static string LondonDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London).ToString("d MMMM yyyy", British);
}
