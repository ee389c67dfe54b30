using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseMeasuresRemindersInstalments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OverdueReminded",
                table: "CaseDeadlines");

            migrationBuilder.AddColumn<decimal>(
                name: "InstalmentBase",
                table: "Cases",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Instalments",
                table: "Cases",
                type: "jsonb",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "OverdueSince",
                table: "CaseDeadlines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseMeasures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Items = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Emergency = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InventoryCopies = table.Column<int>(type: "integer", nullable: false),
                    Extended = table.Column<bool>(type: "boolean", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMeasures_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Args = table.Column<List<string>>(type: "text[]", nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMeasures_CaseId",
                table: "CaseMeasures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_UserMessages_UserId_CreatedAt",
                table: "UserMessages",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserMessages_UserId_DedupKey",
                table: "UserMessages",
                columns: new[] { "UserId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserMessages_UserId_ReadAt",
                table: "UserMessages",
                columns: new[] { "UserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMeasures");

            migrationBuilder.DropTable(
                name: "UserMessages");

            migrationBuilder.DropColumn(
                name: "InstalmentBase",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Instalments",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "OverdueSince",
                table: "CaseDeadlines");

            migrationBuilder.AddColumn<bool>(
                name: "OverdueReminded",
                table: "CaseDeadlines",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
