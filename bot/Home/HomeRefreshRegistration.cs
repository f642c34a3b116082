using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatEscalation.Bot.Home;

/// <summary>Registers a platform's home refresher.</summary>
public static class HomeRefreshRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TRefresher"/> as a singleton, a hosted service (its worker) and an <see cref="IHomeRefresher"/>;
    /// <see cref="HomeRefreshers"/> becomes the host's <see cref="ITicketChanges"/>; and <see cref="HomeBuilder"/>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddHomeRefresher<TRefresher>(this IServiceCollection services)
        where TRefresher : class, IHomeRefresher, IHostedService
    {
        services.TryAddScoped<HomeBuilder>();
        if (services.Any(s => s.ServiceType == typeof(TRefresher))) return services;
        services.AddSingleton<TRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<TRefresher>());
        services.AddSingleton<IHomeRefresher>(sp => sp.GetRequiredService<TRefresher>());
        services.Replace(ServiceDescriptor.Singleton<ITicketChanges, HomeRefreshers>());
        return services;
    }
}
