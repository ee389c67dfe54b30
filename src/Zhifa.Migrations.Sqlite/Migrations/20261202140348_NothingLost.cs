using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NothingLost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ListCurations_BodyId_List_BenchmarkId_Tier",
                table: "ListCurations");

            migrationBuilder.DropIndex(
                name: "IX_EmploymentChanges_OfficerId",
                table: "EmploymentChanges");

            migrationBuilder.DropIndex(
                name: "IX_CertificateEvents_CertificateId",
                table: "CertificateEvents");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Roles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PersonnelSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Organizations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Officers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ListCurations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DiscretionBenchmarks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CatalogueItemVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CatalogueItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "UX_Organizations_ActiveSiblingName",
                table: "Organizations",
                columns: new[] { "ParentId", "Name" },
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_ListCurations_BodyId_List_BenchmarkId_Tier",
                table: "ListCurations",
                columns: new[] { "BodyId", "List", "BenchmarkId", "Tier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentChanges_OfficerId_Sequence",
                table: "EmploymentChanges",
                columns: new[] { "OfficerId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_DiscretionBenchmarks_OpenPerBody",
                table: "DiscretionBenchmarks",
                columns: new[] { "ItemVersionId", "IssuingBodyId" },
                unique: true,
                filter: "\"Status\" <> 'Published'");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId_Sequence",
                table: "CertificateEvents",
                columns: new[] { "CertificateId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_CreatedAt",
                table: "IdempotencyRecords",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_UserId_Key",
                table: "IdempotencyRecords",
                columns: new[] { "UserId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropIndex(
                name: "UX_Organizations_ActiveSiblingName",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_ListCurations_BodyId_List_BenchmarkId_Tier",
                table: "ListCurations");

            migrationBuilder.DropIndex(
                name: "IX_EmploymentChanges_OfficerId_Sequence",
                table: "EmploymentChanges");

            migrationBuilder.DropIndex(
                name: "UX_DiscretionBenchmarks_OpenPerBody",
                table: "DiscretionBenchmarks");

            migrationBuilder.DropIndex(
                name: "IX_CertificateEvents_CertificateId_Sequence",
                table: "CertificateEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Roles");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PersonnelSettings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Officers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ListCurations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DiscretionBenchmarks");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CatalogueItemVersions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CatalogueItems");

            migrationBuilder.CreateIndex(
                name: "IX_ListCurations_BodyId_List_BenchmarkId_Tier",
                table: "ListCurations",
                columns: new[] { "BodyId", "List", "BenchmarkId", "Tier" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentChanges_OfficerId",
                table: "EmploymentChanges",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId",
                table: "CertificateEvents",
                column: "CertificateId");
        }
    }
}
