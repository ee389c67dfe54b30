using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionConflicts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    Commitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InspectorsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InputsHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BodySecret = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SupervisorValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SupervisorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PublishedJson = table.Column<string>(type: "text", nullable: true),
                    ResultHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AnnouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnnouncedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    KeyItems = table.Column<bool>(type: "boolean", nullable: false),
                    RatioA = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    RatioB = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    RatioC = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    RatioD = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    RatioUngraded = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    ItemIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRatings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: true),
                    DrawId = table.Column<Guid>(type: "uuid", nullable: true),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartyCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    PartyIsPerson = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FiledByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RepeatWithin30Days = table.Column<bool>(type: "boolean", nullable: false),
                    OverCapReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OverCapApprovedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OverCapApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Record = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Signatures = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VisitedUnfiled = table.Column<bool>(type: "boolean", nullable: false),
                    PublishDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedLate = table.Column<bool>(type: "boolean", nullable: false),
                    JointGroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeadBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Basis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LeadCaseId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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
