using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DocumentSettingsRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentSettingsRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PaymentBank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PaymentAccount = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReconsiderationAuthority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSettingsRevisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSettingsRevisions_BodyId_At",
                table: "DocumentSettingsRevisions",
                columns: new[] { "BodyId", "At" });
            // The settings saved before revisions were kept: in force since long before any case of the platform.
            migrationBuilder.Sql("INSERT INTO \"DocumentSettingsRevisions\" (\"Id\", \"BodyId\", \"At\", \"PaymentBank\", \"PaymentAccount\", \"ReconsiderationAuthority\", \"Court\") "
                + "SELECT \"BodyId\", \"BodyId\", TIMESTAMP '2000-01-01 00:00:00', \"PaymentBank\", \"PaymentAccount\", \"ReconsiderationAuthority\", \"Court\" FROM \"DocumentSettings\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentSettingsRevisions");
        }
    }
}
