namespace ChatEscalation.Bot.Dashboard;

/// <summary>Registers what the dashboard's endpoints (<see cref="DashboardEndpoints.MapDashboard"/>) need.</summary>
public static class DashboardRegistration
{
    /// <summary>Registers <see cref="EscalationReport"/> (scoped). Needs the persistence services and an IPolicyProvider.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<EscalationReport>();
        return services;
    }
}
