using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DutyRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DutyRosters",
                columns: table => new
                {
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StandingCommander = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rotation = table.Column<string>(type: "TEXT", maxLength: 2015, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ShiftDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HandOverTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyRosters", x => x.CenterCode);
                    table.ForeignKey(
                        name: "FK_DutyRosters_CommandCenters_CenterCode",
                        column: x => x.CenterCode,
                        principalTable: "CommandCenters",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HandoverNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DutyDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ForDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoverNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoverNotes_CommandCenters_CenterCode",
                        column: x => x.CenterCode,
                        principalTable: "CommandCenters",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutySwaps",
                columns: table => new
                {
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutySwaps", x => new { x.CenterCode, x.Date });
                    table.ForeignKey(
                        name: "FK_DutySwaps_DutyRosters_CenterCode",
                        column: x => x.CenterCode,
                        principalTable: "DutyRosters",
                        principalColumn: "CenterCode",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HandoverNotes_CenterCode_At",
                table: "HandoverNotes",
                columns: new[] { "CenterCode", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DutySwaps");

            migrationBuilder.DropTable(
                name: "HandoverNotes");

            migrationBuilder.DropTable(
                name: "DutyRosters");
        }
    }
}
