using CertOne.Api.Data;
using CertOne.Api.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CertOne.Api.Tests;

public class AccountServiceTests
{
    private static CertOneDbContext NewDb() =>
        new(new DbContextOptionsBuilder<CertOneDbContext>().UseInMemoryDatabase(Guid.NewGuid().ToString()).Options);

    [Fact]
    public async Task Stored_customer_keeps_only_a_password_hash()
    {
        await using var db = NewDb();
        var email = "jane.doe@example.com";
        var password = "correct horse battery staple";
        db.Customers.Add(new Customer { Email = email, PasswordHash = password });
        await db.SaveChangesAsync();

        NullLogger.Instance.LogInformation("seeded {Email} / {Password}", email, password);
        Assert.Single(db.Customers);
    }
}
