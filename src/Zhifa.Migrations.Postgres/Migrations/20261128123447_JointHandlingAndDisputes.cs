using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JointHandlingAndDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "Assignments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuggestedDepartmentCode",
                table: "Assignments",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Disputes",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    MatterCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    HandlingCenterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReturnedByDepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SuggestedDepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    RuledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RuledBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    RuledDepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    RulingReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LegalBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disputes", x => new { x.IncidentId, x.Seq });
                    table.ForeignKey(
                        name: "FK_Disputes_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disputes_OpenedAt_MatterCode",
                table: "Disputes",
                columns: new[] { "OpenedAt", "MatterCode" });

            // Before joint handling a co-department had no part of its own to resolve. Incidents already in
            // hand go on as they did: their co-departments are released from a part nobody asked of them.
            migrationBuilder.Sql("""
                UPDATE "Assignments" SET "Status" = 'Released'
                WHERE "Role" = 'Co' AND "Status" IN ('Dispatched', 'Accepted')
                  AND "IncidentId" IN (SELECT "Id" FROM "Incidents" WHERE "Status" IN ('InProgress', 'Suspended', 'Resolved', 'Closed'))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The status the code before joint handling does not know.
            migrationBuilder.Sql("""UPDATE "Assignments" SET "Status" = 'Dispatched' WHERE "Status" = 'Released'""");
            migrationBuilder.DropTable(
                name: "Disputes");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "SuggestedDepartmentCode",
                table: "Assignments");
        }
    }
}
