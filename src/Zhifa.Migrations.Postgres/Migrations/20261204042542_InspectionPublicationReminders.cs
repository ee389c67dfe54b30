using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InspectionPublicationReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishOverdueSince",
                table: "InspectionTasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishRemindedOn",
                table: "InspectionTasks",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_State_PublishDueOn",
                table: "InspectionTasks",
                columns: new[] { "State", "PublishDueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InspectionTasks_State_PublishDueOn",
                table: "InspectionTasks");

            migrationBuilder.DropColumn(
                name: "PublishOverdueSince",
                table: "InspectionTasks");

            migrationBuilder.DropColumn(
                name: "PublishRemindedOn",
                table: "InspectionTasks");
        }
    }
}
