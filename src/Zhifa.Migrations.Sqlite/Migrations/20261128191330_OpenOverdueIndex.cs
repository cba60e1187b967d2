using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpenOverdueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacts_IsOpen_OverdueSince",
                table: "IncidentFacts");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacts_OpenOverdue",
                table: "IncidentFacts",
                columns: new[] { "OverdueSince", "CountyCode", "TownshipCode", "LeadDepartmentCode", "MatterCode", "Channel" },
                filter: "\"IsOpen\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentFacts_OpenOverdue",
                table: "IncidentFacts");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentFacts_IsOpen_OverdueSince",
                table: "IncidentFacts",
                columns: new[] { "IsOpen", "OverdueSince" });
        }
    }
}
