using ChatEscalation.Persistence.Knowledge;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Sqlite
{
    /// <summary>The tickets' search update triggers fire only when a ticket enters or leaves an index or its indexed text changes.</summary>
    /// <remarks>SQL only and the model unchanged, so no designer file (a copy of the whole model, the same as the migration before).</remarks>
    [DbContext(typeof(SqliteEscalationDbContext))]
    [Migration("20261204153000_SearchUpdateOnChange")]
    public class SearchUpdateOnChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqliteSearchSchema.UpdateOnChange);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqliteSearchSchema.UpdateOnChangeDown);
    }
}
