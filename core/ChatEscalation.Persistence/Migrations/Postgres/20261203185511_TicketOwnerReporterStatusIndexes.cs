using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketOwnerReporterStatusIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_OwnerKey",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ReporterKey",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OwnerKey_Status",
                table: "Tickets",
                columns: new[] { "OwnerKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ReporterKey_Status",
                table: "Tickets",
                columns: new[] { "ReporterKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_OwnerKey_Status",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ReporterKey_Status",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_OwnerKey",
                table: "Tickets",
                column: "OwnerKey");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ReporterKey",
                table: "Tickets",
                column: "ReporterKey");
        }
    }
}
