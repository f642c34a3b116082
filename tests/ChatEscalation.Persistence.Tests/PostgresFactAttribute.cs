namespace ChatEscalation.Persistence.Tests;

/// <summary>A fact that runs only where the PostgreSQL server binaries (initdb, pg_ctl) are installed; skipped with the reason otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresCluster.FindBinaries() is null)
            Skip = "PostgreSQL server binaries (initdb, pg_ctl) are not installed: the PostgreSQL provider tests are skipped.";
    }
}
