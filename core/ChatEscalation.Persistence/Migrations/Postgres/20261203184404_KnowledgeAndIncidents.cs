using ChatEscalation.Persistence.Knowledge;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KnowledgeAndIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AffectedService",
                table: "Tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Tickets",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IntakePending",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsMajorIncident",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LastReportAt",
                table: "Tickets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ParentNumber",
                table: "Tickets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleAffected",
                table: "Tickets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "Tickets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SelfService",
                table: "Tickets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "KnowledgeArticles",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "KnowledgeArticles",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByKey",
                table: "KnowledgeArticles",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "KnowledgeArticles",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "KnowledgeArticles",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Tickets",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english', coalesce(\"Resolution\", '')), 'B') || setweight(to_tsvector('english', coalesce(\"Description\", '')), 'C')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "KnowledgeArticles",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english', coalesce(\"Body\", '')), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets",
                column: "IntakePending");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ParentNumber",
                table: "Tickets",
                column: "ParentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SearchVector",
                table: "Tickets",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_Category_LastReportAt",
                table: "Tickets",
                columns: new[] { "Status", "Category", "LastReportAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_SearchVector",
                table: "KnowledgeArticles",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_Status_TicketNumber",
                table: "KnowledgeArticles",
                columns: new[] { "Status", "TicketNumber" });

            migrationBuilder.Sql(PostgresSearchSchema.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ParentNumber",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_SearchVector",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_Category_LastReportAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_KnowledgeArticles_SearchVector",
                table: "KnowledgeArticles");

            migrationBuilder.DropIndex(
                name: "IX_KnowledgeArticles_Status_TicketNumber",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "AffectedService",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IntakePending",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IsMajorIncident",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "LastReportAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ParentNumber",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "PeopleAffected",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Resolution",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SelfService",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ReviewedByKey",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "KnowledgeArticles");
        }
    }
}
