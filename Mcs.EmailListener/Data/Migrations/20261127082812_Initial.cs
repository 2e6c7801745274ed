using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mcs.EmailListener.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "email_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    delivery_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    mailbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uid_validity = table.Column<long>(type: "bigint", nullable: true),
                    uid = table.Column<long>(type: "bigint", nullable: true),
                    message_id = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "text", nullable: false),
                    raw_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    raw = table.Column<byte[]>(type: "bytea", nullable: false),
                    event_json = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    run_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    mailbox_action_pending = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_email_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mailbox_sync_states",
                columns: table => new
                {
                    mailbox = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uid_validity = table.Column<long>(type: "bigint", nullable: false),
                    last_uid = table.Column<long>(type: "bigint", nullable: false),
                    last_synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailbox_sync_states", x => x.mailbox);
                });

            migrationBuilder.CreateIndex(
                name: "IX_email_records_delivery_id",
                table: "email_records",
                column: "delivery_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_records_mailbox_mailbox_action_pending",
                table: "email_records",
                columns: new[] { "mailbox", "mailbox_action_pending" },
                filter: "mailbox_action_pending");

            migrationBuilder.CreateIndex(
                name: "IX_email_records_mailbox_raw_sha256",
                table: "email_records",
                columns: new[] { "mailbox", "raw_sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_email_records_mailbox_uid_validity_uid",
                table: "email_records",
                columns: new[] { "mailbox", "uid_validity", "uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_email_records_status_next_attempt_at",
                table: "email_records",
                columns: new[] { "status", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "email_records");

            migrationBuilder.DropTable(
                name: "mailbox_sync_states");
        }
    }
}
