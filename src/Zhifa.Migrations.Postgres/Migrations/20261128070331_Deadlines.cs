using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Working = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "Deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Limit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    WorkingTime = table.Column<bool>(type: "boolean", nullable: false),
                    Allowed = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Consumed = table.Column<TimeSpan>(type: "interval", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunningSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    YellowAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PausedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    NextEffectAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deadlines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deadlines_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CurrentLimit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NewLimit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeadlineKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    CenterCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_EndedAt_DueAt",
                table: "Deadlines",
                columns: new[] { "EndedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_IncidentId",
                table: "Deadlines",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_NextEffectAt",
                table: "Deadlines",
                column: "NextEffectAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_IncidentId_Status",
                table: "ExtensionRequests",
                columns: new[] { "IncidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_CenterCode_IssuedAt",
                table: "SupervisionNotices",
                columns: new[] { "CenterCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_DeadlineId_Level",
                table: "SupervisionNotices",
                columns: new[] { "DeadlineId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_DepartmentCode_IssuedAt",
                table: "SupervisionNotices",
                columns: new[] { "DepartmentCode", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_IncidentId",
                table: "SupervisionNotices",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_Number",
                table: "SupervisionNotices",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Deadlines");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "SupervisionNotices");
        }
    }
}
