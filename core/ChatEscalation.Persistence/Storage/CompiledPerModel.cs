using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChatEscalation.Persistence.Storage;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, CancellationToken, Task{TResult}}})"/>)
/// per EF model: EF refuses to run one compiled query against a second model, and a process may hold several (the SQLite and the
/// PostgreSQL context, or two SQLite option sets in tests). Each model's copy is compiled at its first use and lives as long as the model.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
