using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReminderJobIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_Unmarked_DueOn_Id",
                table: "CaseDeadlines",
                columns: new[] { "DueOn", "Id" },
                filter: "\"Status\" = 'Open' AND \"OverdueSince\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_Unmarked_DueOn_Id",
                table: "CaseDeadlines");
        }
    }
}
