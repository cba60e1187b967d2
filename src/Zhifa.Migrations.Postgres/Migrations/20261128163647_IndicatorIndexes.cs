using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IndicatorDays_Dimension_CountyCode_Day",
                table: "IndicatorDays",
                columns: new[] { "Dimension", "CountyCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorDays_Dimension_TownshipCode_Day",
                table: "IndicatorDays",
                columns: new[] { "Dimension", "TownshipCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacts_OverdueSince_ClosedAt_IsOpen",
                table: "IncidentFacts",
                columns: new[] { "OverdueSince", "ClosedAt", "IsOpen" },
                filter: "\"OverdueSince\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorDays_Dimension_CountyCode_Day",
                table: "IndicatorDays");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorDays_Dimension_TownshipCode_Day",
                table: "IndicatorDays");

            migrationBuilder.DropIndex(
                name: "IX_IncidentFacts_OverdueSince_ClosedAt_IsOpen",
                table: "IncidentFacts");
        }
    }
}
