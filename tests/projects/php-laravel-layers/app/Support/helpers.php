<?php

use Illuminate\Support\Facades\Log;

function audit_line(string $line): void
{
    Log::info($line);
}

function mask_phone(string $phone): string
{
    return str_repeat('*', strlen($phone) - 4) . substr($phone, -4);
}
