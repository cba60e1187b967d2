using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_IncidentFacts_OverdueSince_ClosedAt_IsOpen",
                table: "IncidentFacts");
        }
    }
}
