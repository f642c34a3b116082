using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Persistence.Tests;

/// <summary>Captures the SQL a context runs and asks the database for its plan (SQLite's <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c>), one line per step.</summary>
public sealed class QueryPlan : DbCommandInterceptor
{
    public List<(string Sql, List<(string, object?)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
        return ValueTask.FromResult(result);
    }

    /// <summary>The plan of the first captured command whose SQL contains <paramref name="fragment"/>.</summary>
    public Task<List<string>> ExplainAsync(DbContext db, string fragment) => ExplainAsync(db, sql => sql.Contains(fragment, StringComparison.Ordinal));

    /// <summary>The plan of the first captured command whose SQL matches <paramref name="which"/>.</summary>
    public Task<List<string>> ExplainAsync(DbContext db, Func<string, bool> which) => ExplainAsync(db, which, "EXPLAIN QUERY PLAN ", 3);

    /// <summary>PostgreSQL's plan (<c>EXPLAIN</c>, one line per row) of the first captured command whose SQL matches <paramref name="which"/>.</summary>
    public Task<List<string>> ExplainPostgresAsync(DbContext db, Func<string, bool> which) => ExplainAsync(db, which, "EXPLAIN ", 0);

    private async Task<List<string>> ExplainAsync(DbContext db, Func<string, bool> which, string explainPrefix, int column)
    {
        var (sql, parameters) = Commands.First(c => which(c.Sql));
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = explainPrefix + sql;
        foreach (var (name, value) in parameters)
        {
            var p = explain.CreateParameter();
            (p.ParameterName, p.Value) = (name, value);
            explain.Parameters.Add(p);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(column));
        return plan;
    }
}
