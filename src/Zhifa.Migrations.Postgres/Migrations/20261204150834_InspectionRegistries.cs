using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InspectionRegistries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RiskTags",
                table: "Parties",
                type: "character varying(210)",
                maxLength: 210,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatioE",
                table: "InspectionPlans",
                type: "numeric(9,6)",
                precision: 9,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            // Plans made before grade E existed: an E subject is drawn at D's ratio.
            migrationBuilder.Sql("UPDATE \"InspectionPlans\" SET \"RatioE\" = \"RatioD\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RiskTags",
                table: "Parties");

            migrationBuilder.DropColumn(
                name: "RatioE",
                table: "InspectionPlans");
        }
    }
}
