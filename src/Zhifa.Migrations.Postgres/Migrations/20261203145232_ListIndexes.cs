using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseNumber_Id_BodyId",
                table: "Cases",
                columns: new[] { "CaseNumber", "Id", "BodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PartyName_Id_BodyId",
                table: "Cases",
                columns: new[] { "PartyName", "Id", "BodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RegisteredOn_Id_BodyId_State",
                table: "Cases",
                columns: new[] { "RegisteredOn", "Id", "BodyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_State_Id_BodyId",
                table: "Cases",
                columns: new[] { "State", "Id", "BodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_Open_BodyId_DueOn_CaseId",
                table: "CaseDeadlines",
                columns: new[] { "BodyId", "DueOn", "CaseId" },
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeadlines_Open_CaseId_DueOn",
                table: "CaseDeadlines",
                columns: new[] { "CaseId", "DueOn" },
                filter: "\"Status\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CaseNumber_Id_BodyId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_PartyName_Id_BodyId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_RegisteredOn_Id_BodyId_State",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_State_Id_BodyId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_Open_BodyId_DueOn_CaseId",
                table: "CaseDeadlines");

            migrationBuilder.DropIndex(
                name: "IX_CaseDeadlines_Open_CaseId_DueOn",
                table: "CaseDeadlines");
        }
    }
}
