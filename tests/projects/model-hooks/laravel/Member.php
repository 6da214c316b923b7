<?php
// Models that declare fields stored hashed or encrypted in their casts: the
// `$casts` property, or the `casts()` method of Laravel 11.

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Member extends Model
{
    protected $casts = [
        'password' => 'hashed',
        'id_number' => 'encrypted',
        'bank_card' => 'encrypted:array',
        'birth_date' => 'date',
    ];
}

class Patient extends Model
{
    protected function casts(): array
    {
        return ['medical_record' => 'encrypted', 'phone_number' => 'string'];
    }
}
