using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateDetection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DuplicateRadiusMeters",
                table: "Matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateWindowHours",
                table: "Matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 72);

            migrationBuilder.AddColumn<bool>(
                name: "Joined",
                table: "Clues",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "DuplicateCandidates",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateCandidates", x => new { x.IncidentId, x.CandidateId });
                    table.ForeignKey(
                        name: "FK_DuplicateCandidates_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_MatterCode_Lat",
                table: "Incidents",
                columns: new[] { "MatterCode", "Lat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateCandidates");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_MatterCode_Lat",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "DuplicateRadiusMeters",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "DuplicateWindowHours",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "Joined",
                table: "Clues");
        }
    }
}
