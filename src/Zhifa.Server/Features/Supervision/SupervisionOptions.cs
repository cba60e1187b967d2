namespace Zhifa.Server.Features.Supervision;

/// <summary><c>Supervision</c> in configuration: the worker that issues reminders and notices.</summary>
public sealed class SupervisionOptions
{
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>How often the worker looks for clocks whose next step is due.</summary>
    public int PollSeconds { get; set; } = 30;
}
