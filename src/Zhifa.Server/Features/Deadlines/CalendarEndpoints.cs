using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Api;
using Zhifa.Server.Features.Audit;
using Zhifa.Server.Features.Auth;

namespace Zhifa.Server.Features.Deadlines;

public sealed record CalendarDayView(DateOnly Date, bool Working, string Name);
public sealed record CalendarYearView(int Year, IReadOnlyList<string> WorkingHours, double WorkingDayHours, IReadOnlyList<CalendarDayView> Days);
public sealed record CalendarDayBody(bool? Working, string? Name);

/// <summary>
/// The working calendar: each year's holidays and adjusted working days, read by everyone signed in,
/// edited by admins. An edit takes effect at once for new clocks and for clocks that are resumed or
/// extended; clocks already running keep the moments they were given.
/// </summary>
public static class CalendarEndpoints
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        calendar.MapGet("", YearAsync).RequireAuthorization(AccessPolicies.People).WithSummary("A year's holidays and adjusted working days, and the working hours");
        calendar.MapPut("/days/{date}", PutAsync).RequireAuthorization(AccessPolicies.Admin).WithSummary("Make a date a holiday or an adjusted working day");
        calendar.MapDelete("/days/{date}", DeleteAsync).RequireAuthorization(AccessPolicies.Admin).WithSummary("Let a date follow the Monday–Friday week again");
    }

    private static async Task<Results<Ok<CalendarYearView>, ValidationProblem>> YearAsync(
        int? year, ZhifaDbContext db, Clocks clocks, Microsoft.Extensions.Options.IOptions<DeadlineOptions> options, TimeProvider time, CancellationToken ct)
    {
        var y = year ?? PlatformTime.LocalDate(time.GetUtcNow()).Year;
        if (y is < 2000 or > 2100)
            return Problems.Field("year", "year is between 2000 and 2100.");
        var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct);
        return TypedResults.Ok(new CalendarYearView(y, options.Value.WorkingHours, clocks.Calendar.WorkingDay.TotalHours,
            [.. days.Select(d => new CalendarDayView(d.Date, d.Working, d.Name))]));
    }

    private static async Task<Results<Ok<CalendarDayView>, ValidationProblem>> PutAsync(
        string date, CalendarDayBody body, ZhifaDbContext db, Clocks clocks, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = ParseDate(date, errors);
        if (body.Working is null)
            errors.Add("working", "working is true for an adjusted working day, false for a holiday.");
        errors.Required("name", body.Name, CalendarDay.MaxNameLength);
        if (errors.Any)
            return errors.ToProblem();
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, ct);
        if (row is null)
            db.CalendarDays.Add(row = new CalendarDay { Date = day, Working = body.Working!.Value, Name = body.Name!.Trim() });
        else
            (row.Working, row.Name) = (body.Working!.Value, body.Name!.Trim());
        await db.SaveChangesAsync(ct);
        await clocks.LoadAsync(db, ct);
        http.Audit().Target = date;
        http.Audit().Summary = $"{(row.Working ? "working day" : "holiday")}: {row.Name}";
        return TypedResults.Ok(new CalendarDayView(row.Date, row.Working, row.Name));
    }

    private static async Task<Results<NoContent, ValidationProblem>> DeleteAsync(string date, ZhifaDbContext db, Clocks clocks, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var day = ParseDate(date, errors);
        if (errors.Any)
            return errors.ToProblem();
        await db.CalendarDays.Where(d => d.Date == day).ExecuteDeleteAsync(ct);
        await clocks.LoadAsync(db, ct);
        http.Audit().Target = date;
        return TypedResults.NoContent();
    }

    /// <summary>The calendar keeps the years 2000 to 2100.</summary>
    private static DateOnly ParseDate(string text, FieldErrors errors) => errors.Date("date", text, 2000, 2100) ?? default;
}
