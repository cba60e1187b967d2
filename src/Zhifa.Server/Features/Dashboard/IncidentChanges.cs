namespace Zhifa.Server.Features.Dashboard;

/// <summary>
/// Tells this process's live pages (the dashboard) that an incident was created or changed, after the
/// change was saved. In-process only: with several nodes, a change saved on one must reach the pages on
/// the others, which will need PostgreSQL LISTEN/NOTIFY (a NOTIFY after the save, a listener per node
/// raising this event).
/// </summary>
public sealed class IncidentChanges
{
    public event Action? Changed;

    public void Raise()
    {
        // A listener's failure is the listener's: it must not fail the request that saved the change.
        foreach (var listener in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action)listener)();
            }
            catch (Exception)
            {
            }
        }
    }
}
