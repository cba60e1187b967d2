using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
