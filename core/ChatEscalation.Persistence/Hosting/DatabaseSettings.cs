using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Persistence.Hosting;

/// <summary>Which database to use and how to reach it, read from <c>Database:Provider</c> and <c>ConnectionStrings:Escalation</c>.</summary>
/// <remarks>SQLite without a connection string uses <c>Data Source=&lt;contentRoot&gt;/data/escalation.db</c>; the folder is created.</remarks>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DataFolder = "data";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var text = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse(text, ignoreCase: true, out provider))
            throw new InvalidOperationException($"Database:Provider: '{text}' is not Sqlite or Postgres.");
        var connection = configuration.GetConnectionString("Escalation");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("ConnectionStrings:Escalation: PostgreSQL needs a connection string (Host=…;Database=…;Username=…;Password=…).");
            var folder = Path.Combine(contentRoot, DataFolder);
            Directory.CreateDirectory(folder);
            connection = $"Data Source={Path.Combine(folder, "escalation.db")}";
        }
        return new DatabaseSettings(provider, connection);
    }
}
