using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatEscalation.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxLanesAndReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Lane",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RouteJson",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Uncertain",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Data: messages written before lanes existed wait in their ticket's lane on their platform (OutboxMessage.TicketLane).
            migrationBuilder.Sql("UPDATE \"OutboxMessages\" SET \"Lane\" = CAST(\"TicketNumber\" AS TEXT) || ':' || \"Platform\"");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Lane_Id",
                table: "OutboxMessages",
                columns: new[] { "Lane", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Lane_Id",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Lane",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "RouteJson",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Uncertain",
                table: "OutboxMessages");
        }
    }
}
