using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionConflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionConflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InspectorsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InputsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BodySecret = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SupervisorValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SupervisorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedJson = table.Column<string>(type: "TEXT", nullable: true),
                    ResultHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnouncedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersededReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KeyItems = table.Column<bool>(type: "INTEGER", nullable: false),
                    RatioA = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    RatioB = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    RatioC = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    RatioD = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    RatioUngraded = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    ItemIds = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DrawId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartyCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    PartyIsPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RepeatWithin30Days = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverCapReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverCapApprovedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OverCapApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Record = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Signatures = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VisitedUnfiled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    JointGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadBodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LeadCaseId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionItems_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionOfficers",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionOfficers", x => new { x.TaskId, x.OfficerId });
                    table.ForeignKey(
                        name: "FK_InspectionOfficers_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionConflicts_BodyId",
                table: "InspectionConflicts",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionConflicts_OfficerId_PartyId",
                table: "InspectionConflicts",
                columns: new[] { "OfficerId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDraws_BodyId",
                table: "InspectionDraws",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDraws_PlanId_Sequence",
                table: "InspectionDraws",
                columns: new[] { "PlanId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionItems_TaskId_ItemId",
                table: "InspectionItems",
                columns: new[] { "TaskId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionPlans_BodyId_Year",
                table: "InspectionPlans",
                columns: new[] { "BodyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRatings_BodyId",
                table: "InspectionRatings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRatings_TaskId",
                table: "InspectionRatings",
                column: "TaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_BodyId_State_PlannedOn",
                table: "InspectionTasks",
                columns: new[] { "BodyId", "State", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_Code",
                table: "InspectionTasks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_DrawId",
                table: "InspectionTasks",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_JointGroupId",
                table: "InspectionTasks",
                column: "JointGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_PartyId_PlannedOn",
                table: "InspectionTasks",
                columns: new[] { "PartyId", "PlannedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionConflicts");

            migrationBuilder.DropTable(
                name: "InspectionDraws");

            migrationBuilder.DropTable(
                name: "InspectionItems");

            migrationBuilder.DropTable(
                name: "InspectionOfficers");

            migrationBuilder.DropTable(
                name: "InspectionPlans");

            migrationBuilder.DropTable(
                name: "InspectionRatings");

            migrationBuilder.DropTable(
                name: "InspectionTasks");
        }
    }
}
