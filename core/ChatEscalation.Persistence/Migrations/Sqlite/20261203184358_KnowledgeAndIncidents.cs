using ChatEscalation.Persistence.Knowledge;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IntakePending",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsMajorIncident",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LastReportAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ParentNumber",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeopleAffected",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Resolution",
                table: "Tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SelfService",
                table: "Tickets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Tickets",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "KnowledgeArticles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "KnowledgeArticles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByKey",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "KnowledgeArticles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets",
                column: "IntakePending");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ParentNumber",
                table: "Tickets",
                column: "ParentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_Category_LastReportAt",
                table: "Tickets",
                columns: new[] { "Status", "Category", "LastReportAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_Status_TicketNumber",
                table: "KnowledgeArticles",
                columns: new[] { "Status", "TicketNumber" });

            migrationBuilder.Sql(SqliteSearchSchema.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSchema.Drop);

            migrationBuilder.DropIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ParentNumber",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Status_Category_LastReportAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_KnowledgeArticles_Status_TicketNumber",
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
