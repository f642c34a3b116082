using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChatEscalation.Persistence.Design;

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresEscalationDbContext -o Migrations/Postgres</c> build the context (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEscalationDbContext>
{
    public PostgresEscalationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql("Host=localhost;Database=escalation;Username=postgres").Options);
}
