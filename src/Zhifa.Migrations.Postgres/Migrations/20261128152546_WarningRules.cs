using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WarningRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    WindowHours = table.Column<int>(type: "integer", nullable: false),
                    Severity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_Name",
                table: "WarningRules",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarningRules");
        }
    }
}
