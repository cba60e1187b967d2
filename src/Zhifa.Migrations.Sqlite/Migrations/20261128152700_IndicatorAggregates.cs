using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncidentFacts",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    LeadDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    MatterCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandleDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandleMetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReworkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtensionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinedReports = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlingMinutes = table.Column<double>(type: "REAL", nullable: true),
                    OverdueSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentFacts", x => x.IncidentId);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorDays",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    Dispatched = table.Column<long>(type: "INTEGER", nullable: false),
                    Returned = table.Column<long>(type: "INTEGER", nullable: false),
                    Closed = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Reworked = table.Column<long>(type: "INTEGER", nullable: false),
                    Extended = table.Column<long>(type: "INTEGER", nullable: false),
                    Handled = table.Column<long>(type: "INTEGER", nullable: false),
                    HandlingSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Reports = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedReports = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueStarted = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueEnded = table.Column<long>(type: "INTEGER", nullable: false),
                    B00 = table.Column<long>(type: "INTEGER", nullable: false),
                    B01 = table.Column<long>(type: "INTEGER", nullable: false),
                    B02 = table.Column<long>(type: "INTEGER", nullable: false),
                    B03 = table.Column<long>(type: "INTEGER", nullable: false),
                    B04 = table.Column<long>(type: "INTEGER", nullable: false),
                    B05 = table.Column<long>(type: "INTEGER", nullable: false),
                    B06 = table.Column<long>(type: "INTEGER", nullable: false),
                    B07 = table.Column<long>(type: "INTEGER", nullable: false),
                    B08 = table.Column<long>(type: "INTEGER", nullable: false),
                    B09 = table.Column<long>(type: "INTEGER", nullable: false),
                    B10 = table.Column<long>(type: "INTEGER", nullable: false),
                    B11 = table.Column<long>(type: "INTEGER", nullable: false),
                    B12 = table.Column<long>(type: "INTEGER", nullable: false),
                    B13 = table.Column<long>(type: "INTEGER", nullable: false),
                    B14 = table.Column<long>(type: "INTEGER", nullable: false),
                    B15 = table.Column<long>(type: "INTEGER", nullable: false),
                    B16 = table.Column<long>(type: "INTEGER", nullable: false),
                    B17 = table.Column<long>(type: "INTEGER", nullable: false),
                    B18 = table.Column<long>(type: "INTEGER", nullable: false),
                    B19 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorDays", x => new { x.Dimension, x.Day, x.CountyCode, x.TownshipCode, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacts_IsOpen_OverdueSince",
                table: "IncidentFacts",
                columns: new[] { "IsOpen", "OverdueSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentFacts");

            migrationBuilder.DropTable(
                name: "IndicatorDays");
        }
    }
}
