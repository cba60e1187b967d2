using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;

namespace Zhifa.Server.Features.Deadlines;

/// <summary>
/// The working calendar in memory and the rules clocks are counted with. Loaded at start and again
/// after an admin edits the calendar; swapped whole, so readers never lock.
/// </summary>
public sealed class Clocks(IOptions<DeadlineOptions> options)
{
    private readonly IReadOnlyList<WorkPeriod> _hours = options.Value.Periods();
    private DeadlineRules? _rules;

    public DeadlineRules Rules => _rules ?? throw new InvalidOperationException("The working calendar is not loaded yet.");
    public WorkingCalendar Calendar => Rules.Calendar;

    public async Task LoadAsync(ZhifaDbContext db, CancellationToken ct)
    {
        var days = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Working, ct);
        _rules = options.Value.Rules(new WorkingCalendar(_hours, days));
    }
}
