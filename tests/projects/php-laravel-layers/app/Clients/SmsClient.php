<?php

namespace App\Clients;

use Illuminate\Support\Facades\Http;

class SmsClient
{
    private const ENDPOINT = 'https://api.sms-partner.example/v1/messages';

    public function send(string $to, string $text): void
    {
        Http::withToken(config('services.sms.token'))->post(self::ENDPOINT, [
            'to' => $to,
            'text' => $text,
        ]);
    }
}
