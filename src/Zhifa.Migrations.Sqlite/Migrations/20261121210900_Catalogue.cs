using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Evaluations = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogueItems_Organizations_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListPublications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Entries = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListPublications_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueItemVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Bases = table.Column<string>(type: "TEXT", nullable: false),
                    BodyIds = table.Column<string>(type: "TEXT", nullable: false),
                    SettingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Delegation = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewComments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueItemVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogueItemVersions_CatalogueItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CatalogueItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DiscretionBenchmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuingBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingRegionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UpperBenchmarkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatutoryRange = table.Column<string>(type: "TEXT", nullable: true),
                    StatutoryKinds = table.Column<string>(type: "TEXT", nullable: false),
                    Tiers = table.Column<string>(type: "TEXT", nullable: false),
                    Exemption = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FiledWithBodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewComments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscretionBenchmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiscretionBenchmarks_CatalogueItemVersions_ItemVersionId",
                        column: x => x.ItemVersionId,
                        principalTable: "CatalogueItemVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DiscretionBenchmarks_CatalogueItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CatalogueItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DiscretionBenchmarks_DiscretionBenchmarks_UpperBenchmarkId",
                        column: x => x.UpperBenchmarkId,
                        principalTable: "DiscretionBenchmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DiscretionBenchmarks_Organizations_IssuingBodyId",
                        column: x => x.IssuingBodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListCurations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BenchmarkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Excluded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Annotation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListCurations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListCurations_DiscretionBenchmarks_BenchmarkId",
                        column: x => x.BenchmarkId,
                        principalTable: "DiscretionBenchmarks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ListCurations_Organizations_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItems_Code",
                table: "CatalogueItems",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItems_OwnerId",
                table: "CatalogueItems",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItemVersions_ItemId_VersionNumber",
                table: "CatalogueItemVersions",
                columns: new[] { "ItemId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItemVersions_Name",
                table: "CatalogueItemVersions",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItemVersions_OwnerId",
                table: "CatalogueItemVersions",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueItemVersions_State",
                table: "CatalogueItemVersions",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionBenchmarks_IssuingBodyId",
                table: "DiscretionBenchmarks",
                column: "IssuingBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionBenchmarks_ItemId",
                table: "DiscretionBenchmarks",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionBenchmarks_ItemVersionId",
                table: "DiscretionBenchmarks",
                column: "ItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionBenchmarks_Status",
                table: "DiscretionBenchmarks",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DiscretionBenchmarks_UpperBenchmarkId",
                table: "DiscretionBenchmarks",
                column: "UpperBenchmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_ListCurations_BenchmarkId",
                table: "ListCurations",
                column: "BenchmarkId");

            migrationBuilder.CreateIndex(
                name: "IX_ListCurations_BodyId_List_BenchmarkId_Tier",
                table: "ListCurations",
                columns: new[] { "BodyId", "List", "BenchmarkId", "Tier" });

            migrationBuilder.CreateIndex(
                name: "IX_ListPublications_BodyId_List_Edition",
                table: "ListPublications",
                columns: new[] { "BodyId", "List", "Edition" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListCurations");

            migrationBuilder.DropTable(
                name: "ListPublications");

            migrationBuilder.DropTable(
                name: "DiscretionBenchmarks");

            migrationBuilder.DropTable(
                name: "CatalogueItemVersions");

            migrationBuilder.DropTable(
                name: "CatalogueItems");
        }
    }
}
