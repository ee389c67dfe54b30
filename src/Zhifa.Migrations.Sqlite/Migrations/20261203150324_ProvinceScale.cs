using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProvinceScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.BodyId, x.Month, x.State });
                    table.ForeignKey(
                        name: "FK_CaseCounts_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenDeadlineCounts",
                columns: table => new
                {
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDeadlineCounts", x => new { x.BodyId, x.DueOn });
                    table.ForeignKey(
                        name: "FK_OpenDeadlineCounts_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartyImportBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyImportBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyImportBatches_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_PartyImportBatches_ImportedAt",
                table: "PartyImportBatches",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PartyImportBatches_OrganizationId",
                table: "PartyImportBatches",
                column: "OrganizationId");

            // The rollups of the cases already there (a database upgraded from a release without them).
            foreach (var sql in Zhifa.Core.Cases.CaseCountRollup.RebuildStatements(false))
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCounts");

            migrationBuilder.DropTable(
                name: "OpenDeadlineCounts");

            migrationBuilder.DropTable(
                name: "PartyImportBatches");

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
