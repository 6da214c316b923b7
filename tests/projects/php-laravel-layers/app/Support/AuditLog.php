<?php

namespace App\Support;

use Illuminate\Support\Facades\Log;

class AuditLog
{
    public static function record(string $event, string $who): void
    {
        Log::channel('audit')->info("{$event}: {$who}");
    }
}
