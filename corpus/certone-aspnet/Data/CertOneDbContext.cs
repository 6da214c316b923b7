using CertOne.Api.Models;
using Microsoft.EntityFrameworkCore;

namespace CertOne.Api.Data;

public class CertOneDbContext : DbContext
{
    public CertOneDbContext(DbContextOptions<CertOneDbContext> options) : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();
    public DbSet<CertificateOrder> Orders => Set<CertificateOrder>();
    public DbSet<NewsletterSubscriber> NewsletterSubscribers => Set<NewsletterSubscriber>();
    public DbSet<ResellerAccount> ResellerAccounts => Set<ResellerAccount>();
    public DbSet<FunnelEvent> FunnelEvents => Set<FunnelEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
        modelBuilder.Entity<LoginSession>().HasIndex(s => s.Token).IsUnique();
        modelBuilder.Entity<CertificateOrder>().Property(o => o.Status).HasMaxLength(16);
    }
}
