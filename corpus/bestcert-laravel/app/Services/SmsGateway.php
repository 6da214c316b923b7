<?php

namespace App\Services;

use AlibabaCloud\SDK\Dysmsapi\V20170525\Dysmsapi;
use AlibabaCloud\SDK\Dysmsapi\V20170525\Models\SendSmsRequest;
use Darabonba\OpenApi\Models\Config;
use Illuminate\Support\Facades\Log;

/**
 * Verification codes and ticket notices through Aliyun SMS (policy 2.1.1, 3.1.4).
 */
class SmsGateway
{
    private Dysmsapi $client;

    public function __construct()
    {
        $this->client = new Dysmsapi(new Config([
            'accessKeyId' => config('services.aliyun_sms.access_key_id'),
            'accessKeySecret' => config('services.aliyun_sms.access_key_secret'),
            'endpoint' => config('services.aliyun_sms.endpoint'),
        ]));
    }

    public function send(string $mobile, string $template, array $params): void
    {
        $request = new SendSmsRequest([
            'phoneNumbers' => $mobile,
            'signName' => config('services.aliyun_sms.sign_name'),
            'templateCode' => config("services.aliyun_sms.templates.$template"),
            'templateParam' => json_encode($params),
        ]);
        $response = $this->client->sendSms($request);

        // Template and result code only: the number stays out of the log.
        Log::info('sms sent', ['template' => $template, 'code' => $response->body->code]);
    }
}
