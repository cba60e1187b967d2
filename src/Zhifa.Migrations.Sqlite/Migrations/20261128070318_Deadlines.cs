using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Zhifa.Migrations.Sqlite.Migrations
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
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Working = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "Deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Limit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    WorkingTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Allowed = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    Consumed = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunningSince = table.Column<long>(type: "INTEGER", nullable: false),
                    YellowAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    NextEffectAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CurrentLimit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NewLimit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeadlineKind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    CenterCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
