<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

class Contact extends Model
{
    protected $fillable = [
        'contact_name',
        'email',
        'mobile',
        'position',
        'wechat_id',
        'receives_notices',
        'receives_bills',
    ];

    protected $hidden = [
        'wechat_id',
    ];

    protected $casts = [
        'receives_notices' => 'boolean',
        'receives_bills' => 'boolean',
    ];

    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }
}
