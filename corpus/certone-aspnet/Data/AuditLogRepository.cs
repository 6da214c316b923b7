using System.Data;
using Dapper;
using Microsoft.Data.SqlClient;

namespace CertOne.Api.Data;

/// <summary>
/// Back-office audit trail, written with Dapper next to the EF Core model.
/// </summary>
public class AuditLogRepository
{
    private const string InsertSql =
        "INSERT INTO admin_audit (actor_email, action, target_id, client_ip, created_at) " +
        "VALUES (@ActorEmail, @Action, @TargetId, @ClientIp, SYSUTCDATETIME())";

    private readonly string _connectionString;

    public AuditLogRepository(IConfiguration configuration)
    {
        _connectionString = configuration.GetConnectionString("CertOne")!;
    }

    public async Task RecordAsync(string actorEmail, string action, long targetId, string? clientIp)
    {
        using IDbConnection conn = new SqlConnection(_connectionString);
        await conn.ExecuteAsync(InsertSql, new { ActorEmail = actorEmail, Action = action, TargetId = targetId, ClientIp = clientIp });
    }

    public async Task<int> CountOrdersAsync(long customerId)
    {
        using IDbConnection conn = new SqlConnection(_connectionString);
        return await conn.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM Orders WHERE CustomerId = @customerId", new { customerId });
    }
}
