using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UserOfficerLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OfficerId",
                table: "Users",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Users_OfficerId",
                table: "Users",
                column: "OfficerId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Users_Officers_OfficerId",
                table: "Users",
                column: "OfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Users_Officers_OfficerId",
                table: "Users");

            migrationBuilder.DropIndex(
                name: "IX_Users_OfficerId",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "OfficerId",
                table: "Users");
        }
    }
}
