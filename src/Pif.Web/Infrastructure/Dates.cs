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

    /// <summary>An instant as people in Scotland read it: "8:15pm on 25 November 2026".</summary>
    public static string LondonTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        return local.ToString("h:mmtt", British).ToLower(British) + " on " + local.ToString("d MMMM yyyy", British);
    }

    /// <summary>A UTC time, as stored, as people in Scotland read it: "8:15pm on 25 November 2026".</summary>
    public static string LondonTime(DateTime utc) => LondonTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>A UTC time as the clock on the wall in Scotland reads it.</summary>
    public static DateTime InLondon(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>A time on the clock on the wall in Scotland, as UTC.</summary>
    public static DateTime LondonToUtc(DateTime wallClock) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), London);
}
