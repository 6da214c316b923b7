<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;

class Ticket extends Model
{
    public const STATUS_OPEN = 'open';
    public const STATUS_REPLIED = 'replied';

    protected $fillable = [
        'user_id',
        'category',
        'subject',
        'content',
        'contact_mobile',
        'attachment_path',
        'status',
        'call_id',
        'recording_path',
    ];

    protected $casts = [
        'replied_at' => 'datetime',
    ];

    public function user(): BelongsTo
    {
        return $this->belongsTo(User::class);
    }
}
