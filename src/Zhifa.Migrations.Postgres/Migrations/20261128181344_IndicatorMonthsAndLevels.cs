using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorMonthsAndLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The aggregates are derived from the incidents: the old daily cells go, and without facts
            // the start-up backfill recounts every incident into the new day and month cells.
            migrationBuilder.Sql("TRUNCATE \"IncidentFacts\";");

            migrationBuilder.DropTable(
                name: "IndicatorDays");

            migrationBuilder.DropIndex(
                name: "IX_IncidentFacts_OverdueSince_ClosedAt_IsOpen",
                table: "IncidentFacts");

            migrationBuilder.CreateTable(
                name: "IndicatorCells",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    TownshipCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Grain = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Key = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    Dispatched = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<long>(type: "bigint", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    Reworked = table.Column<long>(type: "bigint", nullable: false),
                    Extended = table.Column<long>(type: "bigint", nullable: false),
                    Handled = table.Column<long>(type: "bigint", nullable: false),
                    HandlingSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Reports = table.Column<long>(type: "bigint", nullable: false),
                    JoinedReports = table.Column<long>(type: "bigint", nullable: false),
                    OverdueStarted = table.Column<long>(type: "bigint", nullable: false),
                    OverdueEnded = table.Column<long>(type: "bigint", nullable: false),
                    B00 = table.Column<long>(type: "bigint", nullable: false),
                    B01 = table.Column<long>(type: "bigint", nullable: false),
                    B02 = table.Column<long>(type: "bigint", nullable: false),
                    B03 = table.Column<long>(type: "bigint", nullable: false),
                    B04 = table.Column<long>(type: "bigint", nullable: false),
                    B05 = table.Column<long>(type: "bigint", nullable: false),
                    B06 = table.Column<long>(type: "bigint", nullable: false),
                    B07 = table.Column<long>(type: "bigint", nullable: false),
                    B08 = table.Column<long>(type: "bigint", nullable: false),
                    B09 = table.Column<long>(type: "bigint", nullable: false),
                    B10 = table.Column<long>(type: "bigint", nullable: false),
                    B11 = table.Column<long>(type: "bigint", nullable: false),
                    B12 = table.Column<long>(type: "bigint", nullable: false),
                    B13 = table.Column<long>(type: "bigint", nullable: false),
                    B14 = table.Column<long>(type: "bigint", nullable: false),
                    B15 = table.Column<long>(type: "bigint", nullable: false),
                    B16 = table.Column<long>(type: "bigint", nullable: false),
                    B17 = table.Column<long>(type: "bigint", nullable: false),
                    B18 = table.Column<long>(type: "bigint", nullable: false),
                    B19 = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorCells", x => new { x.Dimension, x.CountyCode, x.TownshipCode, x.Grain, x.Day, x.Key });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("TRUNCATE \"IncidentFacts\";");

            migrationBuilder.DropTable(
                name: "IndicatorCells");

            migrationBuilder.CreateTable(
                name: "IndicatorDays",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    TownshipCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Key = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    B00 = table.Column<long>(type: "bigint", nullable: false),
                    B01 = table.Column<long>(type: "bigint", nullable: false),
                    B02 = table.Column<long>(type: "bigint", nullable: false),
                    B03 = table.Column<long>(type: "bigint", nullable: false),
                    B04 = table.Column<long>(type: "bigint", nullable: false),
                    B05 = table.Column<long>(type: "bigint", nullable: false),
                    B06 = table.Column<long>(type: "bigint", nullable: false),
                    B07 = table.Column<long>(type: "bigint", nullable: false),
                    B08 = table.Column<long>(type: "bigint", nullable: false),
                    B09 = table.Column<long>(type: "bigint", nullable: false),
                    B10 = table.Column<long>(type: "bigint", nullable: false),
                    B11 = table.Column<long>(type: "bigint", nullable: false),
                    B12 = table.Column<long>(type: "bigint", nullable: false),
                    B13 = table.Column<long>(type: "bigint", nullable: false),
                    B14 = table.Column<long>(type: "bigint", nullable: false),
                    B15 = table.Column<long>(type: "bigint", nullable: false),
                    B16 = table.Column<long>(type: "bigint", nullable: false),
                    B17 = table.Column<long>(type: "bigint", nullable: false),
                    B18 = table.Column<long>(type: "bigint", nullable: false),
                    B19 = table.Column<long>(type: "bigint", nullable: false),
                    Closed = table.Column<long>(type: "bigint", nullable: false),
                    ClosedOnTime = table.Column<long>(type: "bigint", nullable: false),
                    Dispatched = table.Column<long>(type: "bigint", nullable: false),
                    Extended = table.Column<long>(type: "bigint", nullable: false),
                    Handled = table.Column<long>(type: "bigint", nullable: false),
                    HandlingSeconds = table.Column<long>(type: "bigint", nullable: false),
                    JoinedReports = table.Column<long>(type: "bigint", nullable: false),
                    OverdueEnded = table.Column<long>(type: "bigint", nullable: false),
                    OverdueStarted = table.Column<long>(type: "bigint", nullable: false),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    Reports = table.Column<long>(type: "bigint", nullable: false),
                    Returned = table.Column<long>(type: "bigint", nullable: false),
                    Reworked = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorDays", x => new { x.Dimension, x.Day, x.CountyCode, x.TownshipCode, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacts_OverdueSince_ClosedAt_IsOpen",
                table: "IncidentFacts",
                columns: new[] { "OverdueSince", "ClosedAt", "IsOpen" },
                filter: "\"OverdueSince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorDays_Dimension_CountyCode_Day",
                table: "IndicatorDays",
                columns: new[] { "Dimension", "CountyCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorDays_Dimension_TownshipCode_Day",
                table: "IndicatorDays",
                columns: new[] { "Dimension", "TownshipCode", "Day" });
        }
    }
}
