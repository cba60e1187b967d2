namespace Zhifa.Server.Features.Auth;

/// <summary>
/// One sign-in attempt at a time per user name (on this node). Without it, guesses sent in
/// parallel race on the failure counter and lose updates, so more than the allowed five get
/// through before the lockout. Striped, so an attacker spraying names cannot grow it.
/// </summary>
internal sealed class SignInGate
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string userName, CancellationToken ct)
    {
        var stripe = _stripes[(StringComparer.OrdinalIgnoreCase.GetHashCode(userName) & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
