using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mcs.Orchestrator.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialGraphEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "graph_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    node = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    input_digest = table.Column<string>(type: "text", nullable: true),
                    output = table.Column<string>(type: "jsonb", nullable: true),
                    error_code = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_audit", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "graph_run",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    forked_from_step = table.Column<int>(type: "integer", nullable: true),
                    graph_name = table.Column<string>(type: "text", nullable: false),
                    flow_version = table.Column<int>(type: "integer", nullable: false),
                    graph_fingerprint = table.Column<string>(type: "text", nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    step = table.Column<int>(type: "integer", nullable: false),
                    next_node = table.Column<string>(type: "text", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    owner_id = table.Column<string>(type: "text", nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fencing_token = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    claim_count = table.Column<int>(type: "integer", nullable: false),
                    replay_mode = table.Column<string>(type: "text", nullable: true),
                    new_effect_keys = table.Column<bool>(type: "boolean", nullable: false),
                    error_code = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    error_node = table.Column<string>(type: "text", nullable: true),
                    error_retryable = table.Column<bool>(type: "boolean", nullable: false),
                    error_step = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_run", x => x.run_id);
                    table.CheckConstraint("ck_graph_run_status", "status in ('pending','running','interrupted','blocked','succeeded','failed','cancelled')");
                });

            migrationBuilder.CreateTable(
                name: "idempotency_record",
                columns: table => new
                {
                    scope = table.Column<string>(type: "text", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_record", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "side_effect",
                columns: table => new
                {
                    effect_key = table.Column<string>(type: "text", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    node = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    request_hash = table.Column<string>(type: "text", nullable: true),
                    response = table.Column<string>(type: "jsonb", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_side_effect", x => x.effect_key);
                    table.CheckConstraint("ck_side_effect_status", "status in ('started','succeeded','unknown','failed')");
                });

            migrationBuilder.CreateTable(
                name: "graph_checkpoint",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    node = table.Column<string>(type: "text", nullable: true),
                    next_node = table.Column<string>(type: "text", nullable: true),
                    state = table.Column<string>(type: "jsonb", nullable: false),
                    state_schema_version = table.Column<int>(type: "integer", nullable: false),
                    state_bytes = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_checkpoint", x => new { x.run_id, x.step });
                    table.ForeignKey(
                        name: "FK_graph_checkpoint_graph_run_run_id",
                        column: x => x.run_id,
                        principalTable: "graph_run",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "graph_interrupt",
                columns: table => new
                {
                    interrupt_id = table.Column<Guid>(type: "uuid", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    graph_name = table.Column<string>(type: "text", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    node = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    decision = table.Column<string>(type: "jsonb", nullable: true),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_graph_interrupt", x => x.interrupt_id);
                    table.CheckConstraint("ck_graph_interrupt_status", "status in ('open','resolved','cancelled')");
                    table.ForeignKey(
                        name: "FK_graph_interrupt_graph_run_run_id",
                        column: x => x.run_id,
                        principalTable: "graph_run",
                        principalColumn: "run_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_graph_audit_run",
                table: "graph_audit",
                columns: new[] { "run_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_graph_interrupt_status",
                table: "graph_interrupt",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ux_graph_interrupt_open",
                table: "graph_interrupt",
                column: "run_id",
                unique: true,
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_graph_run_claimable",
                table: "graph_run",
                column: "updated_at",
                filter: "status in ('pending','running')");

            migrationBuilder.CreateIndex(
                name: "ix_graph_run_created",
                table: "graph_run",
                columns: new[] { "created_at", "run_id" });

            migrationBuilder.CreateIndex(
                name: "ix_graph_run_lineage",
                table: "graph_run",
                column: "lineage_id");

            migrationBuilder.CreateIndex(
                name: "ux_graph_run_business_key",
                table: "graph_run",
                columns: new[] { "graph_name", "business_key" },
                unique: true,
                filter: "parent_run_id is null");

            migrationBuilder.CreateIndex(
                name: "ix_side_effect_run",
                table: "side_effect",
                column: "run_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "graph_audit");

            migrationBuilder.DropTable(
                name: "graph_checkpoint");

            migrationBuilder.DropTable(
                name: "graph_interrupt");

            migrationBuilder.DropTable(
                name: "idempotency_record");

            migrationBuilder.DropTable(
                name: "side_effect");

            migrationBuilder.DropTable(
                name: "graph_run");
        }
    }
}
