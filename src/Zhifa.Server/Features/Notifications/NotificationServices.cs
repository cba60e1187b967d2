using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Zhifa.Server.Features.Notifications;

public static class NotificationServices
{
    public static IServiceCollection AddZhifaNotifications(this IServiceCollection services)
    {
        // Scoped: the centre adds to the scope's ZhifaDbContext, the one its caller saves.
        services.AddScoped<NotificationCenter>();
        services.AddScoped<Inbox>();
        // Added as a set, not replaced: every sender of a channel gets its messages, so a deployment adds its gateway.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, LoggingSmsSender>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationSender, LoggingDingTalkSender>());
        return services;
    }
}
