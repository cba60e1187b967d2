using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Zhifa.Core.Time;

namespace Zhifa.Server.Api;

/// <summary>Collects what is wrong with a request, field by field, for one 400 answer.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Every error, field by field in the order they were found, for answers that are not problem+json.</summary>
    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Adds an error when the value is missing or blank; true when it is present.</summary>
    public bool Required(string field, string? value, int maxLength = 1000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"The {field} field is required.");
            return false;
        }
        if (value.Length > maxLength)
        {
            Add(field, $"The {field} field must be at most {maxLength} characters.");
            return false;
        }
        return true;
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
            Add(field, $"The {field} field must be at most {maxLength} characters.");
    }

    /// <summary>Adds an error when a given code is not among the known ones.</summary>
    public void Known<T>(string field, string? code, IReadOnlyDictionary<string, T> known, string what)
    {
        if (code is not null && !known.ContainsKey(code))
            Add(field, $"Unknown {what} '{code}'.");
    }

    /// <summary>The paging parameters every list takes: page from 1, pageSize from 1 to <paramref name="maxPageSize"/>.</summary>
    public void Paging(int? page, int? pageSize, int maxPageSize)
    {
        if (page < 1)
            Add("page", "page starts at 1.");
        if (pageSize < 1 || pageSize > maxPageSize)
            Add("pageSize", $"pageSize is between 1 and {maxPageSize}.");
    }

    /// <summary>
    /// A date or time as a filter takes it (a date alone in Huzhou's zone; with <paramref name="endOfDay"/>, a
    /// date means the end of that day), or null after naming the field when it is not one.
    /// </summary>
    public DateTimeOffset? Instant(string field, string? text, bool endOfDay = false)
    {
        if (text is null)
            return null;
        if (PlatformTime.TryParse(text, out var instant, endOfDay) && InPlatformYears(instant.Year))
            return instant;
        Add(field, $"{field} is an ISO 8601 date or time between {FirstYear} and {LastYear}, such as 2026-11-28 or 2026-11-28T09:30:00+08:00.");
        return null;
    }

    /// <summary>
    /// The years a filter, a roster or a schedule may name. Far beyond them the arithmetic the features do
    /// around an instant (a day before, a window of 90 days) would leave what a date can hold.
    /// </summary>
    public const int FirstYear = 1900, LastYear = 2999;

    public static bool InPlatformYears(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// A calendar date as yyyy-MM-dd within the years given (the platform's unless the field's own are
    /// narrower), or null after naming the field when it is not one.
    /// </summary>
    public DateOnly? Date(string field, string? text, int firstYear = FirstYear, int lastYear = LastYear)
    {
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= firstYear && date.Year <= lastYear)
            return date;
        Add(field, $"{field} is a date between {firstYear} and {lastYear}, such as 2026-11-30.");
        return null;
    }

    public ValidationProblem ToProblem() => Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
