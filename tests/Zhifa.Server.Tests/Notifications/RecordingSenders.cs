using System.Collections.Concurrent;
using Zhifa.Server.Features.Notifications;

namespace Zhifa.Server.Tests.Notifications;

/// <summary>
/// A sender for each external channel, registered in the test host beside the shipped logging ones:
/// it keeps what it was handed, and fails while <see cref="Failing"/> is set, so tests see that one
/// failing gateway stops neither the others nor the request.
/// </summary>
public sealed class RecordingSenders
{
    private readonly ConcurrentQueue<OutboundMessage> _sent = new();

    public bool Failing { get; set; }

    public IEnumerable<OutboundMessage> Sent => _sent;

    public IEnumerable<INotificationSender> All => [new Sender(this, NotificationChannels.Sms), new Sender(this, NotificationChannels.DingTalk)];

    private sealed class Sender(RecordingSenders owner, string channel) : INotificationSender
    {
        public string Channel => channel;

        public Task SendAsync(OutboundMessage message, CancellationToken ct)
        {
            if (owner.Failing)
                throw new HttpRequestException($"{channel} gateway unreachable (test)");
            owner._sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
