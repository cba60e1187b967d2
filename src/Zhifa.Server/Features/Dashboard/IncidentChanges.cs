namespace Zhifa.Server.Features.Dashboard;

/// <summary>
/// Tells the live pages (the dashboard) that an incident was created or changed, after the change was
/// saved: this process's pages at once, and, through <see cref="ChangeRelay"/> on PostgreSQL, the
/// other nodes' pages on the same database.
/// </summary>
public sealed class IncidentChanges
{
    private Action? _relay;

    public event Action? Changed;

    /// <summary>A change saved here: this node's pages, then the other nodes'.</summary>
    public void Raise()
    {
        RaiseHere();
        _relay?.Invoke();
    }

    /// <summary>A change saved on another node: this node's pages only.</summary>
    public void RaiseHere()
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

    /// <summary>Passes every change raised here on to the other nodes.</summary>
    public void RelayTo(Action relay) => _relay = relay;
}
