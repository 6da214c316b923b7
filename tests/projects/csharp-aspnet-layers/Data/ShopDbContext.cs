using Microsoft.EntityFrameworkCore;
using Shop.Models;

namespace Shop.Data;

public class ShopDbContext : DbContext
{
    public DbSet<Account> Accounts { get; set; }
}
