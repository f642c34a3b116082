using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatEscalation.Persistence.Design;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteEscalationDbContext -o Migrations/Sqlite</c> build the context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEscalationDbContext>
{
    public SqliteEscalationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEscalationDbContext>().UseSqlite("Data Source=design-time.db").AddInterceptors(new SqlitePragmas()).Options);
}
