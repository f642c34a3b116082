using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakePendingPartialIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets",
                column: "Number",
                filter: "\"IntakePending\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_IntakePending",
                table: "Tickets",
                column: "IntakePending");
        }
    }
}
