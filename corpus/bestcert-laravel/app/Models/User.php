<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Foundation\Auth\User as Authenticatable;
use Illuminate\Notifications\Notifiable;

class User extends Authenticatable
{
    use Notifiable;

    /**
     * Registration (member name, mobile, password) and the optional "Basic
     * Information" of the account: membership type, unit, business and the
     * contact address, phone and fax.
     */
    protected $fillable = [
        'member_name',
        'mobile',
        'password',
        'member_type',
        'unit_name',
        'industry',
        'enterprise_scale',
        'main_products',
        'website',
        'country',
        'area',
        'street',
        'phone',
        'fax',
    ];

    protected $hidden = [
        'password',
        'remember_token',
        'id_number',
    ];

    protected $casts = [
        'password' => 'hashed',
        'id_number' => 'encrypted',
        'realname_verified_at' => 'datetime',
        'last_login_at' => 'datetime',
    ];

    public function contacts(): HasMany
    {
        return $this->hasMany(Contact::class);
    }

    public function tickets(): HasMany
    {
        return $this->hasMany(Ticket::class);
    }

    /**
     * Account notices go to the console contact who receives them.
     */
    public function routeNotificationForMail(): ?string
    {
        return $this->contacts()->where('receives_notices', true)->value('email');
    }

    public function maskedMobile(): string
    {
        return substr($this->mobile, 0, 3) . '****' . substr($this->mobile, -4);
    }
}
